"""Each script in examples/ runs with the project's interpreter and prints what it promises."""

from __future__ import annotations

import csv
import importlib.util
import io
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _run(script: str, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_every_example_script_has_a_test() -> None:
    """No script in examples/ is left without a test in this module."""
    tested = {
        "check_folder.py",
        "records_csv.py",
        "pandas_wide.py",
        "dask_bag.py",
        "compare_years.py",
        "plugin_tokenizer.py",
    }
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_check_folder_prints_a_line_per_report() -> None:
    """check_folder.py prints one verdict line per bundled report, with its organ."""
    out = _run("check_folder.py", "--jobs", "2")
    lines = [line for line in out.splitlines() if line.endswith("warnings")]
    assert len(lines) == 5
    assert lines[0].startswith("000_b632abdf92b6cc95.txt: 红旗区人民政府 2023:")


def test_records_csv_writes_one_row_per_cell(tmp_path: Path) -> None:
    """records_csv.py writes 200 rows per 2021-edition report with Chinese labels."""
    out = tmp_path / "cells.csv"
    _run("records_csv.py", str(EXAMPLES / "reports"), str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 5 * 200
    assert rows[0]["row"] == "第二十条第（一）项 / 规章" and rows[0]["column"] == "本年制发件数"


def test_pandas_wide_prints_a_row_per_report() -> None:
    """pandas_wide.py prints a table with one line per report (needs pandas)."""
    pytest.importorskip("pandas")
    out = _run("pandas_wide.py").splitlines()
    assert "granted_share" in out[0]
    assert len(out) == 1 + 5


def test_dask_bag_checks_the_folder() -> None:
    """dask_bag.py maps check_source over the reports with dask (needs dask[bag])."""
    if importlib.util.find_spec("dask") is None:
        pytest.skip("dask is not installed")
    out = _run("dask_bag.py")
    assert out.count(" errors\n") == 5 and "errors by rule:" in out


def test_compare_years_lists_changes_and_the_gap() -> None:
    """compare_years.py shows changed cells of one organ and the missing 2022 report."""
    out = _run("compare_years.py")
    assert out.startswith("红旗区人民政府 2021 -> 红旗区人民政府 2023\n")
    assert "cells changed" in out
    assert "行政许可 / 本年处理决定数量: 3150 -> 6353" in out
    assert "series warning series_gap" in out


def test_plugin_tokenizer_is_detected_and_keeps_blanks() -> None:
    """plugin_tokenizer.py's CSV tokenizer wins detection, places numbers, keeps a blank blank."""
    out = _run("plugin_tokenizer.py")
    assert "detected layout: csv; by name: csv" in out
    assert "active.regulations.in_force = 14" in out
    assert "applications.new_received.commercial_enterprise = 3" in out
    assert "natural_person = None" in out
