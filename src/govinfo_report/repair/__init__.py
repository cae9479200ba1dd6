"""Encoding and mojibake repair: bytes to text, and garbled text back to what was written."""

from ._decode import decode
from ._glyphmap import (
    UNKNOWN,
    GlyphConflict,
    GlyphMap,
    garble_score,
    learn_glyph_map,
    looks_garbled,
)
from ._mojibake import MOJIBAKE_KINDS, MojibakeKind, fix_mojibake
from ._normalize import (
    STEPS,
    NormalizeStep,
    drop_invisible,
    fold_compat_ideographs,
    fold_fullwidth_alnum,
    fold_presentation_forms,
    fold_radicals,
    join_cjk_lines,
    normalize,
    normalize_and_explain,
    remove_cjk_spaces,
)
from ._types import Decoded, DecodeError, Fix, Repaired

__all__ = [
    "MOJIBAKE_KINDS",
    "STEPS",
    "UNKNOWN",
    "DecodeError",
    "Decoded",
    "Fix",
    "GlyphConflict",
    "GlyphMap",
    "MojibakeKind",
    "NormalizeStep",
    "Repaired",
    "decode",
    "drop_invisible",
    "fix_mojibake",
    "fold_compat_ideographs",
    "fold_fullwidth_alnum",
    "fold_presentation_forms",
    "fold_radicals",
    "garble_score",
    "join_cjk_lines",
    "learn_glyph_map",
    "looks_garbled",
    "normalize",
    "normalize_and_explain",
    "remove_cjk_spaces",
]
