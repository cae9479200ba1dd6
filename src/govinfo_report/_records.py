"""Tabular views: reports and discrepancies as long-format records, and as pandas data frames.

:func:`to_records` gives one plain ``dict`` per canonical cell, with the template's Chinese labels,
ready for ``csv.DictWriter``, a database or any data-frame library; :func:`to_frame` builds a
pandas ``DataFrame`` from them (pandas is an optional extra, imported only when called).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeAlias

from ._convert import flatten
from ._schema import AnnualReport
from ._template import template

__all__ = [
    "DiscrepancyLike",
    "ParseResultLike",
    "ReportLike",
    "describe_path",
    "discrepancies_to_records",
    "report_of",
    "severity_name",
    "to_frame",
    "to_records",
]


class ParseResultLike(Protocol):
    """What this module needs of a ``ParseResult``: its report."""

    @property
    def report(self) -> AnnualReport: ...


class DiscrepancyLike(Protocol):
    """What this module needs of a validator ``Discrepancy``."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> object: ...
    @property
    def paths(self) -> Sequence[str]: ...
    @property
    def expected(self) -> object: ...
    @property
    def actual(self) -> object: ...
    @property
    def message_zh(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def lines(self) -> Sequence[int]: ...


ReportLike: TypeAlias = "AnnualReport | ParseResultLike"
"""An :class:`AnnualReport`, or anything with a ``.report`` (a ``ParseResult``)."""

Items: TypeAlias = "ReportLike | Iterable[ReportLike] | Mapping[str, ReportLike]"

RECORD_FIELDS = (
    "source",
    "organ",
    "year",
    "edition",
    "path",
    "table",
    "section",
    "row",
    "column",
    "value",
)
"""The keys of every :func:`to_records` row, in order."""

DISCREPANCY_FIELDS = (
    "source",
    "organ",
    "year",
    "severity",
    "code",
    "paths",
    "expected",
    "actual",
    "message_zh",
    "message_en",
    "lines",
)
"""The keys of every :func:`discrepancies_to_records` row, in order."""


def report_of(item: object) -> AnnualReport:
    """The report of an :class:`AnnualReport` (itself) or of a ``ParseResult``."""
    if isinstance(item, AnnualReport):
        return item
    report = getattr(item, "report", None)
    if isinstance(report, AnnualReport):
        return report
    raise TypeError(f"expected an AnnualReport or a ParseResult, not {type(item).__name__}")


def describe_path(path: str, edition: object) -> str:
    """The official Chinese labels of a cell or row path, e.g. ``一、本年新收… › 总计``.

    A section key (``overview``) gives the section's heading; any other path the edition does not
    know is returned unchanged.

    Examples:
        >>> describe_path("applications.new_received.total", "2021")
        '一、本年新收政府信息公开申请数量 › 总计'
        >>> describe_path("applications.withheld.state_secret", "2021")
        '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密'
    """
    try:
        tpl = template(edition if isinstance(edition, (str, int)) else str(edition))
    except (TypeError, ValueError):
        return path
    try:
        cell = tpl.cell(path)
    except KeyError:
        pass
    else:
        return f"{cell.row} › {cell.column}"
    try:
        row = tpl.row(path)
    except KeyError:
        pass
    else:
        return " / ".join((*row.groups, row.label))
    for section in tpl.sections:
        if section.key == path:
            return f"{section.number}、{section.title}"
    return path


def severity_name(severity: object) -> str:
    """``"error"``, ``"warning"`` or ``"info"`` for a severity enum member or string."""
    value = getattr(severity, "value", severity)
    return str(value)


def _labelled(items: Items) -> list[tuple[str | int, AnnualReport]]:
    if isinstance(items, Mapping):
        return [(str(k), report_of(v)) for k, v in items.items()]
    if isinstance(items, AnnualReport) or hasattr(items, "report"):
        return [(0, report_of(items))]
    return [(i, report_of(v)) for i, v in enumerate(items)]


def to_records(
    items: Items,
    *,
    sources: Sequence[str] | None = None,
    include_blank: bool = True,
) -> list[dict[str, Any]]:
    """One long-format row per canonical cell of each report.

    ``items`` is a report or parse result, an iterable of them, or a mapping from a source name
    (a file name, say) to them. Each row holds ``source`` (the mapping key, the matching entry of
    ``sources``, or the index), ``organ``, ``year``, ``edition``, ``path``, ``table``
    (``active``/``applications``/``appeals``), ``section``, ``row`` and ``column`` (the official
    Chinese labels, group labels joined by `` / ``) and ``value`` (``int``, ``Decimal`` or
    ``None`` for a blank; blanks are left out when ``include_blank`` is false).

    Examples:
        >>> from govinfo_report import empty_report
        >>> rows = to_records([empty_report("2021")])
        >>> len(rows), rows[0]["row"], rows[0]["column"]
        (200, '第二十条第（一）项 / 规章', '本年制发件数')
    """
    labelled = _labelled(items)
    if sources is not None:
        if len(sources) != len(labelled):
            raise ValueError(f"{len(sources)} sources for {len(labelled)} reports")
        labelled = [(s, r) for s, (_, r) in zip(sources, labelled, strict=True)]
    out: list[dict[str, Any]] = []
    for source, report in labelled:
        tpl = template(report.meta.edition)
        cells = flatten(report)
        for spec in tpl.cells:
            value = cells[spec.path]
            if value is None and not include_blank:
                continue
            out.append(
                {
                    "source": source,
                    "organ": report.meta.organ,
                    "year": report.meta.year,
                    "edition": report.meta.edition.value,
                    "path": spec.path,
                    "table": spec.table,
                    "section": spec.section,
                    "row": spec.row,
                    "column": spec.column,
                    "value": value,
                }
            )
    return out


def _plain(value: object) -> object:
    """A JSON- and CSV-friendly form of an expected/actual value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def discrepancies_to_records(
    discrepancies: Iterable[DiscrepancyLike],
    *,
    source: str | int | None = None,
    report: ReportLike | None = None,
) -> list[dict[str, Any]]:
    """One row per discrepancy: severity, rule code, paths, expected/actual, messages, lines.

    ``paths`` and ``lines`` are joined by ``;`` so that every value is a scalar (CSV- and
    data-frame-friendly); ``expected``/``actual`` amounts become exact strings. ``source`` and the
    ``organ`` and ``year`` of ``report`` are repeated on each row when given.
    """
    meta = report_of(report).meta if report is not None else None
    out: list[dict[str, Any]] = []
    for d in discrepancies:
        out.append(
            {
                "source": source,
                "organ": meta.organ if meta else None,
                "year": meta.year if meta else None,
                "severity": severity_name(d.severity),
                "code": d.code,
                "paths": ";".join(d.paths),
                "expected": _plain(d.expected),
                "actual": _plain(d.actual),
                "message_zh": d.message_zh,
                "message_en": d.message_en,
                "lines": ";".join(str(n) for n in d.lines),
            }
        )
    return out


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "to_frame() needs pandas, which is an optional dependency of govinfo_report; "
            "install it with: pip install 'govinfo_report[pandas]'"
        ) from None


def to_frame(items: Items, *, wide: bool = False, sources: Sequence[str] | None = None) -> Any:
    """A pandas ``DataFrame`` of the reports (needs the ``pandas`` extra).

    Long (default): the rows of :func:`to_records`, ``value`` as a nullable ``Float64`` column
    (amounts are decimals; counts convert exactly). Wide: one row per report, columns ``source``,
    ``organ``, ``year``, ``edition`` and then one column per canonical path (the union over the
    editions present, in template order), counts as nullable ``Int64``, amounts as ``Float64``.
    """
    pd = _pandas()
    records = to_records(items, sources=sources)
    if not wide:
        frame = pd.DataFrame.from_records(records, columns=list(RECORD_FIELDS))
        frame["value"] = pd.array(
            [None if v is None else float(v) for v in frame["value"]], dtype="Float64"
        )
        return frame
    paths: dict[str, str] = {}
    rows: dict[object, dict[str, Any]] = {}
    for rec in records:
        key = rec["source"]
        if key not in rows:
            rows[key] = {k: rec[k] for k in ("source", "organ", "year", "edition")}
        edition = rec["edition"]
        paths.setdefault(rec["path"], template(edition).cell(rec["path"]).type)
        rows[key][rec["path"]] = rec["value"]
    columns = ["source", "organ", "year", "edition", *paths]
    frame = pd.DataFrame.from_records(list(rows.values()), columns=columns)
    for path, typ in paths.items():
        values = [None if v is None or v != v else v for v in frame[path]]
        if typ == "int":
            frame[path] = pd.array(values, dtype="Int64")
        else:
            frame[path] = pd.array([None if v is None else float(v) for v in values], "Float64")
    return frame
