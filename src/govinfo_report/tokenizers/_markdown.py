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
from itertools import accumulate, count
from typing import TypeAlias

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._registry import register_tokenizer

__all__ = ["MarkdownTokenizer"]


# a pipe not escaped by a backslash; the pipe comes first so that the engine skips to pipes in C
_PIPE = re.compile(r"\|(?<!\\\|)")
# Written so that no two quantifiers compete for the same characters: linear on any line.
_DELIMITER = re.compile(r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?")
_LONE_RULE = re.compile(r"[ \t]*-{3,}[ \t]*")
_ONLY_PIPES = re.compile(r"[ \t]*\|+[ \t]*")
# Whole-text tests that every row line passes (see ``_may_have_rows``); each starts at a pipe.
_PIPE_THEN_MORE = re.compile(r"\|[^|\n]")
_ROW_HINT = re.compile(r"\|(?:[^\S\n]*[^\s|]|[^\S\n]+\||\|[ \t]*(?:[^\S\n \t\r]|\r[^\n]))")
_ROW_HINT_REVERSED = re.compile(r"\|\|(?:[^\S\n]*[^\s|]|[ \t]*[^\S\n \t])")

_ROW = 2
_DELIM = 4
"""Bits of a line's kind (see ``_kinds``); a non-blank line has bit 1."""


_Line: TypeAlias = tuple[str, int, int]
"""``(text without the line break and a trailing "\r", start offset, 1-based number)``."""


@lru_cache(maxsize=4)
def _lines(text: str) -> tuple[_Line, ...]:
    """The lines of ``text`` split at ``\\n`` (cached: ``sniff`` and ``tokenize`` read the same
    region)."""
    raws = text.split("\n")
    starts = accumulate([len(r) + 1 for r in raws], initial=0)
    bodies = [r[:-1] if r.endswith("\r") else r for r in raws] if "\r" in text else raws
    return tuple(zip(bodies, starts, count(1)))


def _is_row_escaped(s: str) -> bool:
    """:func:`_kind`'s row test for a line with a backslash (``\\|`` is not a separator)."""
    pipes = [m.start() for m in _PIPE.finditer(s)]
    if not pipes:
        return False
    first, last, many = pipes[0], pipes[-1], len(pipes) > 1
    if _ONLY_PIPES.fullmatch(s):
        return False
    stripped = s.strip()
    if len(stripped) >= 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped[-2] != "\\":
        return True  # GitHub style, even with one cell: "| a |"
    return bool(s[last + 1 :].strip()) or (many and bool(s[:first].strip()))


def _may_have_rows(text: str) -> bool:
    """False when no line of ``text`` can be a row: a necessary condition, tested on the whole
    text at once (seed 003's ``cell |`` / ``|||`` layout fails it without a look at each line).

    A row line (see ``_kind``) holds one of: a pipe, optional spaces, then a character other
    than a pipe (text after a pipe); a pipe, spaces, a pipe (``| |``); a pipe, a pipe, optional
    spaces and tabs, then another space character (``_ONLY_PIPES`` allows only spaces and tabs
    around ``||``; a ``\\r`` counts unless it ends the line): all found by ``_ROW_HINT``, which
    needs a pipe followed by neither a pipe nor a line break (``_PIPE_THEN_MORE``, cheaper, is
    tried first). Or text or a space other than a space or tab, then optional spaces, then two
    pipes (``a ||``): ``_ROW_HINT_REVERSED`` on the reversed text, where the pattern starts with
    the two pipes.
    """
    if _PIPE_THEN_MORE.search(text) is not None and _ROW_HINT.search(text) is not None:
        return True
    return "||" in text and _ROW_HINT_REVERSED.search(text[::-1]) is not None


def _kind(s: str) -> int:
    """1 for a non-blank line holding a pipe, plus ``_DELIM`` for a delimiter line and ``_ROW``
    for a row: a line whose pipes separate cells (not seed 003's ``text |`` or ``|||`` lines; a
    delimiter line with outer pipes is both)."""
    k = 1
    if "-" in s and _DELIMITER.fullmatch(s) is not None:
        k = 1 | _DELIM
    if "\\" in s:  # escaped pipes are not separators
        return k | _ROW if _is_row_escaped(s) else k
    # Without a backslash every pipe separates. ``r``/``t``: ``s`` without trailing / any
    # surrounding whitespace (``t`` holds a pipe, so it is not empty).
    r = s.rstrip()
    t = r.lstrip()
    if t[0] == "|" and t[-1] == "|" and len(t) >= 2:
        # GitHub style, even with one cell ("| a |"), unless only pipes between spaces and tabs
        # (``_ONLY_PIPES``)
        return k | _ROW if s.strip(" \t").strip("|") else k
    # (a line of only pipes between spaces and tabs fails both tests below)
    last = r.rfind("|")
    if last < len(r) - 1:
        return k | _ROW  # text after the last pipe
    first = r.find("|")
    if first != last and first > len(r) - len(t):
        return k | _ROW  # several pipes and text before the first
    return k


@lru_cache(maxsize=4)
def _kinds(text: str) -> tuple[int, ...]:
    """Per line of :func:`_lines`: 0 if blank, else 1 plus the ``_ROW``/``_DELIM`` bits (cached:
    ``sniff`` and ``tokenize`` read the same region)."""
    raws = text.split("\n")
    if "\r" in text:
        raws = [r[:-1] if r.endswith("\r") else r for r in raws]
    return tuple([_kind(s) if "|" in s else (0 if not s or s.isspace() else 1) for s in raws])


def _table_rows(block: Sequence[_Line], kinds: Sequence[int]) -> list[FastRow]:
    rows_idx = [i for i, k in enumerate(kinds) if k & _ROW]
    if not rows_idx:
        return []
    # A lone "---" is html2text's delimiter under a one-cell header when a row follows it (it
    # holds no pipe: kind 1).
    lone_rules = {
        i - 1
        for i in rows_idx
        if i > 1 and kinds[i - 1] == 1 and _LONE_RULE.fullmatch(block[i - 1][0])
    }
    delims = [i for i, k in enumerate(kinds) if k & _DELIM][:1]
    if lone_rules and (not delims or min(lone_rules) < delims[0]):
        delims = [min(lone_rules)]
    first = rows_idx[0]
    if delims:
        first = min(first, max(delims[0] - 1, 0))
    if delims and delims[0] not in lone_rules:
        outer = block[delims[0]][0].lstrip().startswith("|")
    else:
        bordered = 0
        for i in rows_idx:
            t = block[i][0].strip()
            bordered += t.startswith("|") and t.endswith("|")
        outer = bordered * 2 > len(rows_idx)
    skip = lone_rules | set(delims)
    out: list[FastRow] = []
    for i in range(first, len(block)):
        if i in skip:
            continue  # the delimiter; a later dash-only line ("| - |") is a row of null markers
        line = block[i]
        out.append((tuple(_split(line, outer)), line[2]))
    return out


def _split(line: _Line, outer: bool) -> list[FastCell]:
    s, line_start, number = line
    if "\\" in s:
        bounds = [-1, *(m.start() for m in _PIPE.finditer(s)), len(s)]
        segments = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
        if outer and len(segments) > 1:
            if not s[: segments[0][1]].strip():
                segments = segments[1:]
            if len(segments) > 1 and not s[segments[-1][0] :].strip():
                segments = segments[:-1]
        start = line_start
        return [
            (s[a:b].replace("\\|", "|").strip(), number, start + a, start + b, col, 1)
            for col, (a, b) in enumerate(segments)
        ]
    # without a backslash every pipe separates: the cells are ``s.split("|")``
    parts = s.split("|")
    a = line_start
    if outer and len(parts) > 1:
        if not parts[0].strip():
            a += len(parts[0]) + 1
            parts = parts[1:]
        if len(parts) > 1 and not parts[-1].strip():
            parts = parts[:-1]
    cells: list[FastCell] = []
    for col, raw in enumerate(parts):
        b = a + len(raw)
        cells.append((raw.strip(), number, a, b, col, 1))
        a = b + 1
    return cells


class MarkdownTokenizer:
    """Rows of markdown pipe tables; see the module docstring for the exact rules."""

    name = "markdown"

    def sniff(self, text: str) -> float:
        """High when most non-blank lines are table rows or delimiters (seed 003's layout: 0)."""
        if "|" not in text or not _may_have_rows(text):
            return 0.0  # no line is a row
        kinds = _kinds(text)
        rows = kinds.count(1 | _ROW)
        if not rows:
            return 0.0
        nonblank = len(kinds) - kinds.count(0)
        delims = kinds.count(1 | _DELIM) + kinds.count(1 | _DELIM | _ROW)
        ratio = (rows + delims) / nonblank
        return min(1.0, 0.5 + 0.5 * ratio) if delims else 0.7 * ratio

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """The rows of every pipe table in ``text``, in reading order."""
        return tuple(public_rows(self._rows(text)))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        if "|" not in text or not _may_have_rows(text):
            return ()  # no line is a row, so no block is a table
        lines = _lines(text)
        kinds = _kinds(text)
        out: list[FastRow] = []
        n = len(kinds)
        i = 0
        while i < n:
            if not kinds[i]:
                i += 1
                continue
            j = i + 1
            while j < n and kinds[j]:
                j += 1
            # lines i..j-1: a block between blank lines
            out.extend(_table_rows(lines[i:j], kinds[i:j]))
            i = j
        return tuple(out)


markdown_tokenizer = register_tokenizer(MarkdownTokenizer())
"""The registered ``markdown`` tokenizer instance."""
