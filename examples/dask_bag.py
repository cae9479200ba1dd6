"""Check a folder of reports with dask.bag: the same pure functions, another scheduler.

    python examples/dask_bag.py [FOLDER]

``check_source`` reads, decodes, parses and validates one file and returns plain data, so it runs
unchanged on dask workers (here the local multiprocessing scheduler; a distributed cluster works
the same way). Needs ``pip install 'dask[bag]'``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import dask.bag as db

from govinfo_report._batch import check_source
from govinfo_report._records import severity_name

HERE = Path(__file__).resolve().parent


def summarise(path: str) -> dict[str, object]:
    """Check one file and keep only what the summary needs (small results travel cheaply)."""
    checked = check_source(Path(path))
    meta = checked.result.report.meta if checked.result is not None else None
    return {
        "source": Path(path).name,
        "organ": meta.organ if meta else None,
        "year": meta.year if meta else None,
        "failed": checked.error is not None,
        "errors": [d.code for d in checked.discrepancies if severity_name(d.severity) == "error"],
    }


def main() -> None:
    """Map summarise() over the files, then count error codes across all reports."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports"
    files = sorted(str(p) for p in folder.glob("*.txt"))
    bag = db.from_sequence(files, npartitions=min(4, len(files)) or 1).map(summarise)
    rows = bag.compute(scheduler="processes")
    for row in rows:
        print(f"{row['source']}: {row['organ']} {row['year']}: {len(row['errors'])} errors")
    codes = Counter(code for row in rows for code in row["errors"])
    print("errors by rule:", dict(sorted(codes.items())))


if __name__ == "__main__":
    main()
