"""Check every report in a folder and print one line per report: organ, year, errors, warnings.

    python examples/check_folder.py [FOLDER] [--jobs N]

The same work as ``govinfo-report check``, from Python: ``check_many`` streams the files (in
parallel with ``--jobs``) and yields one ``CheckResult`` per file, in order.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from govinfo_report import check_many

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Print a one-line verdict per report and the most frequent rule codes."""
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=HERE / "reports")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in {".txt", ".html", ".md"})
    codes: Counter[str] = Counter()
    for checked in check_many(files, jobs=args.jobs):
        name = Path(checked.source).name
        if checked.result is None:
            print(f"{name}: could not be parsed ({checked.error})")
            continue
        meta = checked.result.report.meta
        severities = Counter(d.severity.value for d in checked.discrepancies)
        codes.update(d.code for d in checked.discrepancies)
        print(
            f"{name}: {meta.organ or '?'} {meta.year or '?'}: "
            f"{severities['error']} errors, {severities['warning']} warnings"
        )
    for code, n in codes.most_common(5):
        print(f"  {code}: {n}")


if __name__ == "__main__":
    main()
