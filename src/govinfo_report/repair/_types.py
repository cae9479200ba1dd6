"""Result records of the repair helpers: what a helper returns and how it explains itself."""

from __future__ import annotations

import attrs

__all__ = ["DecodeError", "Decoded", "Fix", "Repaired", "Span"]

Span = tuple[int, int]
"""A half-open ``(start, end)`` range of character (or, for bytes, byte) offsets."""


def _check_span(instance: object, attribute: attrs.Attribute[Span], value: Span) -> None:
    start, end = value
    if not 0 <= start <= end:
        raise ValueError(f"{attribute.name} must be a (start, end) range with 0 <= start <= end")


@attrs.frozen(kw_only=True)
class Fix:
    """One change a repair helper made, with enough detail to audit or replay it.

    ``source_span`` indexes the text the helper was given and ``target_span`` the text it
    returned, so ``source[slice(*fix.source_span)] == fix.original`` and
    ``result.text[slice(*fix.target_span)] == fix.replacement``.
    """

    name: str
    """Stable name of the fix, e.g. ``"utf8_as_gbk"`` or ``"fold_fullwidth_alnum"``."""
    source_span: Span = attrs.field(validator=_check_span)
    target_span: Span = attrs.field(validator=_check_span)
    original: str
    replacement: str
    reason: str
    """Why the change was made, in words."""
    score: float = 0.0
    """The evidence behind the change: a plausibility gain, a vote share; 0.0 when rule-based."""


@attrs.frozen(kw_only=True)
class Repaired:
    """A repaired text plus the fixes that produced it, in input order."""

    text: str
    fixes: tuple[Fix, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return bool(self.fixes)


@attrs.frozen(kw_only=True)
class Decoded:
    """The text decoded from bytes, the encoding chosen, and what was done to get it."""

    text: str
    encoding: str
    """Python codec name of what was used: ``utf-8``, ``utf-8-sig``, ``gb18030``, ``big5``,
    ``utf-16-le``, ``utf-16-be``, ``utf-32-le``, ``utf-32-be`` or a name chardet gave."""
    confidence: float
    """0.0-1.0: how sure the choice is (1.0 for a BOM or non-trivial strict UTF-8)."""
    bom: bool = False
    replaced: tuple[int, ...] = ()
    """Byte offsets of every byte that could not be decoded; each undecodable run of bytes became
    one U+FFFD in ``text``."""
    steps: tuple[str, ...] = ()
    """What was tried and decided, in order, in words."""

    @property
    def replaced_count(self) -> int:
        """How many bytes could not be decoded."""
        return len(self.replaced)


class DecodeError(ValueError):
    """Raised by ``decode(..., strict=True)`` when the bytes are not cleanly decodable.

    ``offset`` is the byte offset of the first undecodable byte under the best encoding found.
    """

    def __init__(self, message: str, *, encoding: str, offset: int) -> None:
        super().__init__(f"{message} (encoding {encoding}, byte offset {offset})")
        self.encoding = encoding
        self.offset = offset
