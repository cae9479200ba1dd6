"""Helpers of the validator tests: seed reports built from gold cells, and single-cell edits."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from govinfo_report import AnnualReport, Meta, Value, flatten, unflatten
from tests.helpers import gold_cells

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"


def seed_file(prefix: str, suffix: str) -> Path:
    """The seed file whose name starts with ``prefix`` and ends with ``suffix``."""
    (path,) = SEEDS.glob(f"{prefix}_*{suffix}")
    return path


def report_from_gold(path: Path, overview: str | None = None) -> AnnualReport:
    """A report with the gold file's cells and meta (amounts read as Decimal via their text)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    m = gold["meta"]
    meta = Meta(edition=m["edition"], organ=m.get("organ"), year=m.get("year"))
    report = unflatten(gold_cells(gold), edition=m["edition"], meta=meta)
    return attrs.evolve(report, overview=overview)


def overview_of(text: str) -> str:
    """Section 一 of a seed text: after the first 一、总体情况 heading, up to ## 二、主动公开."""
    start = text.index("一、总体情况") + len("一、总体情况")
    return text[start : text.index("## 二、主动公开", start)]


def with_cell(report: AnnualReport, path: str, value: Value) -> AnnualReport:
    """``report`` with one cell replaced."""
    cells = flatten(report)
    cells[path] = value
    return attrs.evolve(
        unflatten(cells, edition=report.meta.edition, meta=report.meta),
        overview=report.overview,
        problems=report.problems,
        other_matters=report.other_matters,
        extra_rows=report.extra_rows,
    )
