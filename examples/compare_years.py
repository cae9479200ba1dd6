"""Compare two years of one organ: what changed cell by cell, and the cross-year checks.

    python examples/compare_years.py [EARLIER.txt LATER.txt]

Without arguments it compares the bundled reports of 红旗区人民政府 for 2021 and 2023
(examples/reports/002_*.txt and 000_*.txt). It prints the cells whose value changed, the findings
of ``validate(later, previous=earlier)`` (the cross-year rules: carried-over applications, the
stock of documents in force) and ``validate_series`` (gaps between years).
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo_report as gr

HERE = Path(__file__).resolve().parent


def load(path: Path) -> gr.AnnualReport:
    """Decode, parse and return the report of one file."""
    return gr.parse(gr.decode(path.read_bytes()).text).report


def main() -> None:
    """Print the changed cells and the cross-year findings of two reports of one organ."""
    if len(sys.argv) == 3:
        first, second = Path(sys.argv[1]), Path(sys.argv[2])
    else:
        first = next((HERE / "reports").glob("002_*.txt"))
        second = next((HERE / "reports").glob("000_*.txt"))
    a, b = sorted((load(first), load(second)), key=lambda r: r.meta.year or 0)
    print(f"{a.meta.organ} {a.meta.year} -> {b.meta.organ} {b.meta.year}")
    if a.edition is b.edition:
        labels = {c.path: f"{c.row} / {c.column}" for c in gr.template(a.edition).cells}
        old, new = gr.flatten(a), gr.flatten(b)
        changed = [p for p in old if old[p] != new[p]]
        print(f"{len(changed)} of {len(old)} cells changed")
        for path in changed:
            print(f"  {labels[path]}: {old[path]} -> {new[path]}")
    for d in gr.validate(b, previous=a, rules=[k.code for k in _cross_year()]):
        print(f"cross-year {d.severity.value} {d.code}: {d.message_en}")
    for d in gr.validate_series([a, b]):
        print(f"series {d.severity.value} {d.code}: {d.message_en}")


def _cross_year() -> list[gr.validation.Rule]:
    return [r for r in gr.validation.rules() if r.cross_year]


if __name__ == "__main__":
    main()
