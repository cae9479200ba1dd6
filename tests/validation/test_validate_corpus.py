"""The development corpus: each truth's deliberate defects are found on its gold, and only those."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from govinfo_report import AnnualReport
from govinfo_report.validation import Severity, validate
from tests.helpers import SHARED

from ._build import report_from_gold

CORPUS = SHARED / "corpus"
TRUTHS = sorted((CORPUS / "_truths").glob("t*")) if (CORPUS / "_truths").is_dir() else []
pytestmark = pytest.mark.skipif(
    not TRUTHS, reason=f"the development corpus ({CORPUS}) is not present on this machine"
)


def _truth_report(truth: Path) -> tuple[AnnualReport, dict[str, object]]:
    defects = json.loads((truth / "defects.json").read_text(encoding="utf-8"))
    folder = CORPUS / f"{truth.name}__w3m"
    report = report_from_gold(folder / "gold.json")
    text = (folder / "source.txt").read_text(encoding="utf-8")
    start = text.index("一、总体情况")
    overview = text[start : text.index("二、主动公开政府信息情况", start)]
    return attrs.evolve(report, overview=overview), defects


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name)
def test_truth_findings_match_its_defects(truth: Path) -> None:
    """Every listed defect is found at its path; a defect-free truth gives no error."""
    report, defects = _truth_report(truth)
    found = validate(report)
    listed = defects["defects"]
    assert isinstance(listed, list)
    errors = [d for d in found if d.severity is Severity.ERROR]
    if not any(d["type"] in ("row_total_off", "carried_forward_break") for d in listed):
        assert errors == []
    for defect in listed:
        path = defect["path"]
        if defect["type"] == "blank_cell":
            (blank,) = [d for d in found if d.code == "blank_cell" and d.paths == (path,)]
            assert blank.expected == defect["intended"]
        else:
            assert any(path in d.paths for d in errors), defect
            hit = [d for d in errors if d.fixes]
            assert hit and all([f.path for f in d.fixes] == [path] for d in hit)
            assert hit[0].fixes[0].suggested == defect["intended"]
    narrative = [d for d in found if d.code == "narrative_mismatch"]
    if defects["narrative"] == "differs from the table":
        assert narrative
    else:
        assert narrative == []
