"""Mojibake repair: undo the wrong decodes that happen to Chinese text, run by run.

A wrong decode is undone by re-encoding the garbled run with the codec that misread it and
decoding the bytes with the right one. Only the runs where that is possible byte for byte, and
where the result is clearly more plausible Chinese than the garbled text, are changed (see
:func:`fix_mojibake`).
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from ._types import Fix, Repaired
from ._vocab import (
    COMMON,
    COMMON_CHARS,
    JUNK,
    LETTER,
    PUNCT,
    ByChar,
    char_class,
    is_ideograph,
    plausibility,
    template_vocabulary,
    text_cost,
)

__all__ = ["MOJIBAKE_KINDS", "MojibakeKind", "fix_mojibake"]

_ESCAPE = "govinfo_report.repair.escape"


def _escape_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: every undecodable byte becomes the lone surrogate U+DC00 + byte."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + b) for b in bad), error.end


codecs.register_error(_ESCAPE, _escape_bytes)

# The bytes 0x80-0x9F that windows-1252 maps to printable characters. "sloppy" windows-1252 (as
# browsers and many converters use it) maps the other five bytes to the C1 controls, like latin-1.
_CP1252_HIGH: dict[str, int] = {
    bytes([byte]).decode("cp1252"): byte
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

_CP1252_SET = frozenset(_CP1252_HIGH)

_SLOPPY_1252 = "sloppy-1252"
_INVALID = b"\xff"  # invalid in UTF-8, GB18030, Big5 and Shift-JIS alike: a barrier


@functools.lru_cache(maxsize=65536)
def _encode_char(codec: str, char: str) -> bytes | None:
    """Bytes of ``char`` in ``codec`` (``sloppy-1252`` or a chain ``a|b``), None if unencodable."""
    if codec == _SLOPPY_1252:
        code = ord(char)
        if code < 0x100:
            return bytes([code])
        byte = _CP1252_HIGH.get(char)
        return None if byte is None else bytes([byte])
    for name in codec.split("|"):
        try:
            return char.encode(name)
        except UnicodeEncodeError:
            continue
    return None


@functools.lru_cache(maxsize=65536)
def _decoded_length(codec: str, char: str) -> int:
    """How many bytes ``codec`` read to produce ``char`` (1 for an escaped byte)."""
    if 0xDC00 <= ord(char) <= 0xDCFF:
        return 1
    return len(char.encode(codec))


_CHAR_BYTES: dict[str, ByChar[bytes]] = {}
_BYTE_LENGTH: dict[str, ByChar[int]] = {}


def _char_bytes(codec: str) -> ByChar[bytes]:
    """Per character, its bytes in ``codec`` (``_INVALID`` when it has none)."""
    table = _CHAR_BYTES.get(codec)
    if table is None:
        table = _CHAR_BYTES[codec] = ByChar(lambda char: _encode_char(codec, char) or _INVALID)
    return table


def _byte_length(codec: str) -> ByChar[int]:
    """Per decoded character, :func:`_decoded_length`."""
    table = _BYTE_LENGTH.get(codec)
    if table is None:
        table = _BYTE_LENGTH[codec] = ByChar(lambda char: _decoded_length(codec, char))
    return table


@attrs.frozen(kw_only=True)
class MojibakeKind:
    """One kind of wrong decode: the codecs that produced the garbled text, to undo in reverse.

    ``steps`` are ``(wrongly_used, actual)`` pairs applied in order: re-encode with the first,
    decode with the second.
    """

    name: str
    steps: tuple[tuple[str, str], ...]
    description: str


MOJIBAKE_KINDS: tuple[MojibakeKind, ...] = (
    MojibakeKind(
        name="utf8_as_gbk",
        steps=(("gb18030|gbk", "utf-8"),),
        description="UTF-8 bytes read as GBK, GB18030 or cp936 (鍏紑 for 公开)",
    ),
    MojibakeKind(
        name="gbk_as_latin1",
        steps=((_SLOPPY_1252, "gb18030"),),
        description="GBK/GB18030 bytes read as latin-1 or windows-1252 (¹«¿ª for 公开); named "
        "gbk_as_cp1252 when windows-1252 characters occur",
    ),
    MojibakeKind(
        name="utf8_as_latin1",
        steps=((_SLOPPY_1252, "utf-8"),),
        description="UTF-8 bytes read as latin-1 or windows-1252 (å…¬å¼€ for 公开); named "
        "utf8_as_cp1252 when windows-1252 characters occur",
    ),
    MojibakeKind(
        name="double_utf8",
        steps=((_SLOPPY_1252, "utf-8"), (_SLOPPY_1252, "utf-8")),
        description="UTF-8 read as latin-1/windows-1252 and encoded to UTF-8 again, twice over",
    ),
    MojibakeKind(
        name="utf8_as_big5",
        steps=(("big5|cp950", "utf-8"),),
        description="UTF-8 bytes read as Big5 (reversible only where every byte pair was valid)",
    ),
    MojibakeKind(
        name="utf8_as_shift_jis",
        steps=(("shift_jis|cp932", "utf-8"),),
        description="UTF-8 bytes read as Shift-JIS or cp932 (kanji and half-width katakana)",
    ),
)

# A block: (source length in characters, decoded text). Blocks are the smallest pieces of a run
# whose bytes start and end on a character boundary on both sides.
_Block = tuple[int, str]


def _escaped_decode(data: bytes, decoding: str) -> str:
    """``data`` decoded, each undecodable byte becoming one lone surrogate U+DC00-U+DCFF.

    For UTF-8 the built-in ``surrogateescape`` handler (U+DC80 + byte) does the same at C
    speed: the UTF-8 decoder never counts an ASCII byte into an undecodable run, and which
    surrogate a byte becomes does not matter (any of them is a barrier). Other decoders can
    (GB18030 takes ``FF 35`` as one bad run), and ``surrogateescape`` stops at an ASCII byte.
    """
    if decoding == "utf-8":
        return data.decode(decoding, "surrogateescape")
    return data.decode(decoding, _ESCAPE)


def _blocks(source: str, encoding: str, decoding: str) -> list[_Block]:
    """Cut ``source`` into blocks re-encoded with ``encoding`` and decoded with ``decoding``.

    A block ends wherever the byte offsets of the source characters and of the decoded
    characters meet: at the values their two running sums share.
    """
    pieces = list(map(_char_bytes(encoding).__getitem__, source))
    decoded = _escaped_decode(b"".join(pieces), decoding)
    src_ends = list(itertools.accumulate(map(len, pieces)))
    out_ends = list(itertools.accumulate(map(_byte_length(decoding).__getitem__, decoded)))
    if (src_ends[-1] if src_ends else 0) != (out_ends[-1] if out_ends else 0):
        return [(len(source), "\udcff")]  # inconsistent codec: one barrier, nothing fixed
    # both sums grow strictly (every piece and every decoded character has a byte at least)
    src_index = dict(zip(src_ends, range(1, len(src_ends) + 1), strict=True))
    out_index = dict(zip(out_ends, range(1, len(out_ends) + 1), strict=True))
    blocks: list[_Block] = []
    i0 = j0 = 0
    for end in sorted(src_index.keys() & out_index.keys()):
        i, j = src_index[end], out_index[end]
        blocks.append((i - i0, decoded[j0:j]))
        i0, j0 = i, j
    return blocks


def _compose(first: list[_Block], second: list[_Block]) -> list[_Block]:
    """Blocks of a two-step decode, ``second`` being over the concatenated outputs of ``first``."""
    composed: list[_Block] = []
    i = j = 0
    mid_a = mid_b = 0  # positions in the intermediate text reached by first and second
    src_len = 0
    out: list[str] = []
    while i < len(first) or j < len(second):
        if mid_a <= mid_b and i < len(first):
            src_len += first[i][0]
            mid_a += len(first[i][1])
            i += 1
        elif j < len(second):
            mid_b += second[j][0]
            out.append(second[j][1])
            j += 1
        else:
            break
        if mid_a == mid_b:
            composed.append((src_len, "".join(out)))
            src_len = 0
            out = []
    if src_len or out:
        composed.append((src_len, "".join(out) + "\udcff"))
    return composed


def _kind_blocks(kind: MojibakeKind, source: str) -> list[_Block]:
    blocks = _blocks(source, *kind.steps[0])
    for encoding, decoding in kind.steps[1:]:
        middle = "".join(text for _, text in blocks)
        blocks = _compose(blocks, _blocks(middle, encoding, decoding))
    return blocks


_SLOPPY_ENCODE = "govinfo_report.repair.sloppy-1252"


def _sloppy_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Encode error handler of latin-1: the windows-1252 characters become their bytes."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    try:
        return bytes([_CP1252_HIGH[c] for c in error.object[error.start : error.end]]), error.end
    except KeyError:
        raise error from None


codecs.register_error(_SLOPPY_ENCODE, _sloppy_bytes)


def _encode_whole(codec: str, text: str) -> bytes:
    """Encode a whole run at C speed; raises UnicodeEncodeError when a character does not fit."""
    if codec == _SLOPPY_1252:
        return text.encode("latin-1", _SLOPPY_ENCODE)
    return text.encode(codec.split("|")[0])


def _whole_run(
    kind: MojibakeKind, run: str, first_steps: dict[tuple[str, str], str | None] | None = None
) -> str | None:
    """The run undone as a whole with strict codecs, or None when a step fails.

    ``first_steps`` caches the outcome of the first step, which several kinds share.
    """
    first = kind.steps[0]
    if first_steps is not None and first in first_steps:
        text = first_steps[first]
    else:
        try:
            text = _encode_whole(first[0], run).decode(first[1])
        except UnicodeError:
            text = None
        if first_steps is not None:
            first_steps[first] = text
    if text is None:
        return None
    try:
        for encoding, decoding in kind.steps[1:]:
            text = _encode_whole(encoding, text).decode(decoding)
    except UnicodeError:
        return None
    return text


_ESCAPED_BYTE = re.compile("[\udc00-\udcff]")


def _is_barrier(text: str) -> bool:
    return _ESCAPED_BYTE.search(text) is not None


_cost = text_cost


class _Candidate(NamedTuple):
    kind: str
    start: int
    end: int
    replacement: str
    gain: float
    steps: tuple[tuple[str, str], ...]


_MIN_GAIN = 2.0
_CLASS_OF = ByChar(char_class)
# exactly the characters of is_ideograph()
_IDEOGRAPH_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f]")
_MIN_GAIN_PER_CHAR = 1.0
_MAX_IDEOGRAPH_COST = 1.0
_MIN_GAIN_SINGLE = 6.0


def _acceptable(kind: MojibakeKind, original: str, replacement: str, gain: float) -> bool:
    """The evidence a segment needs before it is replaced."""
    meaningful = "".join(replacement.split())  # without the characters str.isspace() takes
    if not meaningful or gain < _MIN_GAIN or gain < _MIN_GAIN_PER_CHAR * len(meaningful):
        return False
    classes = set(map(_CLASS_OF.__getitem__, meaningful))
    if JUNK in classes:
        return False
    ideographs = _IDEOGRAPH_RE.findall(meaningful)
    if len(ideographs) >= 2:
        # common characters cost 0, other level-1 hanzi 2, rare ideographs 3
        return text_cost("".join(ideographs)) <= _MAX_IDEOGRAPH_COST * len(ideographs)
    if len(ideographs) == 1:
        # 年 from å¹´ or Äê: one common character made of letters and symbols, never of ideographs
        return (
            char_class(ideographs[0]) == COMMON
            and gain >= _MIN_GAIN_SINGLE
            and len(original) >= 3
            and len(_IDEOGRAPH_RE.findall(original)) <= 1
            and max(map(_CLASS_OF.__getitem__, original)) >= LETTER
        )
    if kind.name in _LATIN1_LETTER_KINDS:
        # é from Ã©: accept only latin-1 letters, each made of several garbled characters
        return (
            max(classes) <= LETTER
            and all(ord(c) < 0x100 for c in meaningful)
            and len(original) >= 2 * len(meaningful)
        )
    return False


def _segments(kind: MojibakeKind, run: str, offset: int) -> list[_Candidate]:
    """The acceptable segments of one run, found by a max-gain scan over its blocks."""
    blocks = _kind_blocks(kind, run)
    # Every result _acceptable takes holds a common ideograph, or, for the UTF-8-through-latin-1
    # kinds, a latin-1 letter (the other characters of a non-barrier block are ASCII only
    # where the source was, which gains nothing): without one in a block that decoded
    # cleanly, no segment can be accepted.
    needed = _common_ideographs() if kind.name not in _LATIN1_LETTER_KINDS else _NEEDED_LATIN
    if all(needed.isdisjoint(text) or _is_barrier(text) for _, text in blocks):
        return []
    gains: list[float | None] = []
    starts: list[int] = []
    position = 0
    for length, text in blocks:
        starts.append(position)
        source = run[position : position + length]
        gains.append(None if _is_barrier(text) else _cost(source) - _cost(text))
        position += length
    starts.append(position)
    found: list[_Candidate] = []
    i = 0
    retries = 0
    while i < len(blocks):
        best = 0.0
        best_end = -1
        total = 0.0
        j = i
        while j < len(blocks):
            gain = gains[j]
            if gain is None:
                break
            total += gain
            if total > best:
                best, best_end = total, j
            if total <= 0:
                break
            j += 1
        if best_end < 0:
            i = j + 1
            retries = 0
            continue
        start, end = starts[i], starts[best_end + 1]
        original = run[start:end]
        replacement = "".join(text for _, text in blocks[i : best_end + 1])
        if _acceptable(kind, original, replacement, best):
            found.append(
                _Candidate(
                    kind=kind.name,
                    start=offset + start,
                    end=offset + end,
                    replacement=replacement,
                    gain=best,
                    steps=kind.steps,
                )
            )
            i = best_end + 1
            retries = 0
        elif retries < 3 and i < best_end and kind.name not in _LATIN_KINDS:
            # a clean character may have been glued to the front of a garbled run: retry without
            i += 1
            retries += 1
        else:
            i = best_end + 1
            retries = 0
    return found


def _chars_from(codec: str, leads: Sequence[int], trails: range) -> str:
    chars = []
    for lead in leads:
        for trail in trails:
            try:
                chars.append(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


# UTF-8 lead bytes of CJK text: E2 (“”—…), E3 (CJK punctuation, kana), E4-E9 (ideographs), EF
# (full-width forms), each followed by a continuation byte 0x80-0xBF.
_UTF8_LEADS = (0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF)
_CONTINUATION = range(0x80, 0xC0)


@functools.cache
def _suspects() -> dict[str, frozenset[str]]:
    """Per kind, the characters whose presence makes a run worth examining."""
    latin = {chr(c) for c in range(0x80, 0x100)} | set(_CP1252_HIGH)
    # what clean Chinese text uses: GB2312 symbols, typographic quotes and dashes, no-break space
    latin -= set("·×÷°±§¨“”‘’—–…•\xa0")
    big5 = _chars_from("big5", _UTF8_LEADS, _CONTINUATION)
    sjis = _chars_from("shift_jis", _UTF8_LEADS, _CONTINUATION) + "".join(
        chr(c) for c in range(0xFF61, 0xFFA0)
    )
    sets = {
        "utf8_as_gbk": _chars_from("gbk", _UTF8_LEADS, _CONTINUATION),
        "gbk_as_latin1": "".join(latin),
        "utf8_as_latin1": "".join(latin),
        "double_utf8": "".join(latin),
        "utf8_as_big5": big5,
        "utf8_as_shift_jis": sjis,
    }
    # a character a clean report uses often is no sign of anything
    return {
        name: frozenset(c for c in chars if char_class(c) > PUNCT) for name, chars in sets.items()
    }


@functools.cache
def _suspect_pattern() -> re.Pattern[str]:
    chars = sorted(set().union(*_suspects().values()))
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


# Runs a kind examines. Multi-byte misreadings: maximal non-ASCII runs (ASCII bytes decode the
# same in every codec involved). Single-byte misreadings: maximal runs of non-space characters
# that windows-1252 can hold, since ASCII letters can be the trail byte of a GBK character.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_LATIN_RUN = re.compile(
    "[\x21-\x7e\x80-\xff" + "".join(re.escape(c) for c in sorted(_CP1252_HIGH)) + "]+"
)
_LATIN_KINDS = frozenset({"gbk_as_latin1", "utf8_as_latin1", "double_utf8"})


def _trimmed(kind: MojibakeKind, run: str, out: str, offset: int, gain: float) -> _Candidate:
    """A whole-run candidate without the ASCII it shares with the result at either end."""
    head = 0
    while head < min(len(run), len(out)) and run[head] == out[head] and run[head] < "\x80":
        head += 1
    tail = 0
    while (
        tail < min(len(run), len(out)) - head
        and run[-1 - tail] == out[-1 - tail]
        and run[-1 - tail] < "\x80"
    ):
        tail += 1
    return _Candidate(
        kind=kind.name,
        start=offset + head,
        end=offset + len(run) - tail,
        replacement=out[head : len(out) - tail],
        gain=gain,
        steps=kind.steps,
    )


def _run_candidates(kinds: list[MojibakeKind], run: str, offset: int) -> list[_Candidate]:
    """Candidates for one run: the whole run undone at once if that is acceptable (the usual
    case, at C speed), else the block-by-block search of every kind."""
    source_cost = _cost(run)
    if source_cost < _MIN_GAIN:
        # a segment gains at most what its source costs, and every candidate needs _MIN_GAIN
        return []
    best: tuple[float, MojibakeKind, str] | None = None
    first_steps: dict[tuple[str, str], str | None] = {}
    for kind in kinds:
        out = _whole_run(kind, run, first_steps)
        if out is None or out == run:
            continue
        gain = source_cost - _cost(out)
        if best is None or gain > best[0]:
            best = (gain, kind, out)
    if best is not None and _acceptable(best[1], run, best[2], best[0]):
        return [_trimmed(best[1], run, best[2], offset, best[0])]
    found: list[_Candidate] = []
    for kind in kinds:
        if kind.name in _LATIN_KINDS or _may_hold_common(kind, run):
            found.extend(_segments(kind, run, offset))
    return found


def _may_hold_common(kind: MojibakeKind, run: str) -> bool:
    """Cheap necessary condition of an acceptable segment: the run, undone leniently, holds a
    common ideograph (every accepted result of a multi-byte kind does)."""
    encoding, decoding = kind.steps[0]
    try:
        data = _encode_whole(encoding, run)
    except UnicodeEncodeError:
        # character by character, as _blocks re-encodes (the fallback codecs of the chain,
        # _INVALID for a character none of them has): this decodes to what _blocks cuts into
        # blocks, so without a common ideograph here _segments finds none in any block either
        data = b"".join(map(_char_bytes(encoding).__getitem__, run))
    return not _common_ideographs().isdisjoint(_escaped_decode(data, decoding))


@functools.cache
def _common_ideographs() -> frozenset[str]:
    """The ideographs of class ``COMMON``."""
    return frozenset(c for c in COMMON_CHARS | template_vocabulary() if is_ideograph(c))


# The kinds whose result may be latin-1 letters alone (é from Ã©), and what their result needs.
_LATIN1_LETTER_KINDS = frozenset({"utf8_as_latin1", "double_utf8"})
_NEEDED_LATIN = _common_ideographs() | frozenset(map(chr, range(0x80, 0x100)))


class _Group(NamedTuple):
    """Kinds examined on the same runs: the run pattern, the shortest run that can hold a
    candidate, the union of the kinds' typical characters (as a set and as a one-class
    pattern), and each kind with its own."""

    runs: re.Pattern[str]
    shortest: int
    union: frozenset[str]
    union_pattern: re.Pattern[str]
    kinds: tuple[_KindSuspects, ...]


_KindSuspects = tuple[MojibakeKind, frozenset[str]]


@functools.cache
def _groups() -> tuple[_Group, ...]:
    """The two groups of kinds: single-byte misreadings on :data:`_LATIN_RUN` runs, multi-byte
    ones on :data:`_NON_ASCII_RUN` runs."""
    suspects = _suspects()
    groups = []
    for pattern, in_group in ((_LATIN_RUN, True), (_NON_ASCII_RUN, False)):
        kinds = tuple(
            (k, suspects[k.name]) for k in MOJIBAKE_KINDS if (k.name in _LATIN_KINDS) == in_group
        )
        union = frozenset().union(*(chars for _, chars in kinds))
        # every typical character is itself a run character (_suspect_runs relies on it); the
        # two unions together are the characters of _suspect_pattern()
        assert all(pattern.fullmatch(c) for c in union)
        # single-byte misreadings: one character is one byte, which decodes to itself (ASCII)
        # or not at all, so a run of one character never changes
        shortest = 2 if in_group else 1
        union_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(union)) + "]")
        groups.append(_Group(pattern, shortest, union, union_pattern, kinds))
    return tuple(groups)


# Clean runs _suspect_runs walks past before it searches for the next typical character.
_WALK = 8


def _run_start(runs: re.Pattern[str], text: str, position: int) -> int:
    """Where the run of ``runs`` holding ``position`` starts: matched backward from there in
    the reversed text before it (a run of one character class reads the same both ways), in
    windows growing fourfold, so at a cost proportional to the length of the run."""
    width = 64
    while True:
        low = max(0, position - width)
        window = text[low : position + 1][::-1]
        back = runs.match(window)
        length = 0 if back is None else back.end()
        if length < len(window) or low == 0:
            return position + 1 - length
        width *= 4


def _suspect_runs(text: str, group: _Group, begin: int = 0) -> list[tuple[int, str]]:
    """``(start, run)`` of each maximal run of ``group.runs`` that holds one of the group's
    typical characters, in text order: what ``group.runs.finditer(text)`` yields, less the
    runs without one. ``begin`` is a position before which the text holds no typical
    character.

    Clean text is skipped by searching for the next typical character and starting at the run
    that holds it; from there the runs are visited in order, as long as fewer than ``_WALK``
    clean runs in a row are met (garbled text: runs with and without typical characters
    alternate), then the next typical character is searched for again.
    """
    found: list[tuple[int, str]] = []
    find = group.union_pattern.search
    runs = group.runs
    union = group.union
    hit = find(text, begin)
    while hit is not None:
        start = _run_start(runs, text, hit.start())
        clean = 0
        end = start
        for match in runs.finditer(text, start):
            run = match.group()
            # set lookups are quicker on a few characters, the regex scan on many
            if union.isdisjoint(run) if len(run) < 24 else find(run) is None:
                clean += 1
                if clean >= _WALK:
                    end = match.end()
                    break
                continue
            clean = 0
            found.append((match.start(), run))
        else:
            break
        hit = find(text, end)
    return found


def _candidates(text: str, begin: int = 0) -> list[_Candidate]:
    """Every candidate fix; ``text`` holds no suspect character before ``begin``."""
    found: list[_Candidate] = []
    for group in _groups():
        # a run's candidates depend on the run only: a repeated run is examined once
        seen: dict[str, list[_Candidate]] = {}
        for offset, run in _suspect_runs(text, group, begin):
            if len(run) < group.shortest:
                continue
            known = seen.get(run)
            if known is None:
                kinds = [k for k, chars in group.kinds if not chars.isdisjoint(run)]
                known = seen[run] = _run_candidates(kinds, run, 0)
            found.extend(
                _Candidate(
                    kind=c.kind,
                    start=c.start + offset,
                    end=c.end + offset,
                    replacement=c.replacement,
                    gain=c.gain,
                    steps=c.steps,
                )
                if offset
                else c
                for c in known
            )
    return found


def _fix_name(kind: str, original: str) -> str:
    if kind in ("gbk_as_latin1", "utf8_as_latin1") and not _CP1252_SET.isdisjoint(original):
        return kind.replace("latin1", "cp1252")
    return kind


@functools.cache
def _describe(steps: tuple[tuple[str, str], ...]) -> str:
    words = []
    for encoding, decoding in steps:
        shown = "windows-1252/latin-1" if encoding == _SLOPPY_1252 else encoding.split("|")[0]
        words.append(f"re-encoded as {shown}, decoded as {decoding}")
    return "; ".join(words)


def fix_mojibake(text: str) -> Repaired:
    """Undo wrong decodes of Chinese text, changing only the garbled runs of ``text``.

    Each kind of :data:`MOJIBAKE_KINDS` is tried on the runs that hold one of its typical
    characters. A run is cut into blocks that re-encode and decode byte-exactly; the segment of
    blocks with the largest plausibility gain is replaced only if the gain is at least 2 and at
    least 1 per character, the result has no control, private-use or replacement character, and
    its ideographs are mostly common: their mean cost is at most 1.0, where a common or template
    character costs 0, another GB2312 level-1 (or Big5 level-1) character 2 and a rare one 3. A
    result of a single ideograph must be a common character made of three or more letters and
    symbols (年 from å¹´), never of other ideographs. Overlapping candidates of different kinds
    are resolved by gain. Clean text, even full of rare characters, is returned unchanged: an
    arbitrary run of rare characters does not re-encode into valid UTF-8 made of common
    characters.

    >>> fix_mojibake("报告：鏀垮簻淇℃伅").text
    '报告：政府信息'
    >>> fix_mojibake("¹«¿ªÄê±¨").text
    '公开年报'
    >>> fix_mojibake("æ”¿åºœä¿¡æ¯å…¬å¼€").fixes[0].name
    'utf8_as_cp1252'
    >>> fix_mojibake("魑魅魍魉").changed
    False
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_mojibake() expects str, not {type(text).__name__}")
    # clean text, the usual case, holds no character typical of any kind: one scan at C speed
    first = _suspect_pattern().search(text)
    if first is None:
        return Repaired(text=text, fixes=())
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    # characters covered by a chosen candidate: two non-empty spans overlap when they share one
    covered = bytearray(len(text) + 1)
    has_empty = False
    for candidate in sorted(_candidates(text, first.start()), key=lambda c: (-c.gain, c.start)):
        start, end = candidate.start, candidate.end
        if has_empty or start >= end:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
        elif 1 in covered[start:end]:
            continue
        chosen.append(candidate)
        taken.append((start, end))
        if start >= end:
            has_empty = True
        covered[start:end] = b"\x01" * (end - start)
    if not chosen:
        return Repaired(text=text, fixes=())
    chosen.sort(key=lambda c: c.start)
    parts: list[str] = []
    fixes: list[Fix] = []
    position = 0
    out_length = 0
    shown: dict[str, str] = {}  # plausibility, as the reasons show it

    def plausible(part: str) -> str:
        value = shown.get(part)
        if value is None:
            value = shown[part] = f"{plausibility(part):.2f}"
        return value

    for candidate in chosen:
        kept = text[position : candidate.start]
        parts.append(kept)
        out_length += len(kept)
        original = text[candidate.start : candidate.end]
        parts.append(candidate.replacement)
        fixes.append(
            Fix(
                name=_fix_name(candidate.kind, original),
                source_span=(candidate.start, candidate.end),
                target_span=(out_length, out_length + len(candidate.replacement)),
                original=original,
                replacement=candidate.replacement,
                reason=(
                    f"{_describe(candidate.steps)}: plausibility "
                    f"{plausible(original)} -> {plausible(candidate.replacement)}"
                ),
                score=round(candidate.gain, 3),
            )
        )
        out_length += len(candidate.replacement)
        position = candidate.end
    parts.append(text[position:])
    return Repaired(text="".join(parts), fixes=tuple(fixes))
