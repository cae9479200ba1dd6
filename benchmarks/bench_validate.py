"""Throughput of ``govinfo_report.validate.validate``: prints reports per second.

Run: ``.venv/bin/python benchmarks/bench_validate.py [N]``. The reports are the five seeds (one
with its prose) plus copies with one cell changed or blanked, so clean, broken and incomplete
tables are all measured.
"""

from __future__ import annotations

import json
import sys
import time
from decimal import Decimal
from pathlib import Path

import attrs

from govinfo_report import AnnualReport, Meta, Value, flatten, template, unflatten
from govinfo_report.validation import validate

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "validation" / "fixtures" / "seeds"


def _seed_reports() -> list[AnnualReport]:
    out = []
    for path in sorted(SEEDS.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        m = gold["meta"]
        t = template(m["edition"])
        cells: dict[str, Value] = {
            p: Decimal(str(v)) if v is not None and t.cell(p).type == "decimal" else v
            for p, v in gold["cells"].items()
        }
        meta = Meta(edition=m["edition"], organ=m["organ"], year=m["year"])
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        report = unflatten(cells, edition=m["edition"], meta=meta)
        out.append(
            attrs.evolve(report, overview=text[:2000], problems="无。", other_matters="无。")
        )
    return out


def _variants(base: list[AnnualReport]) -> list[AnnualReport]:
    out = list(base)
    for report in base:
        cells = flatten(report)
        for path in ("applications.granted.natural_person", "review.total"):
            for value in (None, 99):
                changed = dict(cells)
                changed[path] = value
                out.append(
                    attrs.evolve(
                        unflatten(changed, edition=report.meta.edition, meta=report.meta),
                        overview=report.overview,
                    )
                )
    return out


def _timed(batch: list[AnnualReport], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        validate(batch[i % len(batch)])
    return time.perf_counter() - start


def main(n: int = 20_000, repeat: int = 5) -> None:
    """Validate ``n`` reports ``repeat`` times and print the best rate, with and without prose."""
    reports = _variants(_seed_reports())
    for label, batch in (
        ("with prose", reports),
        ("tables only", [attrs.evolve(r, overview=None) for r in reports]),
    ):
        for r in batch:  # warm the per-edition caches
            validate(r)
        elapsed = min(_timed(batch, n) for _ in range(repeat))
        print(
            f"validate ({label}): {n / elapsed:,.0f} reports/s, "
            f"{elapsed / n * 1e6:.1f} µs per report"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
