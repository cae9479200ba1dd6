"""Tokenizer for tab-separated rows (Word/WPS copies, python-docx): ``col`` is the grid index.

Empty cells and merged-cell gaps are kept as empty cells, so positions survive a blank cell.
python-docx repeats a merged cell's text in every grid cell it covers; the parser recognises the
repeats (identical neighbours beyond the row's columns) and keeps one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._flat import line_table
from ._registry import register_tokenizer

__all__ = ["TabTokenizer"]

_COLS = tuple(map(float, range(256)))
"""``col`` of a line's cells in order (0.0, 1.0, ...), made once for lines of up to 256 cells."""


class TabTokenizer:
    """Cells separated by tab characters, one table row per line."""

    name = "tab"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines holding a tab."""
        if "\t" not in text:
            return 0.0
        total = tabbed = 0
        for _, _, line in line_table(text):
            if line and not line.isspace():
                total += 1
                tabbed += "\t" in line
        if total == 0:
            return 0.0
        return min(0.95, 1.5 * tabbed / total)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """One row per non-empty line; cell ``k`` of a line has ``col=k``."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        add = out.append
        for lineno, off, line in line_table(text):
            if not line or line.isspace():
                continue
            parts = line.split("\t")
            cols = _COLS if len(parts) <= len(_COLS) else tuple(map(float, range(len(parts))))
            cells: list[FastCell] = []
            add_cell = cells.append
            a = off
            # (``cols[k]`` rather than ``zip(parts, cols, strict=False)``: a keyword argument
            # makes each line's ``zip`` call take CPython's slower keyword-call path)
            for k, part in enumerate(parts):
                b = a + len(part)
                add_cell((part, lineno, a, b, cols[k], 1))
                a = b + 1
            add((tuple(cells), lineno))
        return out


tab = register_tokenizer(TabTokenizer())
