"""Check a folder of reports with dask.bag: the same pure functions, another scheduler.

    python examples/dask_bag.py [FOLDER]

``summarise`` reads, decodes, parses and validates one file with the library's pure functions
and returns plain data, so it runs unchanged on dask workers (here the local multiprocessing
scheduler; a distributed cluster works the same way). Needs ``pip install 'dask[bag]'``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import dask.bag as db

import govinfo_report as gr

HERE = Path(__file__).resolve().parent


def summarise(path: str) -> dict[str, object]:
    """Check one file and keep only what the summary needs (small results travel cheaply)."""
    result = gr.parse(gr.decode(Path(path).read_bytes()).text)
    meta = result.report.meta
    return {
        "source": Path(path).name,
        "organ": meta.organ,
        "year": meta.year,
        "errors": [d.code for d in gr.validate_parsed(result) if d.severity is gr.Severity.ERROR],
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
