"""The ``markdown`` tokenizer: pipe tables, GitHub (``| a | b |``) and html2text style (``a| b``).

The text is cut into blocks at blank lines (a line of only whitespace, such as html2text's ``"  "``,
is blank). A block is a table when it has a line with cell-separating pipes; other blocks (prose,
headings) give no rows. In a table block every line is a row except delimiter lines
(``| --- | :-: |``, ``---|---``, and a lone ``---`` under a one-cell header), starting at the first
line with a pipe or the header line just above the first delimiter. A line without pipes inside the
block is a one-cell row, as html2text prints a row with one cell.

Cells are split at unescaped ``|``; ``\\|`` is a literal pipe in the cell's text. Outer pipes:
when the block's delimiter line starts with ``|`` (or, without a delimiter, most rows start and end
with one), a leading and a trailing pipe on each line are borders, not empty cells; otherwise
(html2text) every pipe separates cells, so ``| 13| 3`` is an empty cell followed by ``13`` and
``3``. Only the block's first delimiter line is skipped; a later dash-only line such as ``| - |``
is a row (of null markers). Cells are kept even when empty, and ``col`` is the cell's index in
its line (0-based), so a blank cell never shifts the numbers after it. ``text`` is the cell
stripped of spaces (html2text's trailing double space included); ``start``/``end`` cover the raw
cell between its pipes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, count, repeat
from typing import NamedTuple

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._registry import register_tokenizer

__all__ = ["MarkdownTokenizer"]

_new = tuple.__new__

_PIPE = re.compile(r"(?<!\\)\|")
# Written so that no two quantifiers compete for the same characters: linear on any line.
_DELIMITER = re.compile(r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?")
_LONE_RULE = re.compile(r"[ \t]*-{3,}[ \t]*")
_ONLY_PIPES = re.compile(r"[ \t]*\|+[ \t]*")


class _Line(NamedTuple):
    text: str  # without the line break (and without a trailing "\r")
    start: int
    number: int  # 1-based


@lru_cache(maxsize=4)
def _lines(text: str) -> tuple[_Line, ...]:
    """The lines of ``text`` split at ``\\n`` (cached: ``sniff`` and ``tokenize`` read the same
    region)."""
    raws = text.split("\n")
    starts = accumulate([len(r) + 1 for r in raws], initial=0)
    bodies = [r[:-1] if r.endswith("\r") else r for r in raws]
    return tuple(map(_new, repeat(_Line), zip(bodies, starts, count(1))))


def _is_delimiter(s: str) -> bool:
    return "-" in s and "|" in s and _DELIMITER.fullmatch(s) is not None


def _is_row(s: str) -> bool:
    """A line whose pipes separate cells (not seed 003's ``text |`` or ``|||`` lines)."""
    if "|" not in s:
        return False
    if "\\" in s:  # escaped pipes are not separators
        pipes = [m.start() for m in _PIPE.finditer(s)]
        if not pipes:
            return False
        first, last, many = pipes[0], pipes[-1], len(pipes) > 1
    else:
        first, last = s.find("|"), s.rfind("|")
        many = first != last
    if _ONLY_PIPES.fullmatch(s):
        return False
    stripped = s.strip()
    if len(stripped) >= 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped[-2] != "\\":
        return True  # GitHub style, even with one cell: "| a |"
    return bool(s[last + 1 :].strip()) or (many and bool(s[:first].strip()))


def _blocks(lines: Sequence[_Line]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _table_rows(block: list[_Line]) -> list[FastRow]:
    rows_idx = [i for i, ln in enumerate(block) if _is_row(ln.text)]
    if not rows_idx:
        return []
    row_set = set(rows_idx)
    # A lone "---" is html2text's delimiter under a one-cell header when a row follows it.
    lone_rules = {
        i
        for i, ln in enumerate(block)
        if i > 0 and i + 1 in row_set and _LONE_RULE.fullmatch(ln.text)
    }
    delims = sorted({i for i, ln in enumerate(block) if _is_delimiter(ln.text)} | lone_rules)[:1]
    first = rows_idx[0]
    if delims:
        first = min(first, max(delims[0] - 1, 0))
    if delims and delims[0] not in lone_rules:
        outer = block[delims[0]].text.lstrip().startswith("|")
    else:
        bordered = sum(
            1
            for i in rows_idx
            if block[i].text.strip().startswith("|") and block[i].text.strip().endswith("|")
        )
        outer = bordered * 2 > len(rows_idx)
    out: list[FastRow] = []
    for i in range(first, len(block)):
        if i in lone_rules or (delims and i == delims[0]):
            continue  # the delimiter; a later dash-only line ("| - |") is a row of null markers
        cells = _split(block[i], outer)
        if cells:
            out.append(FastRow(tuple(cells), block[i].number))
    return out


def _split(line: _Line, outer: bool) -> list[FastCell]:
    s = line.text
    bounds = [-1, *(m.start() for m in _PIPE.finditer(s)), len(s)]
    segments = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    if outer and len(segments) > 1:
        if not s[: segments[0][1]].strip():
            segments = segments[1:]
        if len(segments) > 1 and not s[segments[-1][0] :].strip():
            segments = segments[:-1]
    cells = []
    for col, (a, b) in enumerate(segments):
        raw = s[a:b]
        cells.append(
            _new(
                FastCell,
                (
                    raw.replace("\\|", "|").strip(),
                    line.number,
                    line.start + a,
                    line.start + b,
                    col,
                    1,
                ),
            )
        )
    return cells


class MarkdownTokenizer:
    """Rows of markdown pipe tables; see the module docstring for the exact rules."""

    name = "markdown"

    def sniff(self, text: str) -> float:
        """High when most non-blank lines are table rows or delimiters (seed 003's layout: 0)."""
        if "|" not in text:
            return 0.0  # without a pipe no line is a row
        nonblank = rows = delims = 0
        for line in _lines(text):
            s = line.text
            if not s.strip():
                continue
            nonblank += 1
            if _is_delimiter(s):
                delims += 1
            elif _is_row(s):
                rows += 1
        if not nonblank or not rows:
            return 0.0
        ratio = (rows + delims) / nonblank
        return min(1.0, 0.5 + 0.5 * ratio) if delims else 0.7 * ratio

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """The rows of every pipe table in ``text``, in reading order."""
        return tuple(public_rows(self._rows(text)))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        for block in _blocks(_lines(text)):
            out.extend(_table_rows(block))
        return tuple(out)


markdown_tokenizer = register_tokenizer(MarkdownTokenizer())
"""The registered ``markdown`` tokenizer instance."""
