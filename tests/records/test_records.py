"""Long-format records, discrepancy records and pandas frames of reports."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import attrs
import pytest

from govinfo_report import Meta, empty_report, flatten, template, unflatten
from govinfo_report._records import (
    DISCREPANCY_FIELDS,
    RECORD_FIELDS,
    describe_path,
    discrepancies_to_records,
    to_frame,
    to_records,
)
from tests.helpers import gold_cells, load_gold, seed_paths


def _gold_reports() -> list:
    out = []
    for txt in seed_paths():
        gold = load_gold(txt.with_name(txt.name.replace(".txt", ".gold.json")))
        meta = Meta(**gold["meta"])
        out.append(unflatten(gold_cells(gold), edition=meta.edition, meta=meta))
    return out


@attrs.frozen(kw_only=True)
class _Finding:
    """A minimal object with the discrepancy fields (the records need nothing more)."""

    code: str
    severity: str
    paths: tuple[str, ...]
    expected: object
    actual: object
    message_zh: str
    message_en: str
    lines: tuple[int, ...] = ()


def test_one_row_per_canonical_cell_with_template_labels() -> None:
    """Each report gives one row per canonical path, in template order, labelled from the TSV."""
    reports = _gold_reports()
    rows = to_records(reports)
    assert len(rows) == sum(len(template(r.edition).cells) for r in reports)
    first = [r for r in rows if r["source"] == 0]
    assert [r["path"] for r in first] == list(template(reports[0].edition).paths)
    for row in first:
        spec = template(reports[0].edition).cell(row["path"])
        assert (row["row"], row["column"], row["section"]) == (spec.row, spec.column, spec.section)
        assert list(row) == list(RECORD_FIELDS)


def test_values_and_meta_match_the_report() -> None:
    """The value column equals flatten() and organ/year/edition repeat the report's meta."""
    report = _gold_reports()[0]
    rows = to_records([report])
    assert {r["path"]: r["value"] for r in rows} == flatten(report)
    assert {(r["organ"], r["year"], r["edition"]) for r in rows} == {
        (report.meta.organ, report.meta.year, report.meta.edition.value)
    }


def test_sources_from_mapping_keys_and_sources_argument() -> None:
    """A mapping's keys, or the sources= list, name each report's rows."""
    a, b = _gold_reports()[:2]
    by_key = to_records({"a.txt": a, "b.txt": b})
    assert {r["source"] for r in by_key} == {"a.txt", "b.txt"}
    by_arg = to_records([a, b], sources=["x", "y"])
    assert [r["source"] for r in by_arg][:: len(by_arg) - 1] == ["x", "y"]
    with pytest.raises(ValueError, match="sources"):
        to_records([a, b], sources=["only-one"])


def test_single_report_and_parse_result_like_objects() -> None:
    """A single report, or any object with a .report, is accepted; other objects are refused."""

    @attrs.frozen
    class Holder:
        report: object

    report = empty_report("2019")
    assert len(to_records(report)) == 198
    assert len(to_records([Holder(report)])) == 198
    with pytest.raises(TypeError, match="AnnualReport or a ParseResult"):
        to_records([object()])


def test_include_blank_false_drops_blank_cells() -> None:
    """include_blank=False leaves out the None cells only."""
    report = unflatten({"review.total": 3}, edition="2021")
    rows = to_records([report], include_blank=False)
    assert [(r["path"], r["value"]) for r in rows] == [("review.total", 3)]


def test_records_write_to_csv() -> None:
    """The records are flat scalars that csv.DictWriter can write and read back."""
    rows = to_records(_gold_reports()[:1])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(RECORD_FIELDS))
    writer.writeheader()
    writer.writerows(rows)
    back = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(back) == len(rows)
    assert back[10]["column"] == rows[10]["column"]


def test_describe_path_for_cells_rows_and_unknown_paths() -> None:
    """Cells get 'row › column', rows their label chain, unknown paths come back unchanged."""
    assert describe_path("review.total", "2021") == "行政复议 › 总计"
    assert describe_path("applications.unavailable.not_held", "2019").endswith(
        "（四）无法提供 / 1.本机关不掌握相关政府信息"
    )
    assert describe_path("no.such.path", "2021") == "no.such.path"


def test_discrepancy_records_flatten_paths_lines_and_decimals() -> None:
    """Paths and lines are joined by ';', Decimal amounts become strings, meta is repeated."""
    report = _gold_reports()[0]
    found = [
        _Finding(
            code="application_row_sum",
            severity="error",
            paths=("applications.new_received.total", "applications.new_received.natural_person"),
            expected=Decimal("17.5"),
            actual=18,
            message_zh="不符",
            message_en="mismatch",
            lines=(31, 32),
        )
    ]
    (row,) = discrepancies_to_records(found, source="f.txt", report=report)
    assert list(row) == list(DISCREPANCY_FIELDS)
    assert row["paths"] == ";".join(found[0].paths)
    assert (row["expected"], row["actual"], row["lines"]) == ("17.5", 18, "31;32")
    assert (row["source"], row["organ"], row["severity"]) == ("f.txt", report.meta.organ, "error")


def test_long_frame_has_record_columns_and_numeric_values() -> None:
    """to_frame() long: the record columns, one row per cell, value as nullable Float64."""
    pd = pytest.importorskip("pandas")
    reports = _gold_reports()
    frame = to_frame(reports)
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert len(frame) == len(to_records(reports))
    assert str(frame["value"].dtype) == "Float64"
    assert isinstance(frame, pd.DataFrame)


def test_wide_frame_has_one_row_per_report_and_typed_columns() -> None:
    """to_frame(wide=True): one row per report, one column per path, Int64 counts, NA blanks."""
    pytest.importorskip("pandas")
    reports = [*_gold_reports()[:2], unflatten({"active.procurement.items": 2}, edition="2019")]
    frame = to_frame(reports, wide=True)
    assert len(frame) == 3
    assert str(frame["applications.new_received.total"].dtype) == "Int64"
    assert str(frame["active.fees.amount_10k_yuan"].dtype) == "Float64"
    assert (
        frame.loc[0, "applications.new_received.total"]
        == flatten(reports[0])["applications.new_received.total"]
    )
    assert frame.loc[2, "active.procurement.items"] == 2
    assert frame["active.procurement.items"].isna().sum() == 2


def test_to_frame_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frame() raises ImportError naming the extra to install."""
    import importlib

    real = importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(ImportError, match=r"govinfo_report\[pandas\]"):
        to_frame([empty_report("2021")])
