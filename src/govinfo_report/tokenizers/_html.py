"""The ``html`` tokenizer: ``<table>`` markup to grid rows, with rowspan and colspan expanded.

Each ``<tr>`` of each table becomes one :class:`TokenRow`. A cell's ``col`` is its column in the
table's true grid (rowspans from rows above and colspans to its left already counted), ``span`` its
colspan, ``text`` its text (tags stripped, entities unescaped, whitespace collapsed), and
``start``/``end`` the cell's markup in the given text: from ``<td`` to the end of ``</td>``, or to
the tag that closed it implicitly. Choices a caller may need to know:

- A grid slot covered by a rowspan from above emits **nothing** (no repeated text, no empty
  placeholder): ``col`` says where each emitted cell sits, so a row label is counted once. A row
  whose slots are all covered, or an empty ``<tr></tr>``, emits no row.
- ``<br>`` and block tags inside a cell (``<p>``, ``<div>``, ...) are line breaks. Whitespace
  runs collapse to one space, except that a run holding a line break between two CJK characters
  (or full-width punctuation) collapses to nothing: ``结果<br>维持`` is ``结果维持``, ``a<br>b``
  is ``a b``. ``&nbsp;`` and the ideographic space count as whitespace.
- Nested tables: every table, at any depth, gives its own rows. An inner table's text belongs to
  the inner cells only, not to the outer cell holding it. Rows come in the order their ``<tr>``
  starts in the text, so an outer row precedes the rows of tables nested in it.
- Missing closers are implied as browsers do: ``<td>`` closes the open cell, ``<tr>`` the open row,
  ``</table>`` everything; a ``<td>`` or ``<tr>`` outside any table opens an implicit one (the
  parser may hand over a slice cut inside a table). ``<thead>``/``<tbody>``/``<tfoot>`` end a row
  group and, as in browsers, stop rowspans; ``rowspan="0"`` lasts to the end of its row group.
- Text outside cells (captions, prose around tables) is ignored; ``<script>`` and ``<style>``
  content and comments are dropped.

The markup is read by a small HTML5-style lexer rather than :mod:`html.parser`: on CPython 3.11 the
latter takes quadratic time on unclosed tags (400 KB of ``<a`` takes minutes), and a tokenizer must
stay linear on any input. Entities are decoded with :func:`html.unescape`. Limits that keep hostile
input linear: ``colspan`` is clamped to 1000 and ``rowspan`` to 65534 (the HTML limits), and at most
64 rowspans may be active at once in one table (further ones are read as ``rowspan="1"``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from html import unescape

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._registry import register_tokenizer

__all__ = ["HtmlTokenizer", "html_text"]

_new = tuple.__new__

_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_MAX_ACTIVE_SPANS = 64

_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
_SKIP_WS_SLASH = re.compile(r"[\t\n\f\r /]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r /=>]*")
_EQUALS = re.compile(r"[\t\n\f\r ]*=[\t\n\f\r ]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_LEADING_INT = re.compile(r"\s*\+?([0-9]+)")
_RAWTEXT_END = {
    "script": re.compile(r"</script[\t\n\f\r />]", re.IGNORECASE),
    "style": re.compile(r"</style[\t\n\f\r />]", re.IGNORECASE),
}
_SNIFF_CELL = re.compile(r"<t[dh][\t\n\f\r />]", re.IGNORECASE)
_SNIFF_TABLE = re.compile(r"<(?:table|tr)[\t\n\f\r />]", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")

_BREAK_TAGS = frozenset(
    ("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
     "blockquote", "pre", "hr", "section", "article", "address", "header", "footer")
)  # fmt: skip
_ROW_GROUPS = frozenset(("thead", "tbody", "tfoot"))
_BREAK = "\n"  # what <br> and block tags add to a cell's raw text


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x3FFFF
        or ch in "“”‘’…—"
    )


def clean_cell_text(raw: str) -> str:
    """Collapse whitespace as the ``html`` tokenizer does; a line break between CJK vanishes.

    >>> clean_cell_text("  结果\\n  维持 ")
    '结果维持'
    >>> clean_cell_text("本年  新制作\\u00a0数量")
    '本年 新制作 数量'
    >>> clean_cell_text("a\\nb")
    'a b'
    """

    def _sub(m: re.Match[str]) -> str:
        run = m.group()
        s, e = m.start(), m.end()
        if (
            ("\n" in run or "\r" in run or "\u2028" in run)
            and s > 0
            and e < len(raw)
            and _is_cjk(raw[s - 1])
            and _is_cjk(raw[e])
        ):
            return ""
        return " "

    return _WHITESPACE.sub(_sub, raw).strip(" ")


_CLEANED: dict[str, str] = {}
"""Memo of :func:`clean_cell_text` for short cell texts."""


class _OpenCell:
    __slots__ = ("col", "colspan", "pieces", "start")

    def __init__(self, start: int, col: int, colspan: int) -> None:
        self.start = start
        self.col = col
        self.colspan = colspan
        self.pieces: list[str] = []


class _Table:
    """Grid state of one table: active rowspans, the open row and the open cell."""

    __slots__ = ("cell", "cells", "cursor", "new_spans", "row_open", "row_start", "spans")

    def __init__(self) -> None:
        self.spans: list[list[int]] = []  # [first col, width, rows left after this one], by col
        self.new_spans: list[list[int]] = []
        self.row_open = False
        self.row_start = 0
        self.cells: list[FastCell] = []
        self.cursor = 0
        self.cell: _OpenCell | None = None


class _Builder:
    """Turns lexer events into rows; every method is O(1) amortised per event."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.stack: list[_Table] = []
        self.rows: list[tuple[int, int, FastRow]] = []

    def line_of(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    # -- cells and rows ----------------------------------------------------------------------------

    def close_cell(self, table: _Table, end: int) -> None:
        cell = table.cell
        if cell is None:
            return
        table.cell = None
        raw = "".join(map(unescape, cell.pieces))  # per piece: no entity across tags
        text = _CLEANED.get(raw)
        if text is None:
            text = clean_cell_text(raw)
            if len(raw) <= 64:  # cell texts repeat across reports; long ones are not kept
                if len(_CLEANED) >= 8192:
                    _CLEANED.clear()
                _CLEANED[raw] = text
        table.cells.append(
            _new(
                FastCell,
                (
                    text,
                    self.line_of(cell.start),
                    cell.start,
                    max(end, cell.start),
                    cell.col,
                    cell.colspan,
                ),
            )
        )

    def open_row(self, table: _Table, start: int) -> None:
        table.row_open = True
        table.row_start = start
        table.cells = []
        table.cursor = 0
        table.new_spans = []

    def close_row(self, table: _Table, end: int) -> None:
        self.close_cell(table, end)
        if not table.row_open:
            return
        table.row_open = False
        if table.cells:
            row = FastRow(tuple(table.cells), self.line_of(table.row_start))
            self.rows.append((table.row_start, len(self.rows), row))
        kept = [s for s in table.spans if s[2] > 1]
        for s in kept:
            s[2] -= 1
        for s in table.new_spans:
            if len(kept) < _MAX_ACTIVE_SPANS:
                kept.append(s)
        kept.sort(key=lambda s: s[0])
        table.spans = kept
        table.new_spans = []
        table.cells = []

    def end_group(self, table: _Table, pos: int) -> None:
        self.close_row(table, pos)
        table.spans = []

    def open_cell(self, table: _Table, start: int, attrs: dict[str, str]) -> None:
        if not table.row_open:
            self.open_row(table, start)
        self.close_cell(table, start)
        colspan = min(max(_int_attr(attrs.get("colspan"), 1), 1), _MAX_COLSPAN)
        rowspan = _int_attr(attrs.get("rowspan"), 1)
        rowspan = _MAX_ROWSPAN if rowspan == 0 else min(max(rowspan, 1), _MAX_ROWSPAN)
        col = table.cursor
        for first, width, _ in table.spans:  # sorted by first col: one pass finds a free slot
            if first <= col < first + width:
                col = first + width
        table.cell = _OpenCell(start, col, colspan)
        table.cursor = col + colspan
        if rowspan > 1:
            table.new_spans.append([col, colspan, rowspan - 1])

    # -- events ------------------------------------------------------------------------------------

    def current(self) -> _Table:
        if not self.stack:
            self.stack.append(_Table())  # a slice cut inside a table: open an implicit one
        return self.stack[-1]

    def start_tag(self, name: str, attrs: dict[str, str], start: int) -> None:
        if name == "table":
            self.stack.append(_Table())
        elif name in ("td", "th"):
            self.open_cell(self.current(), start, attrs)
        elif name == "tr":
            table = self.current()
            self.close_row(table, start)
            self.open_row(table, start)
        elif name in _ROW_GROUPS:
            if self.stack:
                self.end_group(self.stack[-1], start)
        elif name == "caption":
            if self.stack:
                self.close_row(self.stack[-1], start)
        elif name in _BREAK_TAGS:
            self.add_break()

    def end_tag(self, name: str, start: int, end: int) -> None:
        if not self.stack:
            return
        table = self.stack[-1]
        if name == "table":
            self.close_row(table, start)
            self.stack.pop()
        elif name in ("td", "th"):
            self.close_cell(table, end)
        elif name == "tr":
            self.close_cell(table, start)  # an unclosed cell ends where </tr> starts
            self.close_row(table, end)
        elif name in _ROW_GROUPS:
            self.end_group(table, start)
        elif name in _BREAK_TAGS:
            self.add_break()

    def add_break(self) -> None:
        if self.stack and self.stack[-1].cell is not None:
            self.stack[-1].cell.pieces.append(_BREAK)

    def data(self, start: int, end: int) -> None:
        if self.stack and self.stack[-1].cell is not None and end > start:
            self.stack[-1].cell.pieces.append(self.text[start:end])

    def finish(self) -> list[FastRow]:
        n = len(self.text)
        while self.stack:
            self.close_row(self.stack.pop(), n)
        self.rows.sort(key=lambda r: (r[0], r[1]))
        return [r[2] for r in self.rows]


def _int_attr(value: str | None, default: int) -> int:
    if value is None:
        return default
    m = _LEADING_INT.match(value)
    if m is None:
        return default
    digits = m.group(1).lstrip("0")[:9]  # clamped later; never build a huge int
    return int(digits) if digits else 0


def _scan_attrs(text: str, i: int) -> tuple[int, dict[str, str]] | None:
    """Attributes from ``i`` (just after the tag name) to ``>``; None at end of text (no tag)."""
    n = len(text)
    attrs: dict[str, str] = {}
    while True:
        skipped = _SKIP_WS_SLASH.match(text, i)
        assert skipped is not None  # a ``*`` pattern always matches
        i = skipped.end()
        if i >= n:
            return None
        if text[i] == ">":
            return i + 1, attrs
        m = _ATTR_NAME.match(text, i)
        if m is None:  # pragma: no cover - the skip above leaves a name character here
            return None
        name = m.group().lower()
        i = m.end()
        eq = _EQUALS.match(text, i)
        value = ""
        if eq is not None:
            i = eq.end()
            if i < n and text[i] in "\"'":
                close = text.find(text[i], i + 1)
                if close < 0:
                    return None  # end of text inside a quoted value: the tag is dropped
                value = text[i + 1 : close]
                i = close + 1
            else:
                u = _UNQUOTED.match(text, i)
                assert u is not None
                value = u.group()
                i = u.end()
        attrs.setdefault(name, value)


def _tokenize(text: str) -> list[FastRow]:
    b = _Builder(text)
    n = len(text)
    pos = 0
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            b.data(pos, n)
            break
        if lt > pos:
            b.data(pos, lt)
        nxt = text[lt + 1 : lt + 2]
        if text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            pos = n if close < 0 else close + 3
        elif nxt in ("!", "?"):
            close = text.find(">", lt + 2)
            pos = n if close < 0 else close + 1
        elif nxt == "/":
            m = _TAG_NAME.match(text, lt + 2)
            close = text.find(">", lt + 2)
            if m is None:
                if close < 0:  # "</" then no letter and no ">": text
                    b.data(lt, lt + 2)
                    pos = lt + 2
                else:  # "</ ...>" is a bogus comment
                    pos = close + 1
                continue
            pos = n if close < 0 else close + 1
            if close >= 0:
                b.end_tag(m.group().lower(), lt, pos)
        elif nxt.isascii() and nxt.isalpha():
            m = _TAG_NAME.match(text, lt + 1)
            assert m is not None
            scanned = _scan_attrs(text, m.end())
            if scanned is None:
                pos = n  # end of text inside a tag: the tag is dropped, as in browsers
                continue
            pos, attrs = scanned
            name = m.group().lower()
            b.start_tag(name, attrs, lt)
            rawtext_end = _RAWTEXT_END.get(name)
            if rawtext_end is not None:
                found = rawtext_end.search(text, pos)
                pos = n if found is None else found.start()
        else:
            b.data(lt, lt + 1)
            pos = lt + 1
    return b.finish()


_HEAD_END = re.compile(r"</head[\t\n\f\r />]", re.IGNORECASE)
_TEXT_BREAKS = _BREAK_TAGS | {"tr", "td", "th", "table", "caption", "title", "body", "html"}


def html_text(text: str) -> str:
    """The text of HTML markup, for prose: tags removed, entities decoded, lines kept.

    Block tags (``<p>``, ``<br>``, ``<div>``, cells, ...) are line breaks; other whitespace is
    kept as it is. Comments and the content of ``<head>``, ``<script>`` and ``<style>`` are
    dropped. The same lexer as the tokenizer, so linear on any input.

    >>> html_text("<head><title>t</title></head><p>总体&amp;良好</p><p>b</p>")
    '\\n总体&良好\\n\\nb\\n'
    """
    out: list[str] = []
    n = len(text)
    pos = 0
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(unescape(text[pos:]))
            break
        if lt > pos:
            out.append(unescape(text[pos:lt]))
        nxt = text[lt + 1 : lt + 2]
        if text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            pos = n if close < 0 else close + 3
        elif nxt in ("!", "?"):
            close = text.find(">", lt + 2)
            pos = n if close < 0 else close + 1
        elif nxt == "/":
            m = _TAG_NAME.match(text, lt + 2)
            close = text.find(">", lt + 2)
            if m is None and close < 0:  # "</" then no letter and no ">": text
                out.append("</")
                pos = lt + 2
                continue
            pos = n if close < 0 else close + 1
            if m is not None and m.group().lower() in _TEXT_BREAKS:
                out.append("\n")
        elif nxt.isascii() and nxt.isalpha():
            m = _TAG_NAME.match(text, lt + 1)
            assert m is not None
            scanned = _scan_attrs(text, m.end())
            if scanned is None:
                break  # end of text inside a tag: the tag is dropped, as in browsers
            pos = scanned[0]
            name = m.group().lower()
            skip_to = _HEAD_END if name == "head" else _RAWTEXT_END.get(name)
            if skip_to is not None:
                found = skip_to.search(text, pos)
                pos = n if found is None else found.start()
            elif name in _TEXT_BREAKS:
                out.append("\n")
        else:
            out.append("<")
            pos = lt + 1
    return "".join(out)


class HtmlTokenizer:
    """Rows of ``<table>`` markup; see the module docstring for the exact rules."""

    name = "html"

    def sniff(self, text: str) -> float:
        """0.95 when the text has ``<td>``/``<th>`` tags, 0.6 for ``<table>``/``<tr>`` only."""
        if _SNIFF_CELL.search(text):
            return 0.95
        if _SNIFF_TABLE.search(text):
            return 0.6
        return 0.0

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """The rows of every table in ``text``, in the order their rows start."""
        return tuple(public_rows(self._rows(text)))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        return tuple(_tokenize(text))


html_tokenizer = register_tokenizer(HtmlTokenizer())
"""The registered ``html`` tokenizer instance."""
