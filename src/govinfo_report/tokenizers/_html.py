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
stay linear on any input. Plain tags (ASCII names, simple attributes), and whole ``<td>`` cells
whose text holds no tag, are read in one step by a regex with only possessive quantifiers that
agrees with the lexer on them; anything else goes through the lexer. Entities are decoded with
:func:`html.unescape`, in each run of text between tags on its own. Limits that keep hostile
input linear: ``colspan`` is clamped to 1000 and ``rowspan`` to 65534 (the HTML limits), and at most
64 rowspans may be active at once in one table (further ones are read as ``rowspan="1"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._registry import register_tokenizer

__all__ = ["HtmlTokenizer", "html_text"]


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


_ATTRS = (
    r"((?:[\t\n\f\r ]+[A-Za-z][A-Za-z0-9_:.-]*"
    r"(?:=(?:\"[^\"]*\"|'[^']*'|[^\t\n\f\r \"'<=>`/]+(?=[\t\n\f\r >])))?)*)"
    r"[\t\n\f\r /]*>"
)
_NEXT = re.compile(
    r"<(?:"
    r"([tT][dDhH])" + _ATTRS + r"([^<]*)</[tT][dDhH]>"
    r"|/([A-Za-z][A-Za-z0-9]*)(?:[\t\n\f\r /][^>]*)?>"
    r"|([A-Za-z][A-Za-z0-9]*)" + _ATTRS + r")?"
)
"""The next ``<``, and in one step the whole tag when it is a plain one, or a whole plain cell.

Groups 1-3 are a cell's ``<td>``/``<th>`` name, attributes and text when its text has no ``<``
and is followed by ``</td>`` or ``</th>``; group 4 is an end tag's name; groups 5 and 6 a start
tag's name and attributes. All are None when the ``<`` starts anything else (a comment, a bogus
tag, text, an odd tag), which the lexer in :func:`_tokenize` then reads. A plain tag has an ASCII
name, attributes of ASCII names with a double-quoted, single-quoted or unquoted value or none,
whitespace between them: on such tags this pattern and the lexer agree on the name, the attributes
and the end. The pattern only reads characters the lexer would read for the same tag (or the
cell text and end tag after it), and it stays linear without possessive quantifiers (which
Python 3.10's ``re`` lacks): every repeated class is followed by a character it cannot hold (a
name by ``=``, white space, ``/`` or ``>``; an unquoted value by a look-ahead for white space or
``>``; a cell's text by ``<``; an attribute by white space then a letter, which the final
``[\t\n\f\r /]*>`` cannot read), so giving characters back never lets a failed match
succeed and a failing attempt backtracks at most once over each character it read.
"""
_ATTR_PAIR = re.compile(
    r"([A-Za-z][A-Za-z0-9_:.-]*)(?:=(?:\"([^\"]*)\"|'([^']*)'|([^\t\n\f\r \"'<=>`/]+)))?"
)
"""One attribute of a group 2 or 6 match of :data:`_NEXT`."""


def _declaration_end(text: str, lt: int) -> int:
    """Where the comment (``<!--...-->``), declaration (``<!...>``) or processing instruction
    (``<?...>``) starting at the ``<`` at ``lt`` ends (the text's end when it is not closed), or
    -1 when ``lt`` starts none of them. Both lexers (:func:`_tokenize`, :func:`html_text`) skip
    these alike."""
    if text.startswith("<!--", lt):
        close = text.find("-->", lt + 4)
        return len(text) if close < 0 else close + 3
    if text.startswith(("<!", "<?"), lt):
        close = text.find(">", lt + 2)
        return len(text) if close < 0 else close + 1
    return -1


class _Table:
    """Grid state of one table: active rowspans, the open row and the open cell."""

    __slots__ = (
        "ccol",
        "cells",
        "cline",
        "cspan",
        "cstart",
        "cursor",
        "new_spans",
        "pieces",
        "row_line",
        "row_open",
        "row_start",
        "spans",
    )

    def __init__(self) -> None:
        self.spans: list[list[int]] = []  # [first col, width, rows left after this one], by col
        self.new_spans: list[list[int]] = []
        self.row_open = False
        self.row_start = 0
        self.row_line = 1
        self.cells: list[FastCell] = []
        self.cursor = 0
        self.pieces: list[str] | None = None  # the open cell's raw text pieces; None: no open cell
        self.cstart = 0  # the open cell's start, line, grid column and colspan
        self.cline = 1
        self.ccol = 0
        self.cspan = 1

    def take(self, colspan: int, rowspan: int) -> int:
        """The grid column of a new cell of the open row (the first at or after the cursor that
        no rowspan from above holds), moving the cursor past it and recording its rowspan."""
        col = self.cursor
        if self.spans:
            col = _free_col(self.spans, col)
        self.cursor = col + colspan
        if rowspan > 1:
            self.new_spans.append([col, colspan, rowspan - 1])
        return col

    def open_row(self, start: int, line: int) -> None:
        """Open a row at offset ``start`` on ``line``, with no cells yet."""
        self.row_open = True
        self.row_start = start
        self.row_line = line
        self.cells = []
        self.cursor = 0
        self.new_spans = []


def _clean(raw: str) -> str:
    """:func:`clean_cell_text` of an unescaped cell text, memoised."""
    text = _CLEANED.get(raw)
    if text is None:
        text = raw if _WHITESPACE.search(raw) is None else clean_cell_text(raw)
        if len(raw) <= 64:  # cell texts repeat across reports; long ones are not kept
            if len(_CLEANED) >= 8192:
                _CLEANED.clear()
            _CLEANED[raw] = text
    return text


def _cell_text(pieces: list[str]) -> str:
    if len(pieces) == 1:
        raw = pieces[0]
        return _clean(unescape(raw) if "&" in raw else raw)
    return _clean("".join(map(unescape, pieces)))  # per piece: no entity across tags


def _close_cell(table: _Table, end: int) -> None:
    pieces = table.pieces
    if pieces is None:
        return
    table.pieces = None
    start = table.cstart
    table.cells.append(
        (
            _cell_text(pieces),
            table.cline,
            start,
            end if end > start else start,
            table.ccol,
            table.cspan,
        )
    )


def _close_row(table: _Table, end: int, rows: list[tuple[int, int, FastRow]]) -> None:
    if table.pieces is not None:
        _close_cell(table, end)
    if not table.row_open:
        return
    table.row_open = False
    if table.cells:
        rows.append((table.row_start, len(rows), (tuple(table.cells), table.row_line)))
    if table.spans or table.new_spans:
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


def _int_attr(value: str | None, default: int) -> int:
    if value is None:
        return default
    m = _LEADING_INT.match(value)
    if m is None:
        return default
    digits = m.group(1).lstrip("0")[:9]  # clamped later; never build a huge int
    return int(digits) if digits else 0


def _spans(colspan_value: str | None, rowspan_value: str | None) -> tuple[int, int]:
    """A cell's colspan and rowspan from its attribute values, clamped."""
    colspan = min(max(_int_attr(colspan_value, 1), 1), _MAX_COLSPAN)
    rowspan = _int_attr(rowspan_value, 1)
    return colspan, _MAX_ROWSPAN if rowspan == 0 else min(max(rowspan, 1), _MAX_ROWSPAN)


_SPANS_OF: dict[str, tuple[int, int]] = {}
"""Memo of :func:`_plain_spans` for short attribute strings (they repeat: ``colspan="3"``)."""


def _plain_spans(attrs: str) -> tuple[int, int]:
    """:func:`_spans` of a group 2 or 6 match of :data:`_NEXT` (first of each name counts)."""
    spans = _SPANS_OF.get(attrs)
    if spans is not None:
        return spans
    colspan = rowspan = None
    for name, dq, sq, unquoted in _ATTR_PAIR.findall(attrs):
        name = name.lower()
        if name == "colspan":
            if colspan is None:
                colspan = dq or sq or unquoted
        elif name == "rowspan" and rowspan is None:
            rowspan = dq or sq or unquoted
    spans = _spans(colspan, rowspan)
    if len(attrs) <= 64:
        if len(_SPANS_OF) >= 1024:
            _SPANS_OF.clear()
        _SPANS_OF[attrs] = spans
    return spans


def _free_col(spans: list[list[int]], col: int) -> int:
    """The first grid column from ``col`` on that no rowspan from above covers."""
    for first, width, _ in spans:  # sorted by first col: one pass finds a free slot
        if first <= col < first + width:
            col = first + width
    return col


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
    """The rows of ``text``: a lexer and the grid builder in one loop (every step O(1) amortised).

    ``pieces`` is the open cell's text of the innermost open table (None when it has no open
    cell); cells and rows get their line numbers when they open, from a running count.
    """
    n = len(text)
    rows: list[tuple[int, int, FastRow]] = []  # (start, order, row): sorted by start at the end
    stack: list[_Table] = []
    table: _Table | None = None  # stack[-1]
    pieces: list[str] | None = None
    line = 1  # the line of every offset up to next_nl, the first line break not counted yet
    next_nl = text.find("\n")
    if next_nl < 0:
        next_nl = n
    no_gt = False  # no ">" after the last "</" lexed as text (keeps "</</</..." linear)
    finditer = _NEXT.finditer
    jumped = False  # the lexer read past the end of the match: a new pass from pos
    pos = 0
    while pos < n:  # each pass reads from pos until the lexer jumps ahead of the next "<"
        for m in finditer(text, pos):
            lt = m.start()
            if lt > next_nl:  # the line of lt, counted from the last line break passed
                line += text.count("\n", next_nl, lt)
                next_nl = text.find("\n", lt)
                if next_nl < 0:
                    next_nl = n
            if lt > pos and pieces is not None:
                pieces.append(text[pos:lt])
            cell_name, cell_attrs, cell_raw, end_name, name, attrs = m.groups()
            if cell_name is not None:  # a whole cell: its start tag, text (no tag) and end tag
                pos = m.end()
                if table is None:  # a slice cut inside a table: open an implicit one
                    table = _Table()
                    stack.append(table)
                if not table.row_open:
                    table.open_row(lt, line)
                elif pieces is not None:
                    _close_cell(table, lt)
                    pieces = None
                colspan, rowspan = _plain_spans(cell_attrs) if cell_attrs else (1, 1)
                col = table.take(colspan, rowspan)
                if "&" in cell_raw:
                    cell_raw = unescape(cell_raw)
                clean = _CLEANED.get(cell_raw)
                if clean is None:
                    clean = _clean(cell_raw)
                table.cells.append((clean, line, lt, pos, col, colspan))
                continue
            attr_dict: dict[str, str] | None = None
            if end_name is not None or name is not None:
                pos = m.end()
            else:  # the lexer, for anything but a plain tag; then a new pass from pos
                skipped = _declaration_end(text, lt)
                if skipped >= 0:
                    pos = skipped
                    break
                nxt = text[lt + 1 : lt + 2]
                if nxt == "/":
                    tm = _TAG_NAME.match(text, lt + 2)
                    close = -1 if no_gt else text.find(">", lt + 2)
                    if tm is None:
                        if close < 0:  # "</" then no letter and no ">": text
                            no_gt = True
                            if pieces is not None:
                                pieces.append("</")
                            pos = lt + 2
                        else:  # "</ ...>" is a bogus comment
                            pos = close + 1
                        break
                    if close < 0:
                        pos = n  # end of text inside an end tag: no tag
                        break
                    pos = close + 1
                    end_name = tm.group()
                elif nxt.isascii() and nxt.isalpha():
                    tm = _TAG_NAME.match(text, lt + 1)
                    assert tm is not None
                    scanned = _scan_attrs(text, tm.end())
                    if scanned is None:
                        pos = n  # end of text inside a tag: the tag is dropped, as in browsers
                        break
                    pos, attr_dict = scanned
                    name = tm.group()
                else:
                    if pieces is not None:
                        pieces.append("<")
                    pos = lt + 1
                    continue
                jumped = True
            if name is not None:  # a start tag
                name = name.lower()
                if name == "td" or name == "th":
                    if table is None:  # a slice cut inside a table: open an implicit one
                        table = _Table()
                        stack.append(table)
                    if not table.row_open:
                        table.open_row(lt, line)
                    elif pieces is not None:
                        _close_cell(table, lt)
                        pieces = None
                    if attr_dict is not None:
                        colspan, rowspan = _spans(
                            attr_dict.get("colspan"), attr_dict.get("rowspan")
                        )
                    elif attrs:
                        colspan, rowspan = _plain_spans(attrs)
                    else:
                        colspan = rowspan = 1
                    col = table.take(colspan, rowspan)
                    table.cstart = lt
                    table.cline = line
                    table.ccol = col
                    table.cspan = colspan
                    pieces = table.pieces = []
                elif name == "tr":
                    if table is None:
                        table = _Table()
                        stack.append(table)
                    if table.row_open:
                        _close_row(table, lt, rows)
                        pieces = None
                    table.open_row(lt, line)
                elif name == "table":
                    table = _Table()
                    stack.append(table)
                    pieces = None
                elif name in _BREAK_TAGS:
                    if pieces is not None:
                        pieces.append(_BREAK)
                elif name in _ROW_GROUPS:
                    if table is not None:
                        _close_row(table, lt, rows)
                        table.spans = []
                        pieces = None
                elif name == "caption":
                    if table is not None:
                        _close_row(table, lt, rows)
                        pieces = None
                else:
                    rawtext_end = _RAWTEXT_END.get(name)
                    if rawtext_end is not None:
                        found = rawtext_end.search(text, pos)
                        pos = n if found is None else found.start()
                        jumped = True
            elif table is not None:  # an end tag inside a table
                assert end_name is not None
                name = end_name.lower()
                if name == "td" or name == "th":
                    if pieces is not None:
                        _close_cell(table, pos)  # the cell ends with its end tag
                        pieces = None
                elif name == "tr":
                    if pieces is not None:
                        _close_cell(table, lt)  # an unclosed cell ends where </tr> starts
                        pieces = None
                    _close_row(table, pos, rows)
                elif name == "table":
                    _close_row(table, lt, rows)
                    stack.pop()
                    table = stack[-1] if stack else None
                    pieces = None if table is None else table.pieces
                elif name in _BREAK_TAGS:
                    if pieces is not None:
                        pieces.append(_BREAK)
                elif name in _ROW_GROUPS:
                    _close_row(table, lt, rows)
                    table.spans = []
                    pieces = None
            if jumped:
                jumped = False
                break
        else:
            if pieces is not None and pos < n:
                pieces.append(text[pos:])
            break
    while stack:
        _close_row(stack.pop(), n, rows)
    rows.sort()  # by start, then by order made: rows themselves are never compared
    return [r[2] for r in rows]


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
    no_gt = False
    search = _NEXT.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            chunk = text[pos:]
            out.append(unescape(chunk) if "&" in chunk else chunk)
            break
        lt = m.start()
        if lt > pos:
            chunk = text[pos:lt]
            out.append(unescape(chunk) if "&" in chunk else chunk)
        cell_name, _, cell_raw, end_name, name, _ = m.groups()
        if cell_name is not None:  # "<td>text</td>": a line break, the text, a line break
            pos = m.end()
            out.append("\n")
            if cell_raw:
                out.append(unescape(cell_raw) if "&" in cell_raw else cell_raw)
            out.append("\n")
            continue
        if end_name is not None or name is not None:
            pos = m.end()
        else:
            skipped = _declaration_end(text, lt)
            if skipped >= 0:
                pos = skipped
                continue
            nxt = text[lt + 1 : lt + 2]
            if nxt == "/":
                tm = _TAG_NAME.match(text, lt + 2)
                close = -1 if no_gt else text.find(">", lt + 2)
                if tm is None and close < 0:  # "</" then no letter and no ">": text
                    no_gt = True
                    out.append("</")
                    pos = lt + 2
                    continue
                pos = n if close < 0 else close + 1
                if tm is not None:
                    end_name = tm.group()
                else:
                    continue
            elif nxt.isascii() and nxt.isalpha():
                tm = _TAG_NAME.match(text, lt + 1)
                assert tm is not None
                scanned = _scan_attrs(text, tm.end())
                if scanned is None:
                    break  # end of text inside a tag: the tag is dropped, as in browsers
                pos = scanned[0]
                name = tm.group()
            else:
                out.append("<")
                pos = lt + 1
                continue
        if name is not None:
            name = name.lower()
            skip_to = _HEAD_END if name == "head" else _RAWTEXT_END.get(name)
            if skip_to is not None:
                found = skip_to.search(text, pos)
                pos = n if found is None else found.start()
            elif name in _TEXT_BREAKS:
                out.append("\n")
        elif end_name is not None and end_name.lower() in _TEXT_BREAKS:
            out.append("\n")
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
