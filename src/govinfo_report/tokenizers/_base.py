"""The tokenizer contract: a table region's text in, rows of cells with source spans out.

A tokenizer knows one text layout (tab-separated, one cell per line, PDF text, HTML, ...). It does
not know the template: it only says where the cells are. The parser aligns cells to template rows
and columns afterwards, so a third-party tokenizer needs nothing but this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol, TypeAlias, runtime_checkable

from attrs import frozen

__all__ = ["Cell", "TokenRow", "Tokenizer"]


@frozen(kw_only=True)
class Cell:
    """One table cell as printed.

    ``start``/``end`` are character offsets into the text given to :meth:`Tokenizer.tokenize`
    (``text[start:end]`` is the raw cell, before stripping); ``line`` is the 1-based line of
    ``start`` within that text. ``col`` is the cell's horizontal position, comparable within one
    table: the grid column index for layouts that keep cell boundaries (tabs, pipes, HTML,
    markdown), the display column of the cell's first character for fixed-width layouts, and
    ``None`` when the layout lost positions (one cell per line, numbers separated by single
    spaces). An empty ``text`` is a cell the layout shows as empty (a blank, or a merged-cell gap).
    """

    text: str
    line: int
    start: int
    end: int
    col: float | None = None
    span: int = 1
    """How many grid columns the cell covers (HTML ``colspan``), where known."""


@frozen(kw_only=True)
class TokenRow:
    """One printed row: its cells in reading order and the line it starts on (1-based)."""

    cells: tuple[Cell, ...]
    line: int


@runtime_checkable
class Tokenizer(Protocol):
    """A layout: how to find cells in a table region's text.

    Implementations are plain objects (a module-level instance of a small class is typical) and
    must be pure: the same text always gives the same rows, and no method raises on any ``str``.
    """

    @property
    def name(self) -> str:
        """A short stable name, e.g. ``"tab"``; used by ``parse(..., layout=name)``."""
        ...

    def sniff(self, text: str) -> float:
        """Confidence in ``[0, 1]`` that ``text`` (a table region) is in this layout."""
        ...

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """The rows of cells of ``text``, in reading order."""
        ...


# -- the built-in tokenizers' internal form ----------------------------------------------------


FastCell: TypeAlias = tuple[str, int, int, int, "float | None", int]
"""A :class:`Cell` as a plain tuple ``(text, line, start, end, col, span)``: what built-in
tokenizers make and the parser reads internally (a report has about 300 cells; an attrs instance
costs several times more to build, and so does a ``NamedTuple``). Index it with :data:`TEXT`,
:data:`LINE`, :data:`START`, :data:`END`, :data:`COL` and :data:`SPAN`."""

TEXT: Final = 0
LINE: Final = 1
START: Final = 2
END: Final = 3
COL: Final = 4
SPAN: Final = 5

FastRow: TypeAlias = tuple[tuple[FastCell, ...], int]
"""A :class:`TokenRow` as a plain tuple ``(cells, line)``: index it with :data:`CELLS` and
:data:`ROW_LINE`."""

CELLS: Final = 0
ROW_LINE: Final = 1


def public_rows(rows: Sequence[FastRow]) -> list[TokenRow]:
    """``rows`` as :class:`TokenRow` values of :class:`Cell` (the public tokenizer output)."""
    return [
        TokenRow(
            cells=tuple(
                Cell(text=text, line=line, start=start, end=end, col=col, span=span)
                for text, line, start, end, col, span in cells
            ),
            line=line_no,
        )
        for cells, line_no in rows
    ]


def fast_rows(rows: Sequence[TokenRow]) -> list[FastRow]:
    """A tokenizer's public rows (a plug-in's) in the parser's internal form."""
    return [
        (tuple((c.text, c.line, c.start, c.end, c.col, c.span) for c in row.cells), row.line)
        for row in rows
    ]
