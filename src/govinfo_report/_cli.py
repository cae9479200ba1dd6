"""The ``govinfo-report`` command line: ``parse`` shows reports, ``check`` validates folders.

Exit codes: 0 when no report has an error, 1 when some report has an error (a failed rule of
severity ``error``, or a document the parser could not handle), 2 for a usage error or an input
that cannot be read (a missing path, a folder without report files, an unreadable file).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from ._batch import CheckResult, check_source, imap_ordered, parse_source
from ._convert import flatten, to_dict
from ._records import describe_path, severity_name
from ._schema import AnnualReport
from ._template import Edition, RowSpec, template
from ._version import __version__

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "REPORT_SUFFIXES", "main"]

EXIT_OK = 0
"""No report has an error (warnings and notes may remain)."""
EXIT_ERRORS = 1
"""At least one report has an error, or could not be parsed."""
EXIT_USAGE = 2
"""Bad arguments, or an input that cannot be read."""

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".md")
"""File name endings ``check`` picks up when it walks a folder (case-insensitive)."""

_PROGRESS_MIN_FILES = 20
_LINE_TEXT_WIDTH = 110
_LABEL_WIDTH = 34
_MAX_PATH_LINES = 3
_MAX_SOURCE_LINES = 3
_MAX_PARSER_NOTES = 3
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


class _UsageError(Exception):
    """Bad input detected after argument parsing (exit code 2)."""


# -- display width of Chinese text -----------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _truncate(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _ljust(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _rjust(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text


# -- findings: discrepancies and parser diagnostics in one shape -----------------------------------


@attrs.frozen(kw_only=True)
class _Finding:
    """One line of ``check`` output: a validator discrepancy or a parser diagnostic."""

    kind: str  # "rule" | "parser" | "input"
    severity: str
    code: str
    paths: tuple[str, ...] = ()
    expected: Any = None
    actual: Any = None
    message_zh: str = ""
    message_en: str = ""
    lines: tuple[int, ...] = ()
    line_texts: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "code": self.code,
            "paths": list(self.paths),
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "lines": list(self.lines),
            "line_texts": list(self.line_texts),
        }


def _plain(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def _source_lines(result: Any, lines: Iterable[int]) -> tuple[str, ...]:
    text = getattr(result, "text", None)
    if not isinstance(text, str):
        return ()
    all_lines = text.splitlines()
    out = []
    for n in lines:
        if 1 <= n <= len(all_lines):
            out.append(" ".join(all_lines[n - 1].replace("\t", "  ").split(" ")).rstrip())
    return tuple(out)


def _provenance_lines(result: Any, paths: Iterable[str]) -> tuple[int, ...]:
    provenance = getattr(result, "provenance", None) or {}
    found: set[int] = set()
    for p in paths:
        prov = provenance.get(p)
        if prov is not None:
            found.update(prov.lines)
    return tuple(sorted(found))


def _finding_from_discrepancy(d: Any, result: Any, kind: str = "rule") -> _Finding:
    paths = tuple(d.paths)
    lines = tuple(getattr(d, "lines", ()) or ()) or _provenance_lines(result, paths)
    return _Finding(
        kind=kind,
        severity=severity_name(d.severity),
        code=str(d.code),
        paths=paths,
        expected=d.expected,
        actual=d.actual,
        message_zh=str(d.message_zh or ""),
        message_en=str(d.message_en or ""),
        lines=lines,
        line_texts=_source_lines(result, lines),
    )


def _finding_from_diagnostic(d: Any, result: Any) -> _Finding:
    lines = tuple(getattr(d, "lines", ()) or ())
    message = str(getattr(d, "message", ""))
    return _Finding(
        kind="parser",
        severity="warning",
        code=f"parser.{d.code}",
        paths=tuple(getattr(d, "paths", ()) or ()),
        message_zh="",
        message_en=message,
        lines=lines,
        line_texts=_source_lines(result, lines),
    )


@attrs.frozen(kw_only=True)
class _Checked:
    """A :class:`CheckResult` with everything ``check`` prints about it."""

    source: str
    report: AnnualReport | None
    layout: str | None
    layout_confidence: float | None
    encoding: str | None
    findings: tuple[_Finding, ...]
    error: str | None
    unreadable: bool

    @property
    def has_errors(self) -> bool:
        return self.error is not None or any(f.severity == "error" for f in self.findings)

    @property
    def has_warnings(self) -> bool:
        return any(f.severity == "warning" for f in self.findings)


def _checked(cr: CheckResult) -> _Checked:
    result = cr.result
    findings: list[_Finding] = []
    if cr.error is not None:
        code = "unreadable" if cr.unreadable else "parse_failed"
        zh = "无法读取文件" if cr.unreadable else "解析失败"
        findings.append(
            _Finding(kind="input", severity="error", code=code, message_zh=zh, message_en=cr.error)
        )
    else:
        findings.extend(_finding_from_discrepancy(d, result) for d in cr.discrepancies)
        findings.sort(key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
        findings.extend(
            _finding_from_diagnostic(d, result) for d in getattr(result, "diagnostics", ())
        )
    confidence = getattr(result, "layout_confidence", None)
    return _Checked(
        source=cr.source,
        report=result.report if result is not None else None,
        layout=getattr(result, "layout", None),
        layout_confidence=float(confidence) if isinstance(confidence, (int, float)) else None,
        encoding=cr.encoding,
        findings=tuple(findings),
        error=cr.error,
        unreadable=cr.unreadable,
    )


def _check_file(path: Path) -> _Checked:
    """Check one file and keep only what ``check`` prints (cheap to send between processes)."""
    return _checked(check_source(path, label=str(path)))


def _with_cross_year(c: _Checked, extra: Sequence[Any]) -> _Checked:
    if not extra:
        return c
    rules = [f for f in c.findings if f.kind != "parser"]
    rules.extend(_finding_from_discrepancy(d, None, "cross-year") for d in extra)
    rules.sort(key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
    parser = [f for f in c.findings if f.kind == "parser"]
    return attrs.evolve(c, findings=(*rules, *parser))


# -- walking the inputs ----------------------------------------------------------------------------


def _walk(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """Report files under ``paths`` (sorted, deterministic) and the paths that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = [
                Path(root) / name
                for root, _, names in os.walk(p)
                for name in names
                if name.lower().endswith(REPORT_SUFFIXES) and not name.startswith(".")
            ]
            files.extend(sorted(found, key=lambda f: f.parts))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(arg)
    return files, missing


class _Progress:
    """A one-line progress bar on stderr, drawn only for a terminal and many files."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.enabled = total >= _PROGRESS_MIN_FILES and stream.isatty()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.done != self.total and self.done % max(1, self.total // 200):
            return
        filled = 30 * self.done // self.total
        bar = "#" * filled + "-" * (30 - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


# -- cross-year rules ------------------------------------------------------------------------------


def _validator() -> Any:
    return importlib.import_module("govinfo_report.validation")


def _previous_index(folder: str, jobs: int) -> dict[tuple[str, int], AnnualReport]:
    files, missing = _walk([folder])
    if missing or not Path(folder).is_dir():
        raise _UsageError(f"--previous-dir: not a folder: {folder}")
    index: dict[tuple[str, int], AnnualReport] = {}
    for c in imap_ordered(_check_file, files, jobs=jobs):
        report = c.report
        if report is not None and report.meta.organ and report.meta.year is not None:
            index.setdefault((report.meta.organ, report.meta.year), report)
    return index


def _cross_year(report: AnnualReport | None, index: dict[tuple[str, int], AnnualReport]) -> Any:
    if report is None or not report.meta.organ or report.meta.year is None:
        return ()
    previous = index.get((report.meta.organ, report.meta.year - 1))
    if previous is None:
        return ()
    return tuple(_validator().validate_series([previous, report]))


# -- check -----------------------------------------------------------------------------------------


def _value(v: object) -> str:
    return "（空白）" if v is None else str(v)


def _text_report(c: _Checked, out: TextIO, errors_only: bool) -> None:
    shown = [f for f in c.findings if not errors_only or f.severity == "error"]
    if errors_only and not shown:
        return
    out.write(f"== {c.source}\n")
    if c.report is not None:
        meta = c.report.meta
        bits = [
            meta.organ or "（机关名称未识别）",
            f"{meta.year} 年度" if meta.year is not None else "（年度未识别）",
            f"{meta.edition.value} 版格式",
        ]
        if c.layout:
            conf = f" {c.layout_confidence:.2f}" if c.layout_confidence is not None else ""
            bits.append(f"layout {c.layout}{conf}")
        if c.encoding:
            bits.append(c.encoding)
        out.write("   " + " · ".join(bits) + "\n")
    if not shown:
        out.write("   OK  未发现问题 (no findings)\n\n")
        return
    edition = c.report.meta.edition if c.report is not None else None
    parser_seen: Counter[str] = Counter()
    parser_total = Counter(f.code for f in shown if f.kind == "parser")
    skipped: dict[str, list[_Finding]] = {}
    for f in shown:
        if f.kind == "parser":
            parser_seen[f.code] += 1
            many = parser_total[f.code] > _MAX_PARSER_NOTES + 1
            if many and parser_seen[f.code] > _MAX_PARSER_NOTES:
                skipped.setdefault(f.code, []).append(f)
                continue
        _text_finding(f, edition, out)
    for code, rest in skipped.items():
        lines = sorted({n for f in rest for n in f.lines})
        span = f"第 {lines[0]}–{lines[-1]} 行" if len(lines) > 1 else _line_numbers(lines)
        out.write(f"   … 另有 {len(rest)} 条 {code} (and {len(rest)} more) {span}\n")
    out.write("\n")


def _line_numbers(lines: Sequence[int]) -> str:
    """``第 3, 7–9 行``: line numbers with consecutive runs merged."""
    if not lines:
        return ""
    runs: list[list[int]] = []
    for n in sorted(set(lines)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return "第 " + ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs) + " 行"


def _path_lines(paths: Sequence[str], edition: Edition | None) -> list[str]:
    """One line per path; many cells of one row are listed on one line."""
    if edition is None:
        return list(paths)
    if len(paths) <= _MAX_PATH_LINES:
        out = []
        for p in paths:
            label = describe_path(p, edition)
            out.append(f"{label}   [{p}]" if label != p else p)
        return out
    rows: dict[str, list[str]] = {}
    tpl = template(edition)
    for p in paths:
        try:
            cell = tpl.cell(p)
        except KeyError:
            rows.setdefault(p, [])
            continue
        rows.setdefault(cell.row_key, []).append(cell.column.split(" / ")[-1])
    out = []
    for key, columns in rows.items():
        label = describe_path(key, edition)
        if columns:
            out.append(f"{label} › {'、'.join(columns)}   [{key}.*]")
        else:
            out.append(f"{label}   [{key}]" if label != key else key)
    return out


def _text_finding(f: _Finding, edition: Edition | None, out: TextIO) -> None:
    sev = _ljust(f"{f.severity.upper()} {_SEVERITY_ZH.get(f.severity, '')}", 12)
    if f.kind == "parser":  # compact: the message names the label and the row
        out.write(f"   {sev} {f.code}  {_line_numbers(f.lines)}".rstrip() + "\n")
        out.write(f"       {f.message_en or f.message_zh}\n")
        return
    out.write(f"   {sev} {f.code}\n")
    for line in _path_lines(f.paths, edition):
        out.write(f"       {line}\n")
    if f.expected is not None or f.actual is not None:
        out.write(f"       应为 expected: {_value(f.expected)}   实为 actual: {_value(f.actual)}\n")
    for msg in (f.message_zh, f.message_en):
        if msg:
            out.write(f"       {msg}\n")
    shown = list(zip(f.lines, f.line_texts, strict=False))[:_MAX_SOURCE_LINES]
    for n, line in shown:
        out.write(f"       第 {n} 行 | {_truncate(line.strip(), _LINE_TEXT_WIDTH)}\n")
    rest = f.lines[len(shown) :]
    if rest:
        more = "其余 " if shown else ""
        out.write(f"       {more}{_line_numbers(rest)}\n")


@attrs.define
class _Summary:
    reports: int = 0
    parsed: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    unreadable: int = 0
    failed: int = 0
    by_code: Counter[tuple[str, str]] = attrs.Factory(Counter)

    def add(self, c: _Checked, errors_only: bool) -> None:
        self.reports += 1
        if c.unreadable:
            self.unreadable += 1
        elif c.error is not None:
            self.failed += 1
        else:
            self.parsed += 1
        if c.has_errors:
            self.with_errors += 1
        elif c.has_warnings:
            self.with_warnings += 1
        for f in c.findings:
            if not errors_only or f.severity == "error":
                self.by_code[(f.severity, f.code)] += 1

    def as_json(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "parsed": self.parsed,
            "with_errors": self.with_errors,
            "with_warnings_only": self.with_warnings,
            "unreadable": self.unreadable,
            "failed_to_parse": self.failed,
            "by_code": [
                {"severity": sev, "code": code, "count": n} for (sev, code), n in self._sorted()
            ],
        }

    def _sorted(self) -> list[tuple[tuple[str, str], int]]:
        return sorted(
            self.by_code.items(), key=lambda kv: (_SEVERITY_ORDER.get(kv[0][0], 3), -kv[1], kv[0])
        )

    def write_text(self, out: TextIO) -> None:
        out.write(
            f"汇总 Summary: {self.reports} reports, {self.parsed} parsed, "
            f"{self.with_errors} with errors, {self.with_warnings} with warnings only, "
            f"{self.unreadable} unreadable, {self.failed} failed to parse\n"
        )
        if self.by_code:
            out.write("按规则 By rule:\n")
            width = max(len(code) for _, code in self.by_code)
            for (sev, code), n in self._sorted():
                out.write(f"  {_ljust(sev, 8)} {code.ljust(width)} {n:>6}\n")


_CSV_FIELDS = (
    "source",
    "organ",
    "year",
    "edition",
    "kind",
    "severity",
    "code",
    "paths",
    "expected",
    "actual",
    "message_zh",
    "message_en",
    "lines",
    "line_texts",
)


def _flat_rows(c: _Checked, errors_only: bool) -> Iterator[dict[str, Any]]:
    meta = c.report.meta if c.report is not None else None
    for f in c.findings:
        if errors_only and f.severity != "error":
            continue
        row: dict[str, Any] = {
            "source": c.source,
            "organ": meta.organ if meta else None,
            "year": meta.year if meta else None,
            "edition": meta.edition.value if meta else None,
        }
        row.update(f.as_json())
        yield row


def _report_json(c: _Checked, errors_only: bool) -> dict[str, Any]:
    meta = c.report.meta if c.report is not None else None
    return {
        "source": c.source,
        "organ": meta.organ if meta else None,
        "year": meta.year if meta else None,
        "edition": meta.edition.value if meta else None,
        "layout": c.layout,
        "layout_confidence": c.layout_confidence,
        "encoding": c.encoding,
        "error": c.error,
        "findings": [f.as_json() for f in c.findings if not errors_only or f.severity == "error"],
    }


def _csv_cell(value: object) -> object:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def _series_findings(
    reports: list[tuple[str, AnnualReport]],
) -> list[tuple[str, list[str], list[_Finding]]]:
    groups: dict[str, list[tuple[str, AnnualReport]]] = {}
    for source, report in reports:
        if report.meta.organ and report.meta.year is not None:
            groups.setdefault(report.meta.organ, []).append((source, report))
    out = []
    validate_series = _validator().validate_series
    for organ in sorted(groups):
        members = sorted(groups[organ], key=lambda sr: (sr[1].meta.year or 0, sr[0]))
        if len(members) < 2:
            continue
        found = validate_series([r for _, r in members])
        findings = [_finding_from_discrepancy(d, None, "cross-year") for d in found]
        out.append((organ, [s for s, _ in members], findings))
    return out


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    files, missing = _walk(args.paths)
    for m in missing:
        err.write(f"govinfo-report: error: no such file or folder: {m}\n")
    if not files:
        err.write("govinfo-report: error: no report files found (.txt, .html, .htm, .md)\n")
        return EXIT_USAGE
    index = _previous_index(args.previous_dir, args.jobs) if args.previous_dir else None
    fmt: str = args.format
    summary = _Summary()
    progress = _Progress(len(files), err)
    keep_for_series: list[tuple[str, AnnualReport]] = []
    json_reports: list[dict[str, Any]] = []
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(_CSV_FIELDS), lineterminator="\n")
        writer.writeheader()
    for c in imap_ordered(_check_file, files, jobs=args.jobs, chunksize=args.chunksize):
        report = c.report
        if index is not None:
            c = _with_cross_year(c, _cross_year(report, index))
        summary.add(c, args.errors_only)
        if args.series and report is not None:
            keep_for_series.append((c.source, report))
        if fmt == "text":
            _text_report(c, out, args.errors_only)
        elif fmt == "json":
            json_reports.append(_report_json(c, args.errors_only))
        elif fmt == "jsonl":
            for row in _flat_rows(c, args.errors_only):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            assert writer is not None
            for row in _flat_rows(c, args.errors_only):
                writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        progress.step()
    series = _series_findings(keep_for_series) if args.series else []
    series_errors = False
    for organ, sources, findings in series:
        shown = [f for f in findings if not args.errors_only or f.severity == "error"]
        series_errors = series_errors or any(f.severity == "error" for f in findings)
        for f in shown:
            summary.by_code[(f.severity, f.code)] += 1
        if fmt == "text" and shown:
            out.write(f"== 跨年度检查 cross-year: {organ} ({len(sources)} reports)\n")
            for s in sources:
                out.write(f"   {s}\n")
            fake = _Checked(
                source=organ,
                report=None,
                layout=None,
                layout_confidence=None,
                encoding=None,
                findings=tuple(shown),
                error=None,
                unreadable=False,
            )
            buf = io.StringIO()
            _text_report(fake, buf, args.errors_only)
            out.write("\n".join(buf.getvalue().splitlines()[1:]) + "\n\n")
        elif fmt in ("jsonl", "csv"):
            for f in shown:
                row = {"source": ";".join(sources), "organ": organ, "year": None, "edition": None}
                row.update(f.as_json())
                if writer is not None:
                    writer.writerow({k: _csv_cell(v) for k, v in row.items()})
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if fmt == "text":
        summary.write_text(out)
    elif fmt == "json":
        doc = {
            "reports": json_reports,
            "series": [
                {"organ": o, "sources": s, "findings": [f.as_json() for f in fs]}
                for o, s, fs in series
            ],
            "summary": summary.as_json(),
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        summary.write_text(err)
    if missing or summary.unreadable:
        return EXIT_USAGE
    return EXIT_ERRORS if summary.with_errors or series_errors else EXIT_OK


# -- parse -----------------------------------------------------------------------------------------


def _row_line(label: str, indent: int, values: Sequence[str], widths: Sequence[int]) -> str:
    head = _ljust(_truncate("  " * indent + label, _LABEL_WIDTH), _LABEL_WIDTH)
    cols = "".join(" " + _rjust(v, w) for v, w in zip(values, widths, strict=True))
    return ("  " + head + cols).rstrip()


def format_report(report: AnnualReport) -> str:
    """A plain-text view of a report's three tables, with the template's Chinese labels."""
    tpl = template(report.meta.edition)
    cells = flatten(report)
    meta = report.meta
    lines = [
        " · ".join(
            [
                meta.organ or "（机关名称未识别）",
                f"{meta.year} 年度" if meta.year is not None else "（年度未识别）",
                f"{meta.edition.value} 版格式",
            ]
        )
    ]
    if meta.title:
        lines.append(meta.title)
    sections = {c.table: c.section for c in tpl.cells}
    for table in ("active", "applications", "appeals"):
        lines.append("")
        lines.append(sections[table])
        rows = tpl.rows_of(table)
        header: tuple[str, ...] = ()
        groups: tuple[str, ...] = ()
        widths: list[int] = []
        for row in rows:
            common = 0
            while common < min(len(groups), len(row.groups)) and (
                groups[common] == row.groups[common]
            ):
                common += 1
            for depth in range(common, len(row.groups)):
                lines.append(_row_line(row.groups[depth], depth, [], []))
            new_block = table == "active" and groups[:1] != row.groups[:1]
            groups = row.groups
            if row.columns != header or new_block:
                header = row.columns
                labels = [_column_label(row, c) for c in row.columns]
                widths = [max(_width(lb), 6) for lb in labels]
                lines.append(_row_line("", 0, labels, widths))
            values = [_cell_text(cells[c.path]) for c in row.cells]
            lines.append(_row_line(row.label, len(row.groups), values, widths))
    if report.extra_rows:
        lines.append("")
        lines.append("模板外的行 (rows the template lacks)")
        for extra in report.extra_rows:
            vals = " ".join(_cell_text(v) for v in extra.values)
            where = f" 第 {', '.join(map(str, extra.lines))} 行" if extra.lines else ""
            lines.append(f"  [{extra.table}/{extra.kind.value}] {extra.label}: {vals}{where}")
    return "\n".join(lines) + "\n"


def _column_label(row: RowSpec, column: str) -> str:
    for c in row.cells:
        if c.column_key == column:
            return c.column.split(" / ")[-1]
    return column


def _cell_text(value: object) -> str:
    return "·" if value is None else str(value)


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    docs: list[dict[str, Any]] = []
    status = EXIT_OK
    for i, name in enumerate(args.files):
        try:
            result = parse_source(Path(name), layout=args.layout, edition=args.edition)
        except OSError as exc:
            err.write(f"govinfo-report: error: cannot read {name}: {exc}\n")
            status = EXIT_USAGE
            continue
        except (KeyError, ValueError) as exc:
            if args.layout is None and args.edition is None:
                raise
            err.write(f"govinfo-report: error: {name}: {exc}\n")
            status = EXIT_USAGE
            continue
        if args.json:
            docs.append(to_dict(result.report))
            continue
        if i:
            out.write("\n")
        out.write(f"== {name}\n")
        out.write(format_report(result.report))
        for d in getattr(result, "diagnostics", ()):
            lines = ", ".join(str(n) for n in getattr(d, "lines", ()))
            at = f" (第 {lines} 行)" if lines else ""
            out.write(f"  WARNING 警告 parser.{d.code}: {d.message}{at}\n")
    if args.json and docs:
        payload: Any = docs[0] if len(args.files) == 1 else docs
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return status


# -- entry point -----------------------------------------------------------------------------------


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The ``argparse`` parser of ``govinfo-report``."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="Read and check Chinese government information-disclosure annual reports "
        "(政府信息公开工作年度报告).",
        epilog="Exit codes: 0 no errors; 1 errors found in some report; "
        "2 usage error or unreadable input.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("parse", help="show the tables of one or more reports")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the report as JSON (to_dict)")
    p.add_argument("--layout", metavar="NAME", help="force a text layout (tokenizer name)")
    p.add_argument("--edition", choices=["2019", "2021"], help="force a template edition")

    c = sub.add_parser(
        "check",
        help="validate reports in files and folders",
        description="Parse and validate every report file (.txt, .html, .htm, .md) in the given "
        "files and folders, print what does not add up, and a summary.",
    )
    c.add_argument("paths", nargs="+", metavar="DIR_OR_FILE")
    c.add_argument("--format", choices=["text", "json", "jsonl", "csv"], default="text")
    c.add_argument("--jobs", "-j", type=_jobs, default=1, help="worker processes (0: one per CPU)")
    c.add_argument("--chunksize", type=int, default=16, help=argparse.SUPPRESS)
    c.add_argument(
        "--errors-only", action="store_true", help="show only findings of severity error"
    )
    c.add_argument(
        "--previous-dir",
        metavar="DIR",
        help="last year's reports: run the cross-year rules against the same organ's report",
    )
    c.add_argument(
        "--series",
        action="store_true",
        help="run the cross-year rules over all reports of each organ, sorted by year",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``govinfo-report`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "parse":
            return _cmd_parse(args, out, err)
        return _cmd_check(args, out, err)
    except _UsageError as exc:
        err.write(f"govinfo-report: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into `head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
