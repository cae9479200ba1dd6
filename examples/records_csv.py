"""Write every cell of every report in a folder to a long-format CSV (one row per cell).

    python examples/records_csv.py [FOLDER] [OUT.csv]

Each row has the file, organ, year, edition, canonical path, the template's Chinese row and
column labels, and the value (blank for a blank cell). Without OUT.csv the CSV goes to stdout.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TextIO

from govinfo_report import RECORD_FIELDS, parse_many, to_records

HERE = Path(__file__).resolve().parent


def write(files: list[Path], out: TextIO) -> None:
    """Parse ``files`` one at a time (constant memory) and write their cells to ``out``."""
    writer = csv.DictWriter(out, fieldnames=list(RECORD_FIELDS), lineterminator="\n")
    writer.writeheader()
    for path, result in zip(files, parse_many(files), strict=True):
        writer.writerows(to_records([result], sources=[path.name]))


def main() -> None:
    """Parse the folder's reports and write their cells as CSV."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports"
    files = sorted(folder.glob("*.txt"))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
            write(files, out)
    else:
        write(files, sys.stdout)


if __name__ == "__main__":
    main()
