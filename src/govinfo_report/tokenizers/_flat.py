"""Tokenizers for text that lost cell boundaries: ``flat`` rows and one cell per line.

- ``flat``: PDF-extracted text (pdftotext -raw, pdfplumber) and lynx: each line is a label
  followed by numbers separated by spaces; labels wrap over several lines and a row's last number
  may wrap onto the next line (the parser joins them). Positions are lost (``col`` is None).
- ``lines``: one cell per line (PyMuPDF, BeautifulSoup ``get_text("\\n")``): blank lines are
  ignored, so a blank cell is lost (``col`` None).
- ``paragraphs``: one cell per paragraph separated by a blank line (docx2txt): an extra empty
  paragraph is an empty cell, so ``col`` counts cells from the last label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, count
from operator import add, itemgetter

from .._numbers import MISS, NUMBER_CACHE, parse_number
from ._base import FastCell, FastRow, TokenRow, public_rows
from ._registry import register_tokenizer

__all__ = ["count_nonblank", "iter_lines", "line_table", "nonblank_lines", "split_words"]


_WORD = re.compile(r"\S+")
_third = itemgetter(2)


@lru_cache(maxsize=8)
def line_table(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(line number, start offset, line text)`` for each line of ``text`` (cached: every
    tokenizer's ``sniff`` reads the same region)."""
    # splitlines() drops each line's break, as rstrip of every break character would: a line
    # holds no break character before its end
    lines = text.splitlines()
    if "\r\n" in text:  # the one break of two characters
        offsets: Iterable[int] = accumulate(map(len, text.splitlines(keepends=True)), initial=0)
    else:  # line k starts after k breaks of one character
        offsets = map(add, accumulate(map(len, lines), initial=0), count())
    return tuple(zip(count(1), offsets, lines, strict=False))


@lru_cache(maxsize=8)
def nonblank_lines(text: str) -> tuple[str, ...]:
    """The lines of :func:`line_table` that hold something other than whitespace, stripped
    (cached: several tokenizers' ``sniff`` read them)."""
    return tuple(filter(None, map(str.strip, map(_third, line_table(text)))))


def count_nonblank(text: str) -> int:
    """How many lines of ``text`` hold something other than whitespace (cached)."""
    return len(nonblank_lines(text))


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(line number, start offset, line text)`` for each line of ``text`` (1-based)."""
    return iter(line_table(text))


def split_words(line: str) -> list[tuple[int, int]]:
    """Spans of whitespace-separated words of ``line`` (full-width spaces count as spaces)."""
    return [m.span() for m in _WORD.finditer(line)]


def words_to_cells(
    line: str,
    lineno: int,
    offset: int,
    spans: Sequence[tuple[int, int]],
    cols: Sequence[float] | None,
    gap: int = 0,
) -> list[FastCell]:
    """Cells of one line: each number word alone, runs of other words joined into one label.

    With ``gap`` > 0, a run of words is also split where ``gap`` or more spaces separate them
    (fixed-width layouts print neighbouring cells apart).
    """
    cells: list[FastCell] = []
    run_start = -1
    run_end = -1
    run_col: float | None = None
    get = NUMBER_CACHE.get
    for k, (a, b) in enumerate(spans):
        word = line[a:b]
        col = cols[k] if cols is not None else None
        tok = get(word, MISS)
        if tok is MISS:
            tok = parse_number(word)
        # a label run ends before a number, or (fixed-width) at a wide gap, and at the line end
        if run_start >= 0 and (tok is not None or (gap and a - run_end >= gap)):
            start, end = offset + run_start, offset + run_end
            cells.append((line[run_start:run_end], lineno, start, end, run_col, 1))
            run_start = -1
        if tok is not None:
            cells.append((word, lineno, offset + a, offset + b, col, 1))
        else:
            if run_start < 0:
                run_start, run_col = a, col
            run_end = b
    if run_start >= 0:
        start, end = offset + run_start, offset + run_end
        cells.append((line[run_start:run_end], lineno, start, end, run_col, 1))
    return cells


@lru_cache(maxsize=16)
def _number_line_share(text: str) -> tuple[float, float, int]:
    """Shares of non-empty lines that end in two or more numbers, and that are one number."""
    rows = single = 0
    get = NUMBER_CACHE.get
    lines = nonblank_lines(text)
    for line in lines:
        words = line.rsplit(None, 2)  # the last two words (and the rest)
        w = words[-1]
        tok = get(w, MISS)
        if tok is MISS:
            tok = parse_number(w)
        if tok is None:
            continue
        if len(words) == 1:
            single += 1
        else:
            w = words[-2]
            tok = get(w, MISS)
            if tok is MISS:
                tok = parse_number(w)
            if tok is not None:
                rows += 1
    total = len(lines)
    if total == 0:
        return 0.0, 0.0, 0
    return rows / total, single / total, total


class FlatTokenizer:
    """Label then space-separated numbers on each line; wrapped labels and numbers allowed."""

    name = "flat"

    def sniff(self, text: str) -> float:
        """Share of lines ending in numbers, capped below the position-keeping layouts."""
        rows, _, total = _number_line_share(text)
        if total == 0 or "\t" in text:
            return 0.0
        return min(0.75, 0.2 + rows)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """One row per non-empty line."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        for lineno, off, line in iter_lines(text):
            spans = split_words(line)
            if spans:
                out.append((tuple(words_to_cells(line, lineno, off, spans, None)), lineno))
        return out


class LinesTokenizer:
    """One cell per line; blank lines carry nothing."""

    name = "lines"

    def sniff(self, text: str) -> float:
        """High when many lines are a single number."""
        _, single, total = _number_line_share(text)
        if total == 0 or "\t" in text:
            return 0.0
        return min(0.8, single * 1.6)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Each non-empty line is one cell of its own row."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            a = off + line.index(s[0])
            out.append((((s, lineno, a, a + len(s), None, 1),), lineno))
        return out


class ParagraphsTokenizer:
    """One cell per paragraph, paragraphs separated by one blank line; more blanks = empty cells."""

    name = "paragraphs"

    def sniff(self, text: str) -> float:
        """High when content lines alternate with blank lines and many are single numbers."""
        if "\t" in text:
            return 0.0
        table = line_table(text)
        content = count_nonblank(text)
        if content < 4 or (len(table) - content + 1) / content < 0.85:
            # each isolated line but the last has a blank line of its own after it, so at most
            # (blank lines + 1) are isolated: the share below cannot reach 0.85
            return 0.0
        blank = [not ln or ln.isspace() for _, _, ln in table]
        # a content line is isolated when the lines before and after it (if any) are blank
        around = [True, *blank, True]
        isolated = sum(
            1 for b, c, a in zip(around[:-2], blank, around[2:], strict=True) if b and a and not c
        )
        share = isolated / content
        if share < 0.85:
            return 0.0
        _, single, _ = _number_line_share(text)
        return min(0.85, 0.3 + share * single * 1.4)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Cells in order; a run of ``2k+1`` blank lines between cells holds ``k`` empty cells."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        col = 0
        blanks = 0
        last_off = 0
        last_line = 1
        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s:
                blanks += 1
                last_off, last_line = off, lineno
                continue
            if out and blanks >= 3:
                for _ in range((blanks - 1) // 2):
                    col += 1
                    empty = ("", last_line, last_off, last_off, float(col), 1)
                    out.append(((empty,), last_line))
            blanks = 0
            a = off + line.index(s[0])
            if parse_number(s) is None:
                col = 0
            else:
                col += 1
            cell = (s, lineno, a, a + len(s), float(col), 1)
            out.append(((cell,), lineno))
        return out


flat = register_tokenizer(FlatTokenizer())
lines = register_tokenizer(LinesTokenizer())
paragraphs = register_tokenizer(ParagraphsTokenizer())
