"""The five seed reports: what the validator says about each (see fixtures/README.md)."""

from __future__ import annotations

import pytest

from govinfo_report import AnnualReport
from govinfo_report.validation import Discrepancy, Severity, validate

from ._build import overview_of, report_from_gold, seed_file


def _errors(found: tuple[Discrepancy, ...]) -> list[Discrepancy]:
    return [d for d in found if d.severity is Severity.ERROR]


def _seed(prefix: str, *, with_overview: bool = False) -> AnnualReport:
    text = seed_file(prefix, ".txt").read_text(encoding="utf-8")
    return report_from_gold(
        seed_file(prefix, ".gold.json"), overview_of(text) if with_overview else None
    )


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_clean_seeds_have_no_errors(prefix: str) -> None:
    """Seeds 001, 003 and 004 add up: no error-level finding."""
    assert _errors(validate(_seed(prefix))) == []


def test_seed_002_reports_exactly_the_four_blank_natural_person_cells() -> None:
    """Seed 002: four blank 自然人 cells with implied 6, 0, 4, 0, and no error at all."""
    found = validate(_seed("002"))
    assert _errors(found) == []
    blanks = {d.paths: d.expected for d in found if d.code == "blank_cell"}
    assert blanks == {
        ("applications.new_received.natural_person",): 6,
        ("applications.granted.natural_person",): 0,
        ("applications.partially_granted.natural_person",): 4,
        ("applications.other_handling.unpaid_fee.natural_person",): 0,
    }


def test_seed_000_prose_contradicts_the_table() -> None:
    """Seed 000: prose 受理 120 and 办结 115 against the table's 17 and 17; no table error."""
    found = validate(_seed("000", with_overview=True))
    assert _errors(found) == []
    mismatches = {
        d.paths[0]: (d.actual, d.expected) for d in found if d.code == "narrative_mismatch"
    }
    assert mismatches == {
        "applications.new_received.total": (120, 17),
        "applications.total_handled.total": (115, 17),
    }
    assert all(d.severity is Severity.WARNING for d in found if d.code == "narrative_mismatch")


def test_seed_000_without_prose_has_no_narrative_finding() -> None:
    """The narrative rule needs the prose: the same tables without it give no mismatch."""
    assert not [d for d in validate(_seed("000")) if d.code == "narrative_mismatch"]


# -- through the parser, once it exists ------------------------------------------------------------


def _parse_seed(prefix: str) -> AnnualReport:
    parse_module = pytest.importorskip(
        "govinfo_report._parse", reason="the parser (govinfo_report._parse) is not there yet"
    )
    text = seed_file(prefix, ".txt").read_text(encoding="utf-8")
    report: AnnualReport = parse_module.parse(text).report
    return report


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_parsed_clean_seeds_have_no_errors(prefix: str) -> None:
    """Parsed from text, seeds 001, 003 and 004 give no error."""
    assert _errors(validate(_parse_seed(prefix))) == []


def test_parsed_seed_002_gives_the_four_blanks() -> None:
    """Parsed from text, seed 002 gives the four blank 自然人 cells with their implied values."""
    found = validate(_parse_seed("002"))
    assert _errors(found) == []
    blanks = {d.paths[0]: d.expected for d in found if d.code == "blank_cell"}
    assert blanks == {
        "applications.new_received.natural_person": 6,
        "applications.granted.natural_person": 0,
        "applications.partially_granted.natural_person": 4,
        "applications.other_handling.unpaid_fee.natural_person": 0,
    }


def test_parsed_seed_000_gives_the_narrative_mismatch() -> None:
    """Parsed from text, seed 000 gives 120 vs 17 received and 115 vs 17 handled, no error."""
    found = validate(_parse_seed("000"))
    assert _errors(found) == []
    mismatches = {(d.actual, d.expected) for d in found if d.code == "narrative_mismatch"}
    assert {(120, 17), (115, 17)} <= mismatches
