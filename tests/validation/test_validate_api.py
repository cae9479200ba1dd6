"""The public surface: arguments, rule selection and registration, parsed input, series, docs."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs
import pytest

from govinfo_report import AnnualReport, Meta, unflatten
from govinfo_report.validation import (
    Discrepancy,
    RuleContext,
    Severity,
    catalogue,
    get_rule,
    iter_discrepancies,
    register_rule,
    rules,
    rules_markdown,
    unregister_rule,
    validate,
    validate_parsed,
    validate_series,
)

from ._build import report_from_gold, seed_file, with_cell

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


@pytest.fixture
def seed_002() -> AnnualReport:
    """Seed 002: four blank 自然人 cells."""
    return report_from_gold(seed_file("002", ".gold.json"))


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and every name in it exists."""
    # govinfo_report re-exports the function validate, which shadows the subpackage attribute
    v = importlib.import_module("govinfo_report.validation")
    assert v.__all__ == sorted(v.__all__)
    assert all(hasattr(v, name) for name in v.__all__)


def test_wrong_argument_types_raise_type_error(seed_002: AnnualReport) -> None:
    """Misuse raises TypeError: a non-report, a non-report previous, a string of rules."""
    with pytest.raises(TypeError):
        validate({})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        validate(seed_002, previous="2022")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        validate(seed_002, rules="blank_cell")
    with pytest.raises(TypeError):
        validate(seed_002, rules=[42])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="no rule"):
        validate(seed_002, rules=["no_such_rule"])


def test_catalogue_codes_are_unique_and_every_rule_has_an_entry() -> None:
    """Codes are unique; every registered rule's code is in the catalogue."""
    codes = [k.code for k in catalogue()]
    assert len(codes) == len(set(codes))
    assert {r.code for r in rules()} <= set(codes)
    assert get_rule("blank_cell").kind.severity is Severity.WARNING


def test_docs_rules_md_is_generated_from_the_catalogue() -> None:
    """docs/rules.md is current (regenerate: python -m govinfo_report.validation)."""
    assert DOCS.read_text(encoding="utf-8") == rules_markdown()
    for kind in catalogue():
        assert f"## `{kind.code}`" in rules_markdown()
        assert kind.formula and kind.example and kind.title_zh and kind.description


def test_rules_selection_runs_in_the_given_order(seed_002: AnnualReport) -> None:
    """Selected rules run in the given order, and only those."""
    found = validate(seed_002, rules=["missing_section", "blank_cell"])
    codes = [d.code for d in found]
    assert codes == ["missing_section"] * 3 + ["blank_cell"] * 4
    assert validate(seed_002, rules=[]) == ()


def test_findings_are_ordered_by_rule_then_cell(seed_002: AnnualReport) -> None:
    """Within a rule, findings follow the template's cell order."""
    blanks = [d.paths[0] for d in validate(seed_002) if d.code == "blank_cell"]
    assert blanks == [
        "applications.new_received.natural_person",
        "applications.granted.natural_person",
        "applications.partially_granted.natural_person",
        "applications.other_handling.unpaid_fee.natural_person",
    ]


def test_iter_discrepancies_is_lazy(seed_002: AnnualReport) -> None:
    """iter_discrepancies returns an iterator giving the same findings as validate."""
    it = iter_discrepancies(seed_002)
    assert isinstance(it, Iterator)
    assert tuple(it) == validate(seed_002)


def test_plain_callable_and_registered_rules(seed_002: AnnualReport) -> None:
    """A plain check runs when passed; a registered rule runs by default until unregistered."""

    def no_fee(report: AnnualReport, context: RuleContext) -> Iterator[Discrepancy]:
        if context.cells["active.fees.amount_10k_yuan"] == 0:
            yield Discrepancy(
                code="no_fee",
                severity=Severity.INFO,
                paths=("active.fees.amount_10k_yuan",),
                message_zh="未收费",
                message_en="no fee",
            )

    assert [d.code for d in validate(seed_002, rules=[no_fee])] == ["no_fee"]
    register_rule(code="no_fee", severity="info", title="No fee charged")(no_fee)
    try:
        assert "no_fee" in [d.code for d in validate(seed_002)]
        assert "no_fee" in [k.code for k in catalogue()]
        with pytest.raises(ValueError):
            register_rule(code="no_fee", severity="info", title="again")(no_fee)
        with pytest.raises(ValueError):
            register_rule(code="blank_cell", severity="info", title="clash")(no_fee)
    finally:
        unregister_rule("no_fee")
    assert "no_fee" not in [d.code for d in validate(seed_002)]
    with pytest.raises(ValueError):
        unregister_rule("blank_cell")


@attrs.frozen
class _Prov:
    lines: tuple[int, ...]


@attrs.frozen
class _Parsed:
    report: AnnualReport
    provenance: Mapping[str, _Prov]


def test_validate_parsed_adds_source_lines(seed_002: AnnualReport) -> None:
    """validate_parsed gives each finding the source lines of its cells."""
    parsed = _Parsed(
        report=seed_002,
        provenance={
            "applications.new_received.natural_person": _Prov((40,)),
            "applications.granted.natural_person": _Prov((43, 44)),
        },
    )
    lines = {d.paths[0]: d.lines for d in validate_parsed(parsed) if d.code == "blank_cell"}
    assert lines["applications.new_received.natural_person"] == (40,)
    assert lines["applications.granted.natural_person"] == (43, 44)
    assert lines["applications.partially_granted.natural_person"] == ()
    with pytest.raises(TypeError):
        validate_parsed(seed_002)  # type: ignore[arg-type]


def test_validate_series_finds_gaps_duplicates_and_carry_over_breaks() -> None:
    """A series is sorted by year; gaps, repeats and broken carry-overs are reported."""
    meta = Meta(edition="2021", organ="政务服务局")

    def year(y: int, carried_over: int, forward: int) -> AnnualReport:
        cells = {
            "applications.carried_over.total": carried_over,
            "applications.carried_forward.total": forward,
        }
        return unflatten(cells, edition="2021", meta=attrs.evolve(meta, year=y))

    series = [year(2023, 5, 0), year(2021, 0, 3), year(2022, 3, 4), year(2025, 0, 0)]
    found = validate_series(series)
    assert [(d.code, d.year) for d in found] == [
        ("carry_over_mismatch", 2023),
        ("series_gap", 2025),
    ]
    assert found[0].expected == 4 and found[0].actual == 5
    dup = validate_series([year(2021, 0, 0), year(2021, 0, 0)])
    assert [d.code for d in dup] == ["series_duplicate_year"]
    with pytest.raises(ValueError):
        validate_series([unflatten({}, edition="2021")])
    with pytest.raises(TypeError):
        validate_series(year(2021, 0, 0))  # type: ignore[arg-type]


def test_discrepancy_str_names_code_and_cells(seed_002: AnnualReport) -> None:
    """str(Discrepancy) shows severity, code, paths and the English message."""
    d = validate(with_cell(seed_002, "review.total", 7), rules=["appeal_group_sum"])[0]
    assert str(d).startswith("[error] appeal_group_sum at review.total")
