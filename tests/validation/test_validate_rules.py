"""Each built-in rule: what triggers it, what it reports, and what it leaves alone."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govinfo_report import AnnualReport, ExtraRow, ExtraRowKind, Meta, flatten, unflatten
from govinfo_report.validation import Discrepancy, Severity, validate

from ._build import report_from_gold, seed_file, with_cell


def _with_prose(report: AnnualReport) -> AnnualReport:
    return attrs.evolve(report, overview="概况。", problems="问题。", other_matters="无。")


@pytest.fixture
def clean() -> AnnualReport:
    """Seed 001 (2021 edition, adds up), with prose in every section."""
    return _with_prose(report_from_gold(seed_file("001", ".gold.json")))


def _run(
    report: AnnualReport, code: str, previous: AnnualReport | None = None
) -> list[Discrepancy]:
    return list(validate(report, previous=previous, rules=[code]))


def test_clean_report_has_no_finding_at_all(clean: AnnualReport) -> None:
    """The base report of these tests is clean under every rule."""
    assert validate(clean) == ()


def test_row_sum_reports_total_and_parts(clean: AnnualReport) -> None:
    """A wrong 总计 gives application_row_sum with the sum expected and the total actual."""
    path = "applications.granted.total"
    old = flatten(clean)[path]
    assert isinstance(old, int)
    (d,) = _run(with_cell(clean, path, old + 3), "application_row_sum")
    assert (d.expected, d.actual, d.severity) == (old, old + 3, Severity.ERROR)
    assert d.paths[0] == path and len(d.paths) == 7


def test_column_sum_and_balance_share_one_fix(clean: AnnualReport) -> None:
    """A wrong （七） breaks the row, the column and the balance; all name the same one fix."""
    path = "applications.total_handled.natural_person"
    old = flatten(clean)[path]
    assert isinstance(old, int)
    found = validate(with_cell(clean, path, old + 1))
    codes = [d.code for d in found]
    assert codes == ["application_row_sum", "application_column_sum", "application_balance"]
    assert {(f.path, f.current, f.suggested) for d in found for f in d.fixes} == {
        (path, old + 1, old)
    }


def test_appeal_group_sum(clean: AnnualReport) -> None:
    """A wrong 行政复议 总计 gives appeal_group_sum on that group only."""
    (d,) = _run(with_cell(clean, "review.total", 99), "appeal_group_sum")
    assert d.paths[0] == "review.total" and d.actual == 99


def test_negative_count_but_not_signed_change() -> None:
    """Negative counts are errors; the 2019 本年增/减 column may be negative."""
    report = unflatten(
        {
            "active.licensing.change": -8,
            "active.licensing.prior_year_items": 10,
            "review.upheld": -1,
        },
        edition="2019",
    )
    assert [d.paths for d in _run(report, "negative_count")] == [("review.upheld",)]


def test_negative_amount() -> None:
    """A negative fee amount is an error."""
    report = unflatten({"active.fees.amount_10k_yuan": Decimal("-2.5")}, edition="2021")
    (d,) = _run(report, "negative_amount")
    assert d.actual == Decimal("-2.5") and d.severity is Severity.ERROR


def test_invalid_value_gives_the_implied_value(clean: AnnualReport) -> None:
    """A non-integer in a count cell is reported, with the value its row implies."""
    path = "applications.granted.total"
    old = flatten(clean)[path]
    granted = attrs.evolve(clean.applications.granted, total=Decimal("2.5"))  # type: ignore[arg-type]
    report = attrs.evolve(clean, applications=attrs.evolve(clean.applications, granted=granted))
    (d,) = _run(report, "invalid_value")
    assert d.paths == (path,) and d.expected == old
    assert not [x for x in validate(report) if x.code.startswith("application_")]


def test_missing_table_and_section() -> None:
    """A table with every cell blank is one missing_table; absent prose is missing_section."""
    report = unflatten({"applications.granted.total": 1}, edition="2021")
    tables = _run(report, "missing_table")
    assert [d.paths[0].partition(".")[0] for d in tables] == ["active", "review"]
    assert [d.paths for d in _run(report, "missing_section")] == [
        ("overview",),
        ("problems",),
        ("other_matters",),
    ]
    assert {d.severity for d in tables} == {Severity.ERROR}


def test_blank_cell_chain_is_resolved(clean: AnnualReport) -> None:
    """Two blanks of one row are each pinned down by their columns; no identity error follows."""
    cells = flatten(clean)
    a, b = "applications.granted.natural_person", "applications.granted.commercial_enterprise"
    report = with_cell(with_cell(clean, a, None), b, None)
    found = validate(report)
    assert {d.paths[0]: d.expected for d in found} == {a: cells[a], b: cells[b]}
    assert {d.code for d in found} == {"blank_cell"}


def test_blank_cell_that_no_value_can_fix_is_reported_as_broken(clean: AnnualReport) -> None:
    """A blank whose identities disagree has no implied value, and the identity is an error."""
    cells = flatten(clean)
    path = "applications.granted.natural_person"
    report = with_cell(with_cell(clean, path, None), "applications.granted.total", 500)
    found = validate(report)
    (blank,) = [d for d in found if d.code == "blank_cell"]
    assert blank.expected is None
    assert any(d.severity is Severity.ERROR and path in d.paths for d in found)
    assert cells[path] is not None


def test_merged_other_handling_row_stands_for_its_sub_rows(clean: AnnualReport) -> None:
    """2021: a merged （六） row replaces the blank sub-rows in the column identities."""
    cells = flatten(clean)
    subs = [p for p in cells if p.startswith("applications.other_handling.")]
    columns = [p.rpartition(".")[2] for p in subs[:7]]
    merged = [sum(cells[p] for p in subs if p.endswith("." + c)) for c in columns]  # type: ignore[misc]
    blanked = unflatten({**cells, **dict.fromkeys(subs)}, edition="2021", meta=clean.meta)
    row = ExtraRow(
        table="applications",
        label="（六）其他处理",
        values=tuple(merged),
        kind=ExtraRowKind.MERGED,
        group="applications.other_handling",
    )
    report = _with_prose(attrs.evolve(blanked, extra_rows=(row,)))
    assert [d.code for d in validate(report)] == ["merged_row_used"]
    wrong = attrs.evolve(report, extra_rows=(attrs.evolve(row, values=(9, *merged[1:6], 9)),))
    column = [d for d in validate(wrong) if d.code == "application_column_sum"]
    assert column and "applications.other_handling.natural_person" in column[0].paths
    assert len([d for d in validate(blanked) if d.code == "blank_cell"]) == len(subs)


def test_edition_mismatch(clean: AnnualReport) -> None:
    """A 2022 report in the 2019 edition (or 2020 in the 2021 edition) is a warning."""
    assert _run(clean, "edition_mismatch") == []
    old = unflatten({}, edition="2021", meta=Meta(edition="2021", year=2020))
    (d,) = _run(old, "edition_mismatch")
    assert d.severity is Severity.WARNING


def test_granted_exceed_handled_only_when_the_column_cannot_be_checked() -> None:
    """（一）+（二） > （七） is a warning when a blank hides the column sum, silent otherwise."""
    cells = {
        "applications.granted.total": 5,
        "applications.partially_granted.total": 3,
        "applications.total_handled.total": 6,
    }
    report = unflatten(cells, edition="2021")
    (d,) = _run(report, "granted_exceed_handled")
    assert (d.expected, d.actual) == (6, 8)


def test_carried_forward_exceeds_received_with_blanks() -> None:
    """四 > 一 + 二 is a warning when （七） is blank."""
    cells = {
        "applications.new_received.total": 7,
        "applications.carried_over.total": 3,
        "applications.carried_forward.total": 12,
    }
    (d,) = _run(unflatten(cells, edition="2021"), "carried_forward_exceeds_received")
    assert (d.expected, d.actual) == (10, 12)


def test_large_backlog() -> None:
    """More than half of 20 or more applications carried forward is info; fewer is silent."""
    cells = {
        "applications.new_received.total": 30,
        "applications.carried_over.total": 10,
        "applications.carried_forward.total": 21,
    }
    (d,) = _run(unflatten(cells, edition="2021"), "large_backlog")
    assert d.severity is Severity.INFO
    cells["applications.carried_forward.total"] = 20
    assert _run(unflatten(cells, edition="2021"), "large_backlog") == []


def test_in_force_below_net_issued() -> None:
    """2021: 现行有效 8 with 制发 12 and 废止 1 is a warning; 11 is fine."""
    cells = {
        "active.normative_documents.issued": 12,
        "active.normative_documents.repealed": 1,
        "active.normative_documents.in_force": 8,
    }
    (d,) = _run(unflatten(cells, edition="2021"), "in_force_below_net_issued")
    assert (d.expected, d.actual) == (11, 8)
    cells["active.normative_documents.in_force"] = 11
    assert _run(unflatten(cells, edition="2021"), "in_force_below_net_issued") == []


def test_2019_table_two_plausibility() -> None:
    """2019: total below new published, published above made, negative item count."""
    cells = {
        "active.regulations.newly_made": 2,
        "active.regulations.newly_published": 5,
        "active.regulations.total_published": 4,
        "active.penalty.prior_year_items": 10,
        "active.penalty.change": -15,
    }
    report = unflatten(cells, edition="2019")
    plausibility = ["total_published_below_new", "published_exceeds_made", "item_count_negative"]
    assert [d.code for d in validate(report) if d.code in plausibility] == plausibility
    assert _run(report, "negative_count") == []


def _with_year(report: AnnualReport, year: int, organ: str = "政务服务局") -> AnnualReport:
    return attrs.evolve(report, meta=attrs.evolve(report.meta, year=year, organ=organ))


def test_carry_over_mismatch_per_column(clean: AnnualReport) -> None:
    """Last year's 四 must be this year's 二; a difference is a warning naming this year's cell."""
    prev = with_cell(_with_year(clean, 2022), "applications.carried_forward.natural_person", 9)
    this = _with_year(clean, 2023)
    found = _run(this, "carry_over_mismatch", previous=prev)
    assert [d.paths for d in found] == [("applications.carried_over.natural_person",)]
    assert found[0].expected == 9 and found[0].severity is Severity.WARNING
    assert _run(this, "carry_over_mismatch", previous=_with_year(clean, 2020)) == []


def test_in_force_stock_and_previous_checks(clean: AnnualReport) -> None:
    """The stock of 现行有效 moves by 制发 − 废止; wrong year or organ is a warning."""
    this = _with_year(clean, 2023)
    cells = flatten(this)
    in_force = cells["active.normative_documents.in_force"]
    issued = cells["active.normative_documents.issued"]
    repealed = cells["active.normative_documents.repealed"]
    assert isinstance(in_force, int) and isinstance(issued, int) and isinstance(repealed, int)
    prev = with_cell(_with_year(clean, 2022), "active.normative_documents.in_force", in_force + 1)
    (d,) = _run(this, "in_force_stock_mismatch", previous=prev)
    assert d.expected == in_force + 1 + issued - repealed
    odd = _with_year(clean, 2020, organ="别的机关")
    codes = {d.code for d in validate(this, previous=odd)}
    assert {"previous_year_mismatch", "previous_organ_mismatch"} <= codes
