"""Hypothesis strategies for tests of code that uses govinfo_report.

Requires ``hypothesis`` (installed with the ``test`` extra)::

    from hypothesis import given
    from govinfo_report.strategies import reports

    @given(reports(edition="2021", consistent=True))
    def test_my_pipeline(report): ...

A *consistent* report satisfies every arithmetic identity of the template (the rules
``application_row_sum``, ``application_column_sum``, ``application_balance`` and
``appeal_group_sum`` of :mod:`govinfo_report`'s validator); an *inconsistent* one breaks at least
one of them, by changing exactly one cell of table 三 or 四.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from ._convert import flatten, unflatten
from ._schema import AnnualReport, Meta, Value
from ._template import Edition, template

__all__ = ["applications_cells", "meta", "reports", "texts"]

_APPLICANTS = template(Edition.E2021).row("applications.new_received").columns[:-1]
"""The applicant columns of table 三 (without ``total``; the same in both editions)."""
_OUTCOMES = ("upheld", "corrected", "other", "pending")

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_TEXT_ALPHABET = st.one_of(_CJK, st.sampled_from("，。；：、（）“”0123456789 abc"))


def texts(*, min_size: int = 0, max_size: int = 80) -> st.SearchStrategy[str]:
    """Prose like a report's: Chinese characters, full-width punctuation, a few digits and ASCII."""
    return st.text(_TEXT_ALPHABET, min_size=min_size, max_size=max_size).map(str.strip)


def meta(edition: Edition | str | int) -> st.SearchStrategy[Meta]:
    """Meta of a report of ``edition``: organ, year (in the edition's range) and title."""
    ed = Edition.coerce(edition)
    years = st.integers(2021, 2030) if ed is Edition.E2021 else st.integers(2019, 2020)
    organs = st.sampled_from(
        ["红旗区人民政府", "政务服务局", "嵩县龙泉乡人民政府", "宜宾市人民政府", "交通运输局"]
    )

    def _build(organ: str | None, year: int | None, titled: bool) -> Meta:
        title = f"{organ}{year}年政府信息公开工作年度报告" if titled and organ and year else None
        return Meta(edition=ed, organ=organ, year=year, title=title)

    return st.builds(_build, st.none() | organs, st.none() | years, st.booleans())


def _application_rows(edition: Edition) -> tuple[list[str], str, str, str, str]:
    rows = [r.key for r in template(edition).rows_of("applications")]
    result_rows = [
        k
        for k in rows
        if k
        not in (
            "applications.new_received",
            "applications.carried_over",
            "applications.total_handled",
            "applications.carried_forward",
        )
    ]
    return (
        result_rows,
        "applications.new_received",
        "applications.carried_over",
        "applications.total_handled",
        "applications.carried_forward",
    )


@st.composite
def applications_cells(
    draw: st.DrawFn, edition: Edition | str | int, *, max_value: int = 60
) -> dict[str, int]:
    """The cells of table 三 satisfying all its identities (row sums, column sums, balance)."""
    ed = Edition.coerce(edition)
    results, new, carried_over, total_handled, carried_forward = _application_rows(ed)
    small = st.integers(0, max_value)
    sparse = st.one_of(st.just(0), st.just(0), small)
    cells: dict[str, int] = {}
    for col in _APPLICANTS:
        handled = 0
        for row in results:
            v = draw(sparse)
            cells[f"{row}.{col}"] = v
            handled += v
        cells[f"{total_handled}.{col}"] = handled
        forward = draw(sparse)
        cells[f"{carried_forward}.{col}"] = forward
        prior = draw(st.integers(0, handled + forward))
        cells[f"{carried_over}.{col}"] = prior
        cells[f"{new}.{col}"] = handled + forward - prior
    for row in (new, carried_over, *results, total_handled, carried_forward):
        cells[f"{row}.total"] = sum(cells[f"{row}.{c}"] for c in _APPLICANTS)
    return cells


@st.composite
def _appeals_cells(draw: st.DrawFn, max_value: int) -> dict[str, int]:
    cells: dict[str, int] = {}
    for group in ("review", "litigation_direct", "litigation_after_review"):
        values = [draw(st.integers(0, max_value)) for _ in _OUTCOMES]
        for name, v in zip(_OUTCOMES, values, strict=True):
            cells[f"{group}.{name}"] = v
        cells[f"{group}.total"] = sum(values)
    return cells


@st.composite
def _active_cells(draw: st.DrawFn, edition: Edition) -> dict[str, Value]:
    cells: dict[str, Value] = {}
    for spec in template(edition).rows_of("active"):
        for cell in spec.cells:
            if cell.type == "decimal":
                cents = draw(st.integers(0, 10_000_000))
                places = draw(st.sampled_from([0, 1, 2, 4]))
                value: Value = Decimal(cents).scaleb(-places) if places else Decimal(cents)
            elif cell.column_key == "change":
                value = draw(st.integers(-50, 50))
            else:
                value = draw(st.integers(0, 5000))
            cells[cell.path] = draw(st.none() | st.just(value)) if draw(st.booleans()) else value
    return cells


@st.composite
def reports(
    draw: st.DrawFn,
    *,
    edition: Edition | str | int | None = None,
    consistent: bool = True,
    with_text: bool = True,
    max_value: int = 60,
) -> AnnualReport:
    """Reports of ``edition`` (either when ``None``).

    ``consistent=True``: every identity of tables 三 and 四 holds and no cell of those tables is
    blank. ``consistent=False``: exactly one cell of table 三 or 四 differs from a consistent
    report's, so at least one identity fails. Table 二 is always filled freely (it has no
    arithmetic), with some blanks.
    """
    ed = Edition.coerce(edition) if edition is not None else draw(st.sampled_from(list(Edition)))
    cells: dict[str, Value] = {}
    cells.update(draw(_active_cells(ed)))
    cells.update(draw(applications_cells(ed, max_value=max_value)))
    cells.update(draw(_appeals_cells(max_value)))
    if not consistent:
        paths = [
            p for p in template(ed).paths if p.startswith(("applications.", "review.", "litig"))
        ]
        path = draw(st.sampled_from(paths))
        old = cells[path]
        assert isinstance(old, int)
        delta = draw(st.integers(1, 9)) * draw(st.sampled_from([1, -1]))
        if old + delta < 0:
            delta = -delta
        cells[path] = old + delta
    report = unflatten(cells, edition=ed, meta=draw(meta(ed)))
    if with_text:
        text: dict[str, Any] = {
            name: draw(st.none() | texts(min_size=1)) or None
            for name in ("overview", "problems", "other_matters")
        }
        report = attrs.evolve(report, **text)
    return report


def _self_check() -> None:  # pragma: no cover - a guard for maintainers, run by the tests
    for ed in Edition:
        assert len(flatten(unflatten({}, edition=ed))) == len(template(ed).paths)
