"""parse_many and check_many: input order, laziness (bounded memory), parallelism, failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from govinfo_report import flatten
from govinfo_report._batch import CheckResult, check_many, check_source, decode_bytes, parse_many

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"
FILES = sorted(REPORTS.glob("*.txt"))


class _Counting:
    """An iterable that records how many items have been taken from it."""

    def __init__(self, items: list[Path], repeat: int = 1) -> None:
        self.items = items * repeat
        self.taken = 0

    def __iter__(self) -> Iterator[Path]:
        for item in self.items:
            self.taken += 1
            yield item


def test_parse_many_keeps_input_order_for_paths_text_and_bytes() -> None:
    """Results come back in input order whatever the source type."""
    texts = [p.read_text(encoding="utf-8") for p in FILES]
    mixed = [FILES[0], texts[1], texts[2].encode("utf-8")]
    organs = [r.report.meta.organ for r in parse_many(mixed)]
    expected = [r.report.meta.organ for r in parse_many(FILES[:3])]
    assert organs == expected


@pytest.mark.parametrize(("jobs", "chunksize"), [(2, 1), (2, 3), (3, 16)])
def test_parallel_results_equal_serial_results(jobs: int, chunksize: int) -> None:
    """Worker processes give the same reports, in the same order, as the serial run."""
    serial = [flatten(r.report) for r in parse_many(FILES * 3)]
    parallel = [flatten(r.report) for r in parse_many(FILES * 3, jobs=jobs, chunksize=chunksize)]
    assert parallel == serial


def test_serial_run_consumes_input_lazily() -> None:
    """With jobs=1, taking one result takes one source from the input."""
    source = _Counting(FILES, repeat=100)
    it = parse_many(source)
    next(it)
    assert source.taken == 1


def test_parallel_run_keeps_a_bounded_window_in_flight() -> None:
    """With jobs=2 and chunksize=2, at most 2*jobs chunks (8 sources) are read ahead."""
    source = _Counting(FILES, repeat=100)
    it = check_many(source, jobs=2, chunksize=2)
    next(it)
    assert source.taken <= 2 * 2 * 2 + 2
    rest = list(it)
    assert len(rest) == 499 and source.taken == 500


def test_check_many_reports_unreadable_files_without_raising(tmp_path: Path) -> None:
    """A missing file yields unreadable=True and an error; the other files are still checked."""
    results = list(check_many([FILES[0], tmp_path / "missing.txt", FILES[1]]))
    assert [r.unreadable for r in results] == [False, True, False]
    assert results[1].error and "missing.txt" in results[1].source
    assert results[1].has_errors and results[0].result is not None


def test_check_source_keeps_parser_failures_as_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception inside the parser becomes a CheckResult with error set, not a crash."""
    import govinfo_report._batch as batch

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "_parse_fn", lambda: broken)
    result = check_source("一、总体情况")
    assert isinstance(result, CheckResult)
    assert result.error == "RuntimeError: boom" and not result.unreadable and result.has_errors


def test_invalid_jobs_and_chunksize_are_rejected() -> None:
    """Negative jobs and a chunksize below 1 raise ValueError when iterated."""
    with pytest.raises(ValueError, match="jobs"):
        next(parse_many(FILES, jobs=-1))
    with pytest.raises(ValueError, match="chunksize"):
        next(parse_many(FILES, chunksize=0))


def test_decode_bytes_reads_utf8_and_gb18030() -> None:
    """decode_bytes() returns the same text for UTF-8 and GB18030 bytes of a report."""
    text = FILES[1].read_text(encoding="utf-8")
    assert decode_bytes(text.encode("utf-8"))[0] == text
    assert decode_bytes(text.encode("gb18030"))[0].strip() == text.strip()
