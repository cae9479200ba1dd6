"""Load a folder of reports into pandas: one row per report, one column per canonical path.

    python examples/pandas_wide.py [FOLDER]

Needs the ``pandas`` extra (``pip install 'govinfo_report[pandas]'``). Prints the applications
received and handled per organ, and the share of applications granted in full.
"""

from __future__ import annotations

import sys
from pathlib import Path

from govinfo_report import parse_many, to_frame

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Build the wide frame and print a small summary table."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports"
    files = sorted(folder.glob("*.txt"))
    frame = to_frame(list(parse_many(files)), wide=True, sources=[p.name for p in files])
    table = frame[
        [
            "source",
            "organ",
            "year",
            "applications.new_received.total",
            "applications.total_handled.total",
            "applications.granted.total",
        ]
    ].rename(
        columns={
            "applications.new_received.total": "received",
            "applications.total_handled.total": "handled",
            "applications.granted.total": "granted",
        }
    )
    table["granted_share"] = (table["granted"] / table["handled"]).round(2)
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
