"""The tokenizer contract: a table region's text in, rows of cells with source spans out.

A tokenizer knows one text layout (tab-separated, one cell per line, PDF text, HTML, ...). It does
not know the template: it only says where the cells are. The parser aligns cells to template rows
and columns afterwards, so a third-party tokenizer needs nothing but this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol, runtime_checkable

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


class FastCell(NamedTuple):
    """A :class:`Cell` as a named tuple: what built-in tokenizers make internally (an attrs
    instance costs several times more to build). Same fields, same meaning."""

    text: str
    line: int
    start: int
    end: int
    col: float | None = None
    span: int = 1


class FastRow(NamedTuple):
    """A :class:`TokenRow` of :class:`FastCell` values."""

    cells: tuple[FastCell, ...]
    line: int


def public_rows(rows: Sequence[FastRow]) -> list[TokenRow]:
    """``rows`` as :class:`TokenRow` values of :class:`Cell` (the public tokenizer output)."""
    return [
        TokenRow(
            cells=tuple(
                Cell(text=c.text, line=c.line, start=c.start, end=c.end, col=c.col, span=c.span)
                for c in row.cells
            ),
            line=row.line,
        )
        for row in rows
    ]


AnyCell = Cell | FastCell
"""A cell from any tokenizer: third-party ones give :class:`Cell`, built-ins :class:`FastCell`."""
AnyRow = TokenRow | FastRow
