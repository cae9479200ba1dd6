"""Tokenizer for tab-separated rows (Word/WPS copies, python-docx): ``col`` is the grid index.

Empty cells and merged-cell gaps are kept as empty cells, so positions survive a blank cell.
python-docx repeats a merged cell's text in every grid cell it covers; the parser recognises the
repeats (identical neighbours beyond the row's columns) and keeps one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._flat import iter_lines
from ._registry import register_tokenizer

__all__ = ["TabTokenizer"]

_new = tuple.__new__


class TabTokenizer:
    """Cells separated by tab characters, one table row per line."""

    name = "tab"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines holding a tab."""
        if "\t" not in text:
            return 0.0
        total = tabbed = 0
        for _, _, line in iter_lines(text):
            if line.strip():
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
        for lineno, off, line in iter_lines(text):
            if not line.strip():
                continue
            cells: list[FastCell] = []
            pos = 0
            for k, part in enumerate(line.split("\t")):
                cells.append(
                    _new(FastCell, (part, lineno, off + pos, off + pos + len(part), float(k), 1))
                )
                pos += len(part) + 1
            out.append(FastRow(tuple(cells), lineno))
        return out


tab = register_tokenizer(TabTokenizer())
