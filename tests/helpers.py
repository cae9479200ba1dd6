"""Helpers for tests: gold files, seed fixtures and the optional ../shared folder."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from govinfo_report import Value, template

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = FIXTURES / "seeds"
TABLE3_COLUMNS = template("2021").row("applications.new_received").columns
"""Table 三's columns: the six applicant kinds, then ``total`` (the same in both editions)."""


def seed_paths() -> list[Path]:
    """The seed texts bundled in tests/fixtures/seeds, sorted."""
    return sorted(SEEDS.glob("*.txt"))


def gold_cells(gold: dict[str, Any]) -> dict[str, Value]:
    """A gold file's cells with amounts as Decimal (JSON numbers are read via their text)."""
    edition = gold["meta"]["edition"]
    t = template(edition)
    out: dict[str, Value] = {}
    for path, v in gold["cells"].items():
        if v is not None and t.cell(path).type == "decimal":
            out[path] = Decimal(str(v))
        else:
            out[path] = v
    return out


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold JSON file."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
