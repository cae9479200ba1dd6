"""Number tokens: what a table cell's text means as a value (count, amount, or a printed blank).

Rules (see docs/parser.md, "Number rules"):

- full-width digits and punctuation are folded to ASCII first (``１２`` is 12);
- thousands separators are accepted only in groups of three (``1,234``);
- a sign is kept (``-8`` is a 2019 本年增/减 decrease);
- decimals are kept exactly as :class:`~decimal.Decimal`;
- an empty cell is ``None``; the printed blanks ``/ - — 无`` (and their doubles) are ``None`` too,
  and the parser reports each with a ``null_marker`` diagnostic, since the template treats only
  printed numbers as values.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from attrs import frozen

__all__ = ["NULL_MARKERS", "NumberToken", "fold", "is_footer", "parse_number"]

_FOLD = str.maketrans(
    "０１２３４５６７８９．，－−＋　",
    "0123456789.,--+ ",
)
NULL_MARKERS = frozenset({"/", "-", "—", "——", "--", "－", "／", "无", "─", "–", "\\"})
"""Cell texts that print a blank on purpose; parsed as ``None`` with a ``null_marker`` note."""

_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_FOOTER = re.compile(r"[-—–－]?[ \t]*[0-9]{1,4}[ \t]*[-—–－]?|第[ \t]*[0-9]{1,4}[ \t]*页.{0,8}")


@frozen(kw_only=True)
class NumberToken:
    """A parsed cell: ``value`` is ``None`` for a printed blank (``is_null`` then True)."""

    value: int | Decimal | None
    is_null: bool = False
    is_decimal: bool = False


def fold(text: str) -> str:
    """Full-width digits and signs to ASCII.

    >>> fold("１２．５")
    '12.5'
    """
    return text.translate(_FOLD)


def parse_number(text: str) -> NumberToken | None:
    """The number a cell prints, a printed blank, or ``None`` when the text is not a number.

    >>> parse_number("1,234")
    NumberToken(value=1234, is_null=False, is_decimal=False)
    >>> parse_number("２.03").value
    Decimal('2.03')
    >>> parse_number("/").is_null
    True
    >>> parse_number("1.属于国家秘密") is None
    True
    """
    try:
        return NUMBER_CACHE[text]
    except KeyError:
        pass
    tok = _parse(text)
    if len(text) <= 64:  # cells repeat across reports; long texts are never cached
        if len(NUMBER_CACHE) >= _CACHE_SIZE:  # bounded: hostile text must not fill memory
            NUMBER_CACHE.clear()
        NUMBER_CACHE[text] = tok
    return tok


def _parse(text: str) -> NumberToken | None:
    if text.isascii():
        s = text.strip()
        if s.isdigit():
            return NumberToken(value=int(s))
    else:
        s = fold(text).strip()
    if not s:
        return None
    if s in NULL_MARKERS:
        return NumberToken(value=None, is_null=True)
    if len(s) > 24 or not _NUMBER.fullmatch(s):
        return None
    s = s.replace(",", "").lstrip("+")
    if "." in s:
        try:
            return NumberToken(value=Decimal(s), is_decimal=True)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            return None
    return NumberToken(value=int(s))


_CACHE_SIZE = 8192
NUMBER_CACHE: dict[str, NumberToken | None] = {}
"""Memo of :func:`parse_number` for texts of at most 64 characters (hot loops read it directly
with ``NUMBER_CACHE.get(text, MISS)`` and call :func:`parse_number` on a miss)."""
MISS = NumberToken(value=None, is_null=True)
"""Sentinel for ``NUMBER_CACHE.get`` (compare with ``is``; ``None`` is a cached answer: not a
number). A ``NumberToken`` so that the lookup keeps its type."""


def is_footer(line: str) -> bool:
    """Whether a whole line is a page footer such as ``- 4 -`` or ``第 4 页``.

    >>> is_footer(" - 4 - ")
    True
    >>> is_footer("4")
    False
    """
    s = fold(line).strip()
    if not s or s.isdigit():
        return False
    return _FOOTER.fullmatch(s) is not None
