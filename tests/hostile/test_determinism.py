"""Determinism: the same input gives the same output in every process, whatever the hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

_SCRIPT = """
import json, sys
from pathlib import Path
from govinfo_report import parse, to_dict, validate
out = []
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    for source in (p.read_text("utf-8"), p.read_bytes()):
        r = parse(source)
        out.append({
            "report": to_dict(r.report),
            "diagnostics": [[d.code, d.message, d.lines, d.paths, d.confidence]
                            for d in r.diagnostics],
            "provenance": [[k, v.lines, v.raw, v.start, v.end] for k, v in r.provenance.items()],
            "layouts": list(r.layouts.items()),
            "discrepancies": [repr(d) for d in validate(r.report)],
        })
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def _run(hash_seed: str) -> list[object]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(SEEDS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data: list[object] = json.loads(proc.stdout)
    return data


@pytest.mark.timeout(300)
def test_two_processes_with_different_hash_seeds_agree() -> None:
    """Reports, diagnostics (in order), provenance and discrepancies match across hash seeds."""
    first, second = _run("1"), _run("4242")
    assert len(first) == 2 * len(list(SEEDS.glob("*.txt")))
    assert first == second
