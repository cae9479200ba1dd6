"""The public hypothesis strategies produce consistent and inconsistent reports as promised."""

from __future__ import annotations

from hypothesis import given

from govinfo_report import AnnualReport, flatten, template
from govinfo_report.strategies import reports
from tests.helpers import TABLE3_COLUMNS


def _broken_identities(report: AnnualReport) -> list[str]:
    """Names of the template identities the report breaks (independent re-implementation)."""
    cells = flatten(report)
    rows = [r.key for r in template(report.edition).rows_of("applications")]
    results = rows[2:-2]
    broken = []
    for row in rows:
        if sum(cells[f"{row}.{c}"] or 0 for c in TABLE3_COLUMNS[:-1]) != cells[f"{row}.total"]:
            broken.append(f"row {row}")
    for col in TABLE3_COLUMNS:
        handled = sum(cells[f"{r}.{col}"] or 0 for r in results)
        if handled != cells[f"applications.total_handled.{col}"]:
            broken.append(f"column {col}")
        lhs = cells[f"applications.new_received.{col}"] + cells[f"applications.carried_over.{col}"]  # type: ignore[operator]
        rhs = (
            cells[f"applications.total_handled.{col}"]
            + cells[f"applications.carried_forward.{col}"]
        )  # type: ignore[operator]
        if lhs != rhs:
            broken.append(f"balance {col}")
    for g in ("review", "litigation_direct", "litigation_after_review"):
        parts = sum(cells[f"{g}.{k}"] for k in ("upheld", "corrected", "other", "pending"))  # type: ignore[misc]
        if parts != cells[f"{g}.total"]:
            broken.append(f"group {g}")
    return broken


@given(reports(consistent=True))
def test_consistent_reports_satisfy_every_identity(report: AnnualReport) -> None:
    """consistent=True: no identity of tables 三 and 四 is broken, no cell there is blank."""
    assert _broken_identities(report) == []
    cells = flatten(report)
    assert all(v is not None for p, v in cells.items() if not p.startswith("active."))
    assert all(v >= 0 for p, v in cells.items() if v is not None and "change" not in p)  # type: ignore[operator]


@given(reports(consistent=False))
def test_inconsistent_reports_break_an_identity(report: AnnualReport) -> None:
    """consistent=False: at least one identity of tables 三 or 四 is broken."""
    assert _broken_identities(report) != []
