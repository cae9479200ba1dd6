"""Render an :class:`AnnualReport` as the full text of a report, in one of several layouts.

The inverse of parsing: a title line built from the meta, the six section headings with the
prose of sections 一, 五 and 六, and tables 二, 三 and 四 with every official label of the report's
edition and the official merged-cell structure (the 2019 edition's table 二 has its own shape).
Layouts:

``tab``
    One line per grid row, cells separated by tabs; every grid slot is a cell, so a merged or
    covered slot is an empty cell (like seed 001, a Word copy).
``pipe``
    One cell per line ending in `` |``; after each row but the last of a table, a line of ``|``, one
    per grid slot the row does not start (covered or merged), ends the row (like seed 003). A blank
    value is an empty cell, the line `` |`` (a space before the pipe).
``pdf``
    Text as a PDF extractor prints it (like seed 004): labels then numbers on one line, labels
    longer than 16 characters wrapped onto lines of their own before their numbers, group
    labels (``三、本年度办理结果``, ``（三）不予公开``) on lines of their own. Positions are kept
    with fixed spacing counted in characters (as pdftotext -layout places glyphs): the label zone
    is padded to one width per table and each column is a field of one width per table, with its
    text centred, so a blank value leaves its field empty and the numbers after it keep their
    places.
``html``
    An HTML page with the official table structure (``rowspan``/``colspan``), like the national
    template's pages; headings and prose in ``<p>`` elements. Text is escaped.
``markdown``
    ``#`` title, ``##`` headings and GitHub pipe tables: an empty header row, a delimiter row, then
    one row per grid row with every grid slot a cell (covered and merged slots empty); ``|`` in a
    cell is written ``\\|``.

Values: counts as ``str(int)`` (negative with ``-``), amounts as the Decimal's own digits
without an exponent (``format(d, "f")``: ``Decimal("20.30")`` is ``20.30``, ``Decimal("0E-2")``
is ``0.00``), a blank (``None``) as an empty cell. Extra rows (``report.extra_rows``) follow the
last template row of the row or group they belong to (``ExtraRow.group``), sharing its group
labels, or end their table when the group is unknown; their values go to their named columns
when ``columns`` names them unambiguously, else to the value columns in order. Prose is written
as given, one paragraph per line of the text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from ._convert import flatten
from ._schema import AnnualReport, ExtraRow, Meta
from ._template import RowSpec, Template, template

__all__ = ["render", "render_layouts"]

_INFO = "信息内容"
_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_APPLICANT_HEAD = "申请人情况"
_TITLE_TAIL = "政府信息公开工作年度报告"
_WRAP = 16
"""``pdf``: labels longer than this many characters are wrapped."""


# -- the layout-neutral model: a document of sections, tables as grids of spanning cells -----------


@attrs.frozen(kw_only=True)
class _GCell:
    """One printed cell: its grid column, spans, and whether it holds a value (a number)."""

    text: str
    col: int
    colspan: int = 1
    rowspan: int = 1
    value: bool = False


@attrs.frozen(kw_only=True)
class _GRow:
    cells: tuple[_GCell, ...]
    """The cells that start in this row, by column."""


@attrs.frozen(kw_only=True)
class _Table:
    width: int
    label_cols: int
    """How many leading grid columns hold labels (3 in table 三, 1 in 二, 0 in 四)."""
    rows: tuple[_GRow, ...]


@attrs.frozen(kw_only=True)
class _Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: _Table | None = None


@attrs.frozen(kw_only=True)
class _Document:
    title: str
    sections: tuple[_Section, ...]


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _title(meta: Meta) -> str:
    if meta.title:
        return meta.title
    organ = meta.organ or ""
    year = f"{meta.year}年" if meta.year is not None else ""
    return f"{organ}{year}{_TITLE_TAIL}"


def _paragraphs(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(p for p in text.split("\n") if p.strip())


def _leaf(label: str) -> str:
    return label.split(" / ")[-1].strip()


def _extras_after(
    rows: Sequence[RowSpec], extras: Sequence[ExtraRow]
) -> tuple[dict[int, list[ExtraRow]], list[ExtraRow]]:
    """Extra rows by the index of the template row they follow; the rest end the table."""
    after: dict[int, list[ExtraRow]] = {}
    tail: list[ExtraRow] = []
    for extra in extras:
        group = extra.group
        last = -1
        if group:
            for i, r in enumerate(rows):
                if r.key == group or r.key.startswith(group + "."):
                    last = i
        if last < 0:
            tail.append(extra)
        else:
            after.setdefault(last, []).append(extra)
    return after, tail


def _extra_values(extra: ExtraRow, columns: Sequence[str], first_col: int) -> list[_GCell]:
    """The value cells of an extra row: by column name when unambiguous, else in order."""
    names = list(columns)
    by_name = (
        len(extra.columns) == len(extra.values)
        and len(set(names)) == len(names)
        and all(c in names for c in extra.columns)
        and len(set(extra.columns)) == len(extra.columns)
    )
    cells = []
    for k, v in enumerate(extra.values):
        col = first_col + (names.index(extra.columns[k]) if by_name else k)
        cells.append(_GCell(text=_fmt(v), col=col, value=True))
    return sorted(cells, key=lambda c: c.col)


def _clean_label(text: str) -> str:
    return " ".join(text.split())


# -- table 二 --------------------------------------------------------------------------------------


def _active_table(report: AnnualReport, tpl: Template, values: dict[str, object]) -> _Table:
    specs = tpl.rows_of("active")
    after, tail = _extras_after(specs, [e for e in report.extra_rows if e.table == "active"])
    extra_widths = [len(e.values) for e in report.extra_rows if e.table == "active"]
    width = 1 + max([len(r.columns) for r in specs] + extra_widths)
    rows: list[_GRow] = []
    block: str | None = None
    for i, spec in enumerate(specs):
        head = spec.groups[0] if spec.groups else ""
        if head != block:
            block = head
            rows.append(_GRow(cells=(_GCell(text=head, col=0, colspan=width),)))
            labels = [_leaf(c.column) for c in spec.cells]
            rows.append(_GRow(cells=(_GCell(text=_INFO, col=0), *_spread(labels, width, False))))
        vals = [_fmt(values[c.path]) for c in spec.cells]
        rows.append(_GRow(cells=(_GCell(text=spec.label, col=0), *_spread(vals, width, True))))
        for extra in after.get(i, []):
            rows.append(_extra_row(extra, 0, 1, spec.columns))
    for extra in tail:
        rows.append(_extra_row(extra, 0, 1, ()))
    return _Table(width=width, label_cols=1, rows=tuple(rows))


def _spread(texts: Sequence[str], width: int, value: bool) -> list[_GCell]:
    """Cells from column 1; the last one spans to the table's right edge."""
    out = []
    for k, t in enumerate(texts):
        span = width - 1 - k if k == len(texts) - 1 else 1
        out.append(_GCell(text=t, col=1 + k, colspan=max(span, 1), value=value))
    return out


def _extra_row(extra: ExtraRow, label_col: int, first_value: int, cols: Sequence[str]) -> _GRow:
    label = _GCell(text=_clean_label(extra.label), col=label_col, colspan=first_value - label_col)
    return _GRow(cells=(label, *_extra_values(extra, cols, first_value)))


# -- table 三 --------------------------------------------------------------------------------------


def _header_rows(paths: Sequence[tuple[str, ...]], offset: int) -> list[list[_GCell]]:
    """Multi-level column headers with colspans and rowspans, from each column's label path."""
    depth = max(len(p) for p in paths)
    rows: list[list[_GCell]] = [[] for _ in range(depth)]
    for level in range(depth):
        c = 0
        while c < len(paths):
            path = paths[c]
            if len(path) <= level:
                c += 1
                continue
            end = c + 1
            if len(path) > level + 1:
                while end < len(paths) and paths[end][: level + 1] == path[: level + 1]:
                    end += 1
            rowspan = depth - level if len(path) == level + 1 else 1
            rows[level].append(
                _GCell(text=path[level], col=offset + c, colspan=end - c, rowspan=rowspan)
            )
            c = end
    return rows


def _applications_table(report: AnnualReport, tpl: Template, values: dict[str, object]) -> _Table:
    specs = tpl.rows_of("applications")
    first = specs[0]
    columns = first.columns
    label_cols = 1 + max(len(r.groups) for r in specs)
    width = label_cols + len(columns)
    paths = [(_APPLICANT_HEAD, *(p.strip() for p in c.column.split(" / "))) for c in first.cells]
    header = _header_rows(paths, label_cols)
    header[0].insert(0, _GCell(text=_BALANCE_NOTE, col=0, colspan=label_cols, rowspan=len(header)))
    after, tail = _extras_after(specs, [e for e in report.extra_rows if e.table == "applications"])
    # Logical rows: (label path, value cells), template rows with their extra rows in place.
    logical: list[tuple[tuple[str, ...], list[_GCell]]] = []
    for i, spec in enumerate(specs):
        vals = [
            _GCell(text=_fmt(values[c.path]), col=label_cols + k, value=True)
            for k, c in enumerate(spec.cells)
        ]
        logical.append(((*spec.groups, spec.label), vals))
        for extra in after.get(i, []):
            path = (*spec.groups, _clean_label(extra.label))
            logical.append((path, _extra_values(extra, columns, label_cols)))
    for extra in tail:
        logical.append(((_clean_label(extra.label),), _extra_values(extra, columns, label_cols)))
    width = max([width] + [max((c.col + 1 for c in v), default=0) for _, v in logical])
    rows = [_GRow(cells=tuple(h)) for h in header]
    for i, (path, vals) in enumerate(logical):
        cells: list[_GCell] = []
        for level, label in enumerate(path[:-1]):
            prev = logical[i - 1][0] if i else ()
            if prev[: level + 1] == path[: level + 1]:
                continue  # covered by the rowspan of the row that started the group
            span = 1
            while (
                i + span < len(logical)
                and len(logical[i + span][0]) > level + 1
                and logical[i + span][0][: level + 1] == path[: level + 1]
            ):
                span += 1
            cells.append(_GCell(text=label, col=level, rowspan=span))
        own = len(path) - 1
        cells.append(_GCell(text=path[-1], col=own, colspan=label_cols - own))
        rows.append(_GRow(cells=(*cells, *vals)))
    return _Table(width=width, label_cols=label_cols, rows=tuple(rows))


# -- table 四 --------------------------------------------------------------------------------------


def _appeals_table(report: AnnualReport, tpl: Template, values: dict[str, object]) -> _Table:
    cells = [c for c in tpl.cells if c.table == "appeals"]
    paths = [(*(p.strip() for p in c.row.split(" / ")), _leaf(c.column)) for c in cells]
    header = _header_rows(paths, 0)
    rows = [_GRow(cells=tuple(h)) for h in header]
    rows.append(
        _GRow(
            cells=tuple(
                _GCell(text=_fmt(values[c.path]), col=k, value=True) for k, c in enumerate(cells)
            )
        )
    )
    width = len(cells)
    for extra in (e for e in report.extra_rows if e.table not in ("active", "applications")):
        rows.append(_extra_row(extra, 0, 1, ()))
        width = max(width, 1 + len(extra.values))
    return _Table(width=width, label_cols=0, rows=tuple(rows))


def _document(report: AnnualReport) -> _Document:
    tpl = template(report.meta.edition)
    values: dict[str, object] = dict(flatten(report))
    tables = {
        "active": _active_table(report, tpl, values),
        "applications": _applications_table(report, tpl, values),
        "appeals": _appeals_table(report, tpl, values),
    }
    prose = {
        "overview": report.overview,
        "problems": report.problems,
        "other_matters": report.other_matters,
    }
    sections = []
    for s in tpl.sections:
        heading = f"{s.number}、{s.title}"
        if s.key in tables:
            sections.append(_Section(heading=heading, table=tables[s.key]))
        else:
            sections.append(_Section(heading=heading, paragraphs=_paragraphs(prose.get(s.key))))
    return _Document(title=_title(report.meta), sections=tuple(sections))


def _grid(table: _Table) -> list[list[str]]:
    """Every grid slot's text: a cell's text at its first slot, ``""`` for covered/merged slots."""
    out: list[list[str]] = []
    for row in table.rows:
        slots = [""] * table.width
        for c in row.cells:
            if c.col < table.width:
                slots[c.col] = c.text
        out.append(slots)
    return out


# -- layouts ---------------------------------------------------------------------------------------


def _render_tab(doc: _Document) -> str:
    out = [doc.title, ""]
    for s in doc.sections:
        out += [s.heading, ""]
        if s.table is not None:
            for slots in _grid(s.table):
                out.append("\t".join(t.replace("\t", " ").replace("\n", " ") for t in slots))
            out.append("")
        elif s.paragraphs:
            out += [*s.paragraphs, ""]
    return "\n".join(out)


def _render_pipe(doc: _Document) -> str:
    out = [doc.title]
    for s in doc.sections:
        out.append(s.heading)
        if s.table is not None:
            rows = s.table.rows
            for k, row in enumerate(rows):
                for c in row.cells:
                    text = c.text.replace("\n", " ").replace("|", "｜")
                    out.append(f"{text} |")
                rest = s.table.width - len(row.cells)
                if k < len(rows) - 1 and rest > 0:
                    out.append("|" * rest)
        else:
            out += s.paragraphs
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _render_markdown(doc: _Document) -> str:
    out = [f"# {doc.title}", ""]
    for s in doc.sections:
        out += [f"## {s.heading}", ""]
        if s.table is not None:
            w = s.table.width
            out.append("|" + "  |" * w)
            out.append("|" + " --- |" * w)
            for slots in _grid(s.table):
                out.append("| " + " | ".join(_md_cell(t) for t in slots) + " |")
            out.append("")
        elif s.paragraphs:
            for p in s.paragraphs:
                out += [p, ""]
    return "\n".join(out)


def _render_html(doc: _Document) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(doc.title)}</title>",
        "</head>",
        "<body>",
        f"<p>{e(doc.title)}</p>",
    ]
    for s in doc.sections:
        out.append(f"<p><strong>{e(s.heading)}</strong></p>")
        if s.table is not None:
            out.append('<table border="1">')
            for row in s.table.rows:
                tds = []
                for c in row.cells:
                    spans = ""
                    if c.colspan > 1:
                        spans += f' colspan="{c.colspan}"'
                    if c.rowspan > 1:
                        spans += f' rowspan="{c.rowspan}"'
                    tds.append(f"<td{spans}>{e(c.text)}</td>")
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</table>")
        else:
            out += [f"<p>{e(p)}</p>" for p in s.paragraphs]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _chunks(text: str) -> list[str]:
    text = " ".join(text.split())
    return [text[i : i + _WRAP] for i in range(0, len(text), _WRAP)] or [""]


def _place(parts: Sequence[tuple[int, str]]) -> str:
    """A line with each text starting at its character position (never overlapping)."""
    line = ""
    for x, text in sorted(parts):
        if not text:
            continue
        if len(line) > x - 2 and line:
            x = len(line) + 2  # an overflowing neighbour: keep a two-space gap
        line += " " * (x - len(line)) + text
    return line.rstrip()


def _pdf_table(table: _Table) -> list[str]:
    lc = table.label_cols
    label_len = 0
    field = 1
    for row in table.rows:
        for c in row.cells:
            if c.col < lc:
                label_len = max(label_len, max(len(k) for k in _chunks(c.text)))
            elif c.colspan == 1 or c.value:
                field = max(field, len(c.text))
    zone = label_len + 4 if lc else 0
    field += 4
    out: list[str] = []
    for row in table.rows:
        label_cells = [c for c in row.cells if c.col < lc]
        own = label_cells[-1] if label_cells and label_cells[-1].rowspan == 1 else None
        for c in label_cells:
            if c is not own:
                out += _chunks(c.text)
        parts: list[tuple[int, str]] = []
        if own is not None:
            chunks = _chunks(own.text)
            if len(chunks) > 1:
                out += chunks
            else:
                parts.append((0, chunks[0]))
        for c in row.cells:
            if c.col < lc:
                continue
            start = zone + (c.col - lc) * field
            span = field if c.value else field * c.colspan
            text = " ".join(c.text.split())
            parts.append((start + max((span - len(text)) // 2, 0), text))
        line = _place(parts)
        if line:
            out.append(line)
    return out


def _render_pdf(doc: _Document) -> str:
    out = [doc.title, ""]
    for s in doc.sections:
        out += [s.heading, ""]
        if s.table is not None:
            out += [*_pdf_table(s.table), ""]
        elif s.paragraphs:
            out += [*s.paragraphs, ""]
    return "\n".join(out)


_RENDERERS: dict[str, Callable[[_Document], str]] = {
    "tab": _render_tab,
    "pipe": _render_pipe,
    "pdf": _render_pdf,
    "html": _render_html,
    "markdown": _render_markdown,
}


def render_layouts() -> tuple[str, ...]:
    """The names of the layouts :func:`render` knows, e.g. ``("tab", "pipe", ...)``."""
    return tuple(_RENDERERS)


def render(report: AnnualReport, layout: str) -> str:
    """The full text of ``report`` in ``layout`` (one of :func:`render_layouts`).

    Pure: the same report and layout always give the same text. ``TypeError`` when ``report`` is
    not an :class:`AnnualReport` or ``layout`` not a ``str``; ``ValueError`` naming the known
    layouts for an unknown one.

    >>> from govinfo_report import empty_report
    >>> text = render(empty_report("2021"), "tab")
    >>> text.splitlines()[0]
    '政府信息公开工作年度报告'
    >>> "本年制发件数" in text and "结转下年度继续办理" in text
    True
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"render() takes an AnnualReport, not {type(report).__name__}")
    if not isinstance(layout, str):
        raise TypeError(f"layout must be a str, not {type(layout).__name__}")
    renderer = _RENDERERS.get(layout)
    if renderer is None:
        known = ", ".join(_RENDERERS)
        raise ValueError(f"unknown layout {layout!r}; known layouts: {known}")
    return renderer(_document(report))
