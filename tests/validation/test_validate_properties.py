"""Properties: consistent reports are clean, one changed cell is found and localised, no raises."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import (
    AnnualReport,
    Edition,
    ExtraRow,
    ExtraRowKind,
    Meta,
    flatten,
    template,
    unflatten,
)
from govinfo_report.strategies import reports, texts
from govinfo_report.validation import Severity, localise, validate, validate_series

from ._build import with_cell

_CHECKED = ("applications.", "review.", "litigation_direct.", "litigation_after_review.")


def _errors(report: AnnualReport, previous: AnnualReport | None = None) -> list[object]:
    return [d for d in validate(report, previous=previous) if d.severity is Severity.ERROR]


@given(reports(consistent=True))
def test_consistent_reports_have_no_errors(report: AnnualReport) -> None:
    """A report satisfying every identity gives no error-level finding and no fix."""
    assert _errors(report) == []
    assert localise(report) == ()


@st.composite
def _one_cell_changed(draw: st.DrawFn) -> tuple[AnnualReport, str, int]:
    report = draw(reports(consistent=True, with_text=False))
    paths = [p for p in template(report.meta.edition).paths if p.startswith(_CHECKED)]
    path = draw(st.sampled_from(paths))
    old = flatten(report)[path]
    assert isinstance(old, int)
    new = draw(st.integers(0, old + 20).filter(lambda v: v != old))
    return with_cell(report, path, new), path, old


@given(_one_cell_changed())
def test_one_changed_cell_is_named_by_an_error(case: tuple[AnnualReport, str, int]) -> None:
    """Changing any one cell of table 三 or 四 gives an error whose paths include that cell."""
    report, path, _ = case
    errors = [d for d in validate(report) if d.severity is Severity.ERROR]
    assert any(path in d.paths for d in errors)


@given(_one_cell_changed())
def test_one_changed_cell_is_localised(case: tuple[AnnualReport, str, int]) -> None:
    """The fixes include the changed cell, alone in table 三, within its group in table 四."""
    report, path, old = case
    fixes = localise(report)
    by_path = {f.path: f for f in fixes}
    assert by_path[path].suggested == old
    if path.startswith("applications."):
        assert list(by_path) == [path]
    else:
        group = path.partition(".")[0]
        assert len(fixes) <= 5
        assert all(p.startswith(group + ".") for p in by_path)
    arithmetic = [d for d in validate(report) if d.fixes]
    assert arithmetic and all(set(d.fixes) == set(fixes) for d in arithmetic)


def test_a_changed_appeal_cell_leaves_five_candidates() -> None:
    """Table 四: one wrong cell of a group with room to move makes all five cells candidates."""
    cells = {"review.upheld": 3, "review.corrected": 2, "review.other": 1, "review.pending": 4}
    report = unflatten({**cells, "review.total": 12}, edition="2021")
    fixes = localise(report)
    assert [f.path for f in fixes] == [*cells, "review.total"]
    assert [f.suggested for f in fixes] == [5, 4, 3, 6, 10]


# -- never raises ----------------------------------------------------------------------------------


def _value(cell_type: str) -> st.SearchStrategy[object]:
    if cell_type == "decimal":
        return st.none() | st.decimals(allow_nan=True, allow_infinity=True) | st.integers()
    return st.none() | st.integers(-(10**12), 10**12)


@st.composite
def _any_report(draw: st.DrawFn) -> AnnualReport:
    ed = draw(st.sampled_from(list(Edition)))
    cells = {c.path: draw(_value(c.type)) for c in template(ed).cells}
    year = draw(st.none() | st.integers(1990, 2100))
    organ = draw(st.none() | st.sampled_from(["红旗区人民政府", "政务服务局", ""]))
    report = unflatten(cells, edition=ed, meta=Meta(edition=ed, year=year, organ=organ))  # type: ignore[arg-type]
    extra = st.builds(
        ExtraRow,
        table=st.sampled_from(["active", "applications", "appeals"]),
        label=texts(max_size=10),
        values=st.lists(st.none() | st.integers(-5, 50), max_size=8).map(tuple),
        columns=st.sampled_from([(), ("natural_person", "total"), ("bogus",)]),
        kind=st.sampled_from(list(ExtraRowKind)),
        group=st.sampled_from([None, "applications.other_handling", "x"]),
    )
    prose = st.none() | texts(max_size=200) | st.sampled_from(["共受理申请5件，办结3件。", " "])
    return attrs.evolve(
        report,
        overview=draw(prose),
        problems=draw(prose),
        other_matters=draw(prose),
        extra_rows=tuple(draw(st.lists(extra, max_size=3))),
    )


@given(_any_report(), st.none() | _any_report())
def test_validate_never_raises(report: AnnualReport, previous: AnnualReport | None) -> None:
    """Any report the schema holds (blanks, negatives, NaN, odd extra rows) validates."""
    found = validate(report, previous=previous)
    assert all(isinstance(d.message_en, str) and d.message_zh for d in found)
    localise(report)


@given(st.lists(_any_report(), max_size=4))
def test_validate_series_never_raises_on_dated_reports(items: list[AnnualReport]) -> None:
    """validate_series accepts any run of reports that all carry a year."""
    dated = [r for r in items if r.meta.year is not None]
    validate_series(dated)


def test_all_blank_reports_validate() -> None:
    """An all-blank report of either edition gives missing tables and sections, never a raise."""
    for ed in Edition:
        found = validate(unflatten({}, edition=ed))
        assert [d.code for d in found if d.code == "missing_table"] == ["missing_table"] * 3
        assert not [d for d in found if d.code == "blank_cell"]


def test_validate_is_deterministic_and_pure() -> None:
    """Two calls on equal reports give equal results; the report is unchanged."""
    cells = {"applications.granted.natural_person": 4, "review.total": 1}
    report = unflatten(cells, edition="2021")
    before = flatten(report)
    assert validate(report) == validate(unflatten(cells, edition="2021"))
    assert flatten(report) == before
