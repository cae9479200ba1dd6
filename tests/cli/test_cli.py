"""The govinfo-report command line: exit codes, output formats, order, parallelism, progress."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import from_dict
from govinfo_report._cli import main

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "examples" / "reports"
SEED_001 = REPORTS / "001_5aba0e603a8547b6.txt"
BAD_LINE = ("一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t5\t0")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _broken_copy(folder: Path, name: str = "bad.txt") -> Path:
    """Seed 001 with one applicant count changed so that its row total is wrong."""
    text = SEED_001.read_text(encoding="utf-8")
    assert BAD_LINE[0] in text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text.replace(BAD_LINE[0], BAD_LINE[1]), encoding="utf-8")
    return path


def test_check_examples_prints_every_report_and_a_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`check examples/reports` lists each file in sorted order, its organ, and a summary."""
    code, out, _ = _run(capsys, "check", str(REPORTS))
    headers = [line[3:] for line in out.splitlines() if line.startswith("== ")]
    assert headers == [str(p) for p in sorted(REPORTS.glob("*.txt"))]
    assert "红旗区人民政府 · 2023 年度 · 2021 版格式" in out
    assert "汇总 Summary: 5 reports, 5 parsed," in out
    assert code == (1 if " with errors" in out and ", 0 with errors" not in out else 0)


def test_error_in_a_report_gives_exit_1_with_labels_and_source_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A broken row total is an error: exit 1, Chinese labels, expected/actual, the source line."""
    bad = _broken_copy(tmp_path)
    code, out, _ = _run(capsys, "check", str(bad))
    assert code == 1
    assert "ERROR 错误   application_row_sum" in out
    assert "一、本年新收政府信息公开申请数量 › " in out
    assert "应为 expected: 5   实为 actual: 0" in out
    assert "| 一、本年新收政府信息公开申请数量    5  0  0" in out
    assert "1 with errors" in out


def test_clean_report_gives_exit_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A report without error-severity findings exits 0 even with warnings."""
    shutil.copy(SEED_001, tmp_path / "ok.txt")
    code, out, _ = _run(capsys, "check", str(tmp_path))
    assert code == 0
    assert "0 with errors" in out


def test_errors_only_hides_warnings_and_clean_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--errors-only prints only error findings, and only the reports that have one."""
    shutil.copy(SEED_001, tmp_path / "a_ok.txt")
    _broken_copy(tmp_path, "b_bad.txt")
    code, out, _ = _run(capsys, "check", "--errors-only", str(tmp_path))
    assert code == 1
    assert "WARNING" not in out
    assert "a_ok.txt" not in out and "b_bad.txt" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "/no/such/folder"],
        ["check", "--format", "xml", "examples/reports"],
        ["check"],
        [],
        ["parse", "/no/such/file.txt"],
    ],
)
def test_usage_errors_and_missing_inputs_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Bad options, missing paths and missing subcommands exit 2 with a message on stderr."""
    code, _, err = _run(capsys, *argv)
    assert code == 2
    assert err


def test_empty_folder_and_unreadable_file_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A folder without report files, or a file that cannot be read, exits 2."""
    code, _, err = _run(capsys, "check", str(tmp_path))
    assert (code, "no report files found" in err) == (2, True)
    shutil.copy(SEED_001, tmp_path / "a.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "missing-target")
    code, out, _ = _run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "unreadable" in out and "1 unreadable" in out


def test_json_format_parses_and_matches_text_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--format json is one document with a report per file and the summary's counts."""
    shutil.copy(SEED_001, tmp_path / "a.txt")
    _broken_copy(tmp_path, "b.txt")
    code, out, _ = _run(capsys, "check", "--format", "json", str(tmp_path))
    doc = json.loads(out)
    assert code == 1
    assert [r["source"] for r in doc["reports"]] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert doc["summary"]["reports"] == 2 and doc["summary"]["with_errors"] == 1
    codes = {f["code"] for f in doc["reports"][1]["findings"]}
    assert "application_row_sum" in codes
    row_sum = next(f for f in doc["reports"][1]["findings"] if f["code"] == "application_row_sum")
    assert row_sum["lines"] and row_sum["line_texts"][0].startswith("一、本年新收")


def test_jsonl_and_csv_have_the_same_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """jsonl lines and csv rows parse back to the same findings; the summary goes to stderr."""
    _broken_copy(tmp_path)
    _, out_jsonl, err_jsonl = _run(capsys, "check", "--format", "jsonl", str(tmp_path))
    _, out_csv, err_csv = _run(capsys, "check", "--format", "csv", str(tmp_path))
    rows_jsonl = [json.loads(line) for line in out_jsonl.splitlines()]
    rows_csv = list(csv.DictReader(io.StringIO(out_csv)))
    assert len(rows_jsonl) == len(rows_csv) > 0
    assert [r["code"] for r in rows_jsonl] == [r["code"] for r in rows_csv]
    first_j, first_c = rows_jsonl[0], rows_csv[0]
    assert first_c["paths"] == ";".join(first_j["paths"])
    assert first_c["lines"] == ";".join(str(n) for n in first_j["lines"])
    assert "汇总 Summary" in err_jsonl and "汇总 Summary" in err_csv


def test_jobs_2_gives_the_same_output_as_jobs_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The output with two worker processes is byte-identical to the serial output."""
    for i in range(3):
        for src in sorted(REPORTS.glob("*.txt")):
            shutil.copy(src, tmp_path / f"{i}_{src.name}")
    _broken_copy(tmp_path / "sub")
    _, serial, _ = _run(capsys, "check", str(tmp_path), "--jobs", "1")
    _, parallel, _ = _run(capsys, "check", str(tmp_path), "--jobs", "2", "--chunksize", "2")
    assert serial == parallel
    assert "16 reports" in serial


def test_walk_is_recursive_sorted_and_filters_suffixes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Folders are walked recursively in sorted order; only report suffixes are picked up."""
    for name in ("b/x.txt", "a/z.md", "a/y.htm", "c.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED_001, tmp_path / name)
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    _, out, _ = _run(capsys, "check", "--format", "json", str(tmp_path))
    sources = [
        Path(r["source"]).relative_to(tmp_path).as_posix() for r in json.loads(out)["reports"]
    ]
    assert sources == ["a/y.htm", "a/z.md", "b/x.txt", "c.html"]


def test_gb18030_file_is_decoded(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A report saved in GB18030 reads the same as its UTF-8 original."""
    text = SEED_001.read_text(encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    _, out, _ = _run(capsys, "check", "--format", "json", str(tmp_path))
    (report,) = json.loads(out)["reports"]
    assert report["organ"] == "政务服务局"
    assert report["encoding"].lower().replace("-", "") in {"gb18030", "gbk", "gb2312"}


def test_series_runs_cross_year_rules_per_organ(capsys: pytest.CaptureFixture[str]) -> None:
    """--series groups 红旗区人民政府's 2021 and 2023 reports and reports the missing 2022."""
    _, out, _ = _run(capsys, "check", "--series", "--format", "json", str(REPORTS))
    series = json.loads(out)["series"]
    (group,) = series
    assert group["organ"] == "红旗区人民政府"
    assert [Path(s).name[:3] for s in group["sources"]] == ["002", "000"]
    assert "series_gap" in {f["code"] for f in group["findings"]}


def test_previous_dir_runs_cross_year_rules_against_last_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--previous-dir pairs each report with the same organ's report of the year before."""
    text = SEED_001.read_text(encoding="utf-8")
    assert "2023" in text
    (tmp_path / "prev").mkdir()
    (tmp_path / "prev" / "a.txt").write_text(text.replace("2023", "2022"), encoding="utf-8")
    (tmp_path / "cur").mkdir()
    (tmp_path / "cur" / "a.txt").write_text(text, encoding="utf-8")
    code, out, _ = _run(
        capsys, "check", str(tmp_path / "cur"), "--previous-dir", str(tmp_path / "prev")
    )
    assert code in (0, 1)
    assert "汇总 Summary: 1 reports, 1 parsed" in out
    code, _, err = _run(capsys, "check", str(tmp_path / "cur"), "--previous-dir", "/no/such")
    assert code == 2 and "--previous-dir" in err


def test_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The progress bar is drawn on stderr when it is a TTY and there are many files."""
    for i in range(25):
        shutil.copy(SEED_001, tmp_path / f"{i:02}.txt")

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    _, _, err = _run(capsys, "check", str(tmp_path))
    assert "\r[" not in err
    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    main(["check", str(tmp_path)])
    assert "\r[" in fake.getvalue() and "25/25" in fake.getvalue()


def test_parse_prints_tables_with_chinese_labels(capsys: pytest.CaptureFixture[str]) -> None:
    """`parse FILE` shows the three tables with the template's labels and the values."""
    code, out, _ = _run(capsys, "parse", str(REPORTS / "000_b632abdf92b6cc95.txt"))
    assert code == 0
    assert "红旗区人民政府 · 2023 年度 · 2021 版格式" in out
    for label in (
        "二、主动公开政府信息情况",
        "（三）不予公开",
        "1.属于国家秘密",
        "未经复议直接起诉",
    ):
        assert label in out
    assert any(line.strip().startswith("行政许可") and "6353" in line for line in out.splitlines())


def test_parse_json_round_trips_through_from_dict(capsys: pytest.CaptureFixture[str]) -> None:
    """`parse --json` prints to_dict output: one object for one file, a list for several."""
    one = str(REPORTS / "000_b632abdf92b6cc95.txt")
    code, out, _ = _run(capsys, "parse", "--json", one)
    assert code == 0
    report = from_dict(json.loads(out))
    assert report.meta.organ == "红旗区人民政府"
    _, out, _ = _run(capsys, "parse", "--json", one, str(SEED_001))
    assert [from_dict(d).meta.organ for d in json.loads(out)] == ["红旗区人民政府", "政务服务局"]


def test_parse_edition_option_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    """--edition 2019 forces the 2019 template (its 2019-only rows appear)."""
    code, out, _ = _run(capsys, "parse", "--edition", "2019", str(SEED_001))
    assert code == 0
    assert "2019 版格式" in out and "政府集中采购" in out


def test_module_and_console_script_run(tmp_path: Path) -> None:
    """`python -m govinfo_report` and the govinfo-report script both run and exit as documented."""
    py = Path(sys.executable)
    proc = subprocess.run(
        [str(py), "-m", "govinfo_report", "check", str(REPORTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1) and "汇总 Summary: 5 reports" in proc.stdout
    script = py.parent / "govinfo-report"
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("govinfo-report ")
