"""Round trip: ``parse(render(report, layout)).report`` equals ``report`` for every layout.

``test_round_trip`` is strict for every layout and both editions. Its explicit example pins the
parser causes that used to break it: blanks before values in one-row and all-short blocks of
table 二 (placed by header positions), a blank pipe cell `` |``, a title with an organ but no
year, HTML markup in prose, and an anchor word (本年制发) in the overview.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import example, given

from govinfo_report import AnnualReport, Meta, flatten, unflatten
from govinfo_report._parse import parse
from govinfo_report._render import render, render_layouts
from govinfo_report.strategies import reports

PROSE = ("overview", "problems", "other_matters")


def differences(report: AnnualReport, layout: str) -> dict[str, tuple[object, object]]:
    """What parse(render(...)) got wrong: canonical cells, meta organ/year/edition, prose."""
    parsed = parse(render(report, layout)).report
    want, got = flatten(report), flatten(parsed)
    out: dict[str, tuple[object, object]] = {
        p: (v, got.get(p)) for p, v in want.items() if got.get(p) != v
    }
    for name in ("organ", "year", "edition"):
        if getattr(report.meta, name) != getattr(parsed.meta, name):
            out[f"meta.{name}"] = (getattr(report.meta, name), getattr(parsed.meta, name))
    for name in PROSE:
        if getattr(report, name) != getattr(parsed, name):
            out[name] = (getattr(report, name), getattr(parsed, name))
    return out


def _pinned(edition: str, overview: str = "总体情况良好。") -> AnnualReport:
    """A report hitting every former cause: blanks before values in table 二, organ, no year."""
    cells: dict[str, int | None] = {}
    if edition == "2021":
        cells.update(
            {
                "active.regulations.issued": None,
                "active.regulations.repealed": 5,
                "active.regulations.in_force": 6,
                "active.normative_documents.issued": 7,
                "active.normative_documents.repealed": None,
                "active.normative_documents.in_force": 9,
            }
        )
    else:
        cells.update({"active.fees.prior_year_items": None, "active.fees.change": -3})
    meta = Meta(edition=edition, organ="交通运输局", year=None)
    return attrs.evolve(unflatten(cells, edition=edition, meta=meta), overview=overview)


@pytest.mark.parametrize(
    ("layout", "edition"),
    [
        pytest.param(lay, ed, id=f"{lay}-{ed}")
        for lay in render_layouts()
        for ed in ("2021", "2019")
    ],
)
def test_round_trip(layout: str, edition: str) -> None:
    """parse(render(r, layout)).report equals r: every cell, organ/year/edition and the prose."""

    @given(reports(edition=edition, consistent=True))
    @example(_pinned(edition))
    @example(_pinned(edition, overview="本年制发"))
    # prose after table 四 holding its heading words; the HTML heading of 四 is long with its tags
    @example(attrs.evolve(_pinned(edition), other_matters="行政复议行政诉讼"))
    def check(report: AnnualReport) -> None:
        assert differences(report, layout) == {}

    check()
