"""HTML views for notebooks: a report's three tables drawn as the official form prints them.

:func:`report_html` lays out tables 二, 三 and 四 with the form's merged header and label cells and
its Chinese labels; a cell named by a discrepancy is highlighted and its tooltip (``title``) gives
the rule, the expected and actual values and the source line. Every piece of text is escaped.
The ``_repr_html_`` methods of ``AnnualReport`` and ``ParseResult`` call these functions.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._convert import flatten
from ._records import DiscrepancyLike, describe_path, severity_name
from ._schema import AnnualReport
from ._template import CellSpec, Edition, RowSpec, Template, template

__all__ = ["discrepancies_html", "parse_result_html", "report_html"]

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_APPLICANT_HEAD = "申请人情况"

_CSS = """
.govinfo-report{color:#111;background:#fff;font-family:"Noto Sans CJK SC","Source Han Sans SC",
"PingFang SC","Microsoft YaHei",SimSun,sans-serif;font-size:13px;line-height:1.4;padding:4px}
.govinfo-report h4{margin:14px 0 6px;font-size:14px}
.govinfo-report .gr-meta{font-size:14px;margin-bottom:4px}
.govinfo-report .gr-meta .gr-organ{font-weight:bold}
.govinfo-report table.gr-table{border-collapse:collapse;margin:0 0 8px;background:#fff}
.govinfo-report table.gr-table th,.govinfo-report table.gr-table td{border:1px solid #444;
padding:3px 6px;color:#111}
.govinfo-report table.gr-table th{background:#f3f3f3;font-weight:normal;text-align:center}
.govinfo-report table.gr-table th.gr-label{text-align:left;background:#fafafa;max-width:26em}
.govinfo-report table.gr-table th.gr-note{max-width:30em;font-size:12px}
.govinfo-report td.gr-v{text-align:right;min-width:3em;font-variant-numeric:tabular-nums}
.govinfo-report td.gr-blank{background:#f7f7f7}
.govinfo-report td.gr-error{background:#ffd6d6;outline:2px solid #d00;outline-offset:-2px}
.govinfo-report td.gr-warning{background:#fff0c2;outline:2px solid #c90;outline-offset:-2px}
.govinfo-report td.gr-info{background:#e3efff}
.govinfo-report table.gr-findings td{vertical-align:top}
.govinfo-report .gr-sev-error{color:#b00;font-weight:bold}
.govinfo-report .gr-sev-warning{color:#960;font-weight:bold}
.govinfo-report .gr-sev-info{color:#246}
.govinfo-report code{font-size:12px}
.govinfo-report .gr-src{font-family:monospace;white-space:pre-wrap;color:#444}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: object) -> str:
    return "" if value is None else str(value)


# -- which discrepancies touch which cells ---------------------------------------------------------


def _by_cell(tpl: Template, discrepancies: Sequence[DiscrepancyLike]) -> dict[str, list[Any]]:
    """Discrepancies per canonical cell path; a row or group path marks each of its cells."""
    out: dict[str, list[Any]] = {}
    paths = tpl.paths
    for d in discrepancies:
        for p in d.paths:
            for cell in paths:
                if cell == p or cell.startswith(p + "."):
                    bucket = out.setdefault(cell, [])
                    if d not in bucket:
                        bucket.append(d)
    return out


def _line_text(source_text: str | None, n: int) -> str | None:
    if source_text is None:
        return None
    lines = source_text.splitlines()
    if 1 <= n <= len(lines):
        return " ".join(lines[n - 1].split())
    return None


def _where(
    path: str,
    d_lines: Sequence[int],
    provenance: Mapping[str, Any] | None,
    source_text: str | None,
) -> list[str]:
    """Tooltip lines naming the source lines of a cell."""
    prov = provenance.get(path) if provenance else None
    lines = tuple(d_lines) or (tuple(prov.lines) if prov is not None else ())
    out = []
    for n in lines:
        text = _line_text(source_text, n)
        if text is None and prov is not None and n in prov.lines:
            text = prov.raw
        out.append(f"第 {n} 行 line {n}: {text}" if text else f"第 {n} 行 line {n}")
    if not lines and prov is not None and prov.raw:
        out.append(f"原文 raw: {prov.raw}")
    return out


def _value_cell(
    spec: CellSpec,
    value: object,
    found: Mapping[str, list[Any]],
    provenance: Mapping[str, Any] | None,
    source_text: str | None,
    colspan: int = 1,
) -> str:
    classes = ["gr-v"]
    if value is None:
        classes.append("gr-blank")
    tip = [f"{spec.row} | {spec.column}", spec.path]
    ds = found.get(spec.path, [])
    if ds:
        worst = min(ds, key=lambda d: _SEVERITY_RANK.get(severity_name(d.severity), 3))
        classes.append(f"gr-{severity_name(worst.severity)}")
        for d in ds:
            sev = severity_name(d.severity)
            tip.append(f"[{sev} {_SEVERITY_ZH.get(sev, '')}] {d.code}: {d.message_zh}")
            if d.expected is not None or d.actual is not None:
                tip.append(f"  应为 expected {_fmt(d.expected)}, 实为 actual {_fmt(d.actual)}")
        lines: Sequence[int] = next((tuple(d.lines) for d in ds if d.lines), ())
    else:
        lines = ()
    tip.extend(_where(spec.path, lines, provenance, source_text))
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return (
        f'<td class="{" ".join(classes)}" data-path="{_e(spec.path)}"{span} '
        f'title="{_e(chr(10).join(tip))}">{_e(_fmt(value))}</td>'
    )


# -- the three tables ------------------------------------------------------------------------------


def _active_table(tpl: Template, cells: Mapping[str, object], ctx: _Ctx) -> str:
    rows = tpl.rows_of("active")
    width = max(len(r.columns) for r in rows)
    out = ['<table class="gr-table gr-active">']
    block: str | None = None
    header: tuple[str, ...] = ()
    for row in rows:
        group = row.groups[0] if row.groups else ""
        if group != block or row.columns != header:
            if group != block:
                out.append(f'<tr><th colspan="{width + 1}">{_e(group)}</th></tr>')
            block, header = group, row.columns
            heads = ["<th>信息内容</th>"]
            for i, cell in enumerate(row.cells):
                span = _span(i, len(row.cells), width)
                label = cell.column.split(" / ")[-1]
                heads.append(f"<th{_colspan(span)}>{_e(label)}</th>")
            out.append("<tr>" + "".join(heads) + "</tr>")
        tds = [f'<th class="gr-label">{_e(row.label)}</th>']
        for i, cell in enumerate(row.cells):
            span = _span(i, len(row.cells), width)
            tds.append(ctx.td(cell, cells[cell.path], span))
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _span(i: int, n: int, width: int) -> int:
    """The last of a row's ``n`` cells stretches to fill a table ``width`` columns wide."""
    return width - n + 1 if i == n - 1 else 1


def _colspan(n: int) -> str:
    return f' colspan="{n}"' if n > 1 else ""


def _rowspan(n: int) -> str:
    return f' rowspan="{n}"' if n > 1 else ""


def _label_path(row: RowSpec) -> tuple[str, ...]:
    return (*row.groups, row.label)


def _label_cells(rows: Sequence[RowSpec], index: int, depth: int) -> list[str]:
    """The ``<th>`` cells at the left of row ``index``: merged group labels, then its own label."""
    path = _label_path(rows[index])
    out = []
    for level in range(len(path) - 1):
        prefix = path[: level + 1]
        if index > 0 and _label_path(rows[index - 1])[: level + 1] == prefix:
            continue
        span = 1
        while index + span < len(rows) and _label_path(rows[index + span])[: level + 1] == prefix:
            span += 1
        out.append(f'<th class="gr-label"{_rowspan(span)}>{_e(path[level])}</th>')
    colspan = depth - (len(path) - 1)
    out.append(f'<th class="gr-label"{_colspan(colspan)}>{_e(path[-1])}</th>')
    return out


def _applications_table(tpl: Template, cells: Mapping[str, object], ctx: _Ctx) -> str:
    rows = tpl.rows_of("applications")
    depth = max(len(_label_path(r)) for r in rows)
    first = rows[0].cells
    tops: list[tuple[str, list[str]]] = []  # top column label -> its leaf labels
    for c in first:
        parts = c.column.split(" / ")
        if len(parts) == 1 or not tops or tops[-1][0] != parts[0]:
            tops.append((parts[0], [parts[-1]] if len(parts) > 1 else []))
        else:
            tops[-1][1].append(parts[-1])
    out = ['<table class="gr-table gr-applications">']
    out.append(
        f'<tr><th class="gr-note" rowspan="3" colspan="{depth}">{_e(_BALANCE_NOTE)}</th>'
        f'<th colspan="{len(first)}">{_APPLICANT_HEAD}</th></tr>'
    )
    second: list[str] = []
    third: list[str] = []
    for top, leaves in tops:
        if leaves:
            second.append(f'<th colspan="{len(leaves)}">{_e(top)}</th>')
            third.extend(f"<th>{_e(leaf)}</th>" for leaf in leaves)
        else:
            second.append(f'<th rowspan="2">{_e(top)}</th>')
    out.append("<tr>" + "".join(second) + "</tr>")
    out.append("<tr>" + "".join(third) + "</tr>")
    for i, row in enumerate(rows):
        tds = _label_cells(rows, i, depth)
        tds.extend(ctx.td(c, cells[c.path]) for c in row.cells)
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _appeals_table(tpl: Template, cells: Mapping[str, object], ctx: _Ctx) -> str:
    rows = tpl.rows_of("appeals")
    first_row: list[str] = []
    second_row: list[str] = []
    leaf_row: list[str] = []
    tops: list[tuple[str, list[RowSpec]]] = []
    for row in rows:
        top = _label_path(row)[0]
        if not tops or tops[-1][0] != top:
            tops.append((top, []))
        tops[-1][1].append(row)
    for top, members in tops:
        span = sum(len(r.columns) for r in members)
        if len(members) == 1 and not members[0].groups:
            first_row.append(f'<th colspan="{span}" rowspan="2">{_e(top)}</th>')
        else:
            first_row.append(f'<th colspan="{span}">{_e(top)}</th>')
            for r in members:
                second_row.append(f'<th colspan="{len(r.columns)}">{_e(r.label)}</th>')
        for r in members:
            leaf_row.extend(f"<th>{_e(c.column.split(' / ')[-1])}</th>" for c in r.cells)
    values = [ctx.td(c, cells[c.path]) for r in rows for c in r.cells]
    out = [
        '<table class="gr-table gr-appeals">',
        "<tr>" + "".join(first_row) + "</tr>",
        "<tr>" + "".join(second_row) + "</tr>",
        "<tr>" + "".join(leaf_row) + "</tr>",
        "<tr>" + "".join(values) + "</tr>",
        "</table>",
    ]
    return "\n".join(out)


class _Ctx:
    """What every value cell needs: the discrepancies per cell, provenance and the source text."""

    def __init__(
        self,
        found: Mapping[str, list[Any]],
        provenance: Mapping[str, Any] | None,
        source_text: str | None,
    ) -> None:
        self.found = found
        self.provenance = provenance
        self.source_text = source_text

    def td(self, spec: CellSpec, value: object, colspan: int = 1) -> str:
        return _value_cell(spec, value, self.found, self.provenance, self.source_text, colspan)


def _extra_rows(report: AnnualReport) -> str:
    if not report.extra_rows:
        return ""
    out = [
        "<h4>模板外的行 <small>(rows the template lacks)</small></h4>",
        '<table class="gr-table gr-extra">',
        "<tr><th>表 table</th><th>行 label</th><th>类型 kind</th><th>数值 values</th>"
        "<th>行号 lines</th></tr>",
    ]
    for x in report.extra_rows:
        values = " ".join("·" if v is None else str(v) for v in x.values)
        lines = ", ".join(str(n) for n in x.lines)
        out.append(
            f"<tr><td>{_e(x.table)}</td><td>{_e(x.label)}</td><td>{_e(x.kind.value)}</td>"
            f'<td class="gr-v">{_e(values)}</td><td>{_e(lines)}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


def _meta_html(report: AnnualReport) -> str:
    meta = report.meta
    organ = meta.organ or "（机关名称未识别）"
    year = f"{meta.year} 年度" if meta.year is not None else "（年度未识别）"
    title = f"<div>{_e(meta.title)}</div>" if meta.title else ""
    return (
        f'<div class="gr-meta"><span class="gr-organ">{_e(organ)}</span> · {_e(year)} · '
        f"{_e(meta.edition.value)} 版格式</div>{title}"
    )


def _tables_html(
    report: AnnualReport,
    discrepancies: Sequence[DiscrepancyLike],
    provenance: Mapping[str, Any] | None,
    source_text: str | None,
) -> str:
    tpl = template(report.meta.edition)
    cells: Mapping[str, object] = flatten(report)
    ctx = _Ctx(_by_cell(tpl, discrepancies), provenance, source_text)
    sections = {c.table: c.section for c in tpl.cells}
    return "\n".join(
        [
            f"<h4>{_e(sections['active'])}</h4>",
            _active_table(tpl, cells, ctx),
            f"<h4>{_e(sections['applications'])}</h4>",
            _applications_table(tpl, cells, ctx),
            f"<h4>{_e(sections['appeals'])}</h4>",
            _appeals_table(tpl, cells, ctx),
            _extra_rows(report),
        ]
    )


def _wrap(body: str) -> str:
    return f'<div class="govinfo-report"><style>{_CSS}</style>\n{body}\n</div>'


def report_html(
    report: AnnualReport,
    discrepancies: Iterable[DiscrepancyLike] = (),
    provenance: Mapping[str, Any] | None = None,
    *,
    source_text: str | None = None,
) -> str:
    """An HTML fragment drawing ``report``'s tables 二, 三 and 四 as the official form does.

    Each value cell carries ``data-path`` (its canonical path) and a tooltip with its labels; a cell
    named by one of ``discrepancies`` (directly, or through its row or group path) gets the class
    ``gr-error``/``gr-warning``/``gr-info`` and the rule in its tooltip. ``provenance`` (the parse
    result's) and ``source_text`` add the source line number and text to the tooltips. The
    discrepancies are listed under the tables.
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"report_html() takes an AnnualReport, not {type(report).__name__}")
    found = tuple(discrepancies)
    parts = [_meta_html(report), _tables_html(report, found, provenance, source_text)]
    if found:
        parts.append(_findings_table(found, report.meta.edition, provenance, source_text))
    return _wrap("\n".join(parts))


def _findings_table(
    discrepancies: Sequence[DiscrepancyLike],
    edition: Edition | None,
    provenance: Mapping[str, Any] | None,
    source_text: str | None,
) -> str:
    out = [
        f"<h4>发现的问题 <small>(discrepancies: {len(discrepancies)})</small></h4>",
        '<table class="gr-table gr-findings">',
        "<tr><th>级别 severity</th><th>规则 rule</th><th>单元格 cells</th><th>应为 expected</th>"
        "<th>实为 actual</th><th>说明 message</th><th>来源 source</th></tr>",
    ]
    for d in discrepancies:
        sev = severity_name(d.severity)
        cells = "<br>".join(
            f"{_e(describe_path(p, edition) if edition else p)}<br><code>{_e(p)}</code>"
            for p in d.paths
        )
        where: list[str] = []
        if d.lines:
            for n in d.lines:
                text = _line_text(source_text, n)
                where.append(f"第 {n} 行" + (f": {text}" if text else ""))
        else:
            for p in d.paths:
                where.extend(_where(p, (), provenance, source_text))
        message = _e(d.message_zh)
        if d.message_en:
            message += f"<br><small>{_e(d.message_en)}</small>"
        out.append(
            f'<tr><td class="gr-sev-{_e(sev)}">{_e(sev)} {_SEVERITY_ZH.get(sev, "")}</td>'
            f"<td><code>{_e(d.code)}</code></td><td>{cells}</td>"
            f'<td class="gr-v">{_e(_fmt(d.expected))}</td>'
            f'<td class="gr-v">{_e(_fmt(d.actual))}</td>'
            f'<td>{message}</td><td class="gr-src">{_e(chr(10).join(where))}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


def discrepancies_html(
    discrepancies: Iterable[DiscrepancyLike],
    *,
    edition: Edition | str | None = None,
    source_text: str | None = None,
) -> str:
    """An HTML table of discrepancies: severity, rule code, cells (with Chinese labels when
    ``edition`` is given), expected and actual values, messages, and source lines."""
    found = tuple(discrepancies)
    ed = Edition.coerce(edition) if edition is not None else None
    if not found:
        return _wrap("<div>未发现问题 (no discrepancies)</div>")
    return _wrap(_findings_table(found, ed, None, source_text))


def _validate(result: Any) -> tuple[Any, ...]:
    try:
        module = importlib.import_module("govinfo_report.validation")
    except ImportError:
        return ()
    return tuple(module.validate_parsed(result))


def parse_result_html(result: Any, discrepancies: Iterable[DiscrepancyLike] | None = None) -> str:
    """An HTML fragment of a ``ParseResult``: layout, diagnostics, and :func:`report_html` of its
    report with the validator's discrepancies (computed here unless given) and source lines."""
    report = result.report
    found = tuple(discrepancies) if discrepancies is not None else _validate(result)
    text = getattr(result, "text", None)
    source_text = text if isinstance(text, str) else None
    provenance = getattr(result, "provenance", None)
    confidence = getattr(result, "layout_confidence", None)
    conf = f" ({confidence:.2f})" if isinstance(confidence, (int, float)) else ""
    head = [
        _meta_html(report),
        f"<div>layout: <code>{_e(getattr(result, 'layout', '?'))}</code>{_e(conf)} · "
        f"{len(provenance or {})} cells with provenance</div>",
    ]
    diagnostics = tuple(getattr(result, "diagnostics", ()))
    if diagnostics:
        items = []
        for d in diagnostics:
            lines = ", ".join(str(n) for n in getattr(d, "lines", ()))
            at = f" (第 {lines} 行)" if lines else ""
            items.append(f"<li><code>{_e(d.code)}</code>: {_e(d.message)}{_e(at)}</li>")
        head.append("<details><summary>解析诊断 parser diagnostics (" + str(len(items)) + ")")
        head.append("</summary><ul>" + "".join(items) + "</ul></details>")
    body = [
        *head,
        _tables_html(report, found, provenance, source_text),
    ]
    if found:
        body.append(_findings_table(found, report.meta.edition, provenance, source_text))
    return _wrap("\n".join(body))
