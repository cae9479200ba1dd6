"""Tables whose reading order an extraction scrambled (pdftotext without -layout, pdfminer) are
re-read in the only chunked order in which every identity of the table holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report._align import AlignResult, Placed
from govinfo_report._parse import _number_spans, parse
from govinfo_report._stream import _chunk_readings, stream_order
from govinfo_report._template import Edition, template
from govinfo_report.tokenizers._base import LINE

_EMPTY = AlignResult(placed=(), extras=(), notes=(), unassigned=())
_UNSEEN = Path(__file__).resolve().parent.parent / "fixtures" / "unseen"


def _grid21() -> list[list[int]]:
    """A consistent 2021 table 三 (25 rows x 7 columns) with distinct-looking values."""
    results = [[(r * 7 + c * 3) % 11 for c in range(6)] for r in range(21)]
    handled = [sum(row[c] for row in results) for c in range(6)]
    forward = [c + 1 for c in range(6)]
    prior = [c for c in range(6)]
    new = [h + f - p for h, f, p in zip(handled, forward, prior, strict=True)]
    rows = [new, prior, *results, handled, forward]
    return [[*row, sum(row)] for row in rows]


def _paths() -> list[list[str]]:
    return [[c.path for c in r.cells] for r in template(Edition.E2021).rows_of("applications")]


def _check(region: str, grid: list[list[int]]) -> AlignResult:
    got = stream_order(Edition.E2021, "applications", region, _number_spans(region), _EMPTY)
    assert got is not None
    values = {path: value for path, value, _ in got.placed}
    for row, paths in zip(grid, _paths(), strict=True):
        assert [values[p] for p in paths] == row
    for _, _, (text, _, start, end, _, _) in got.placed:
        assert region[start:end] == text
    assert [n.code for n in got.notes] == ["stream_order"]
    return got


def test_row_major_stream_is_decoded() -> None:
    """175 numbers printed row by row, a few per line, fill the 25 x 7 grid."""
    grid = _grid21()
    flat = [str(v) for row in grid for v in row]
    region = "\n".join(" ".join(flat[i : i + 3]) for i in range(0, len(flat), 3))
    got = _check(region, grid)
    assert got.placed[0][2][LINE] == 1 and got.placed[-1][2][LINE] == len(flat) // 3 + 1


def test_column_chunks_after_first_row_are_decoded() -> None:
    """A first row read row by row, then chunks of 8 rows read column by column (pdfminer)."""
    grid = _grid21()
    out = [str(v) for v in grid[0]]
    for i in range(1, 25, 8):
        chunk = grid[i : i + 8]
        out += [str(row[j]) for j in range(7) for row in chunk]
    _check("labels\n" + "\n".join(out) + "\n", grid)


def test_ambiguous_order_is_refused() -> None:
    """Table 四 numbers that fit two different readings are left to the normal alignment."""
    region = " ".join(map(str, [0, 0, 0, 1, 1, 0, 0, 1, 1, 2, 1, 1, 0, 2, 4]))
    assert stream_order(Edition.E2021, "appeals", region, _number_spans(region), _EMPTY) is None


def test_wrong_count_or_failing_identity_is_refused() -> None:
    """One number short, or a column identity broken, leaves the alignment as it is."""
    grid = _grid21()
    flat = [str(v) for row in grid for v in row]
    short = " ".join(flat[:-1])
    assert stream_order(Edition.E2021, "applications", short, _number_spans(short), _EMPTY) is None
    grid[1] = [v + 1 if j == 0 else v for j, v in enumerate(grid[1][:6])] + [grid[1][6] + 1]
    bad = " ".join(str(v) for row in grid for v in row)
    assert stream_order(Edition.E2021, "applications", bad, _number_spans(bad), _EMPTY) is None


@pytest.mark.timeout(10)
def test_hostile_zero_stream_is_bounded() -> None:
    """All-zero streams (every chunking fits) stay bounded (a blow-up fails through
    pytest-timeout) and read as zeros."""
    region = " ".join(["0"] * 175)
    got = stream_order(Edition.E2021, "applications", region, _number_spans(region), _EMPTY)
    assert got is not None and {value for _, value, _ in got.placed} == {0}
    assert _chunk_readings([0] * 400, 80, 5) is not None


def test_pdftotext_default_report_uses_stream_order() -> None:
    """pdftotext (no -layout) table 三 and 四 are re-read, each cell's provenance real."""
    text = (_UNSEEN / "t00__pdftotext_default.txt").read_text("utf-8")
    result = parse(text)
    notes = [d for d in result.diagnostics if d.code == "stream_order"]
    assert len(notes) == 2 and all(d.confidence == 0.9 for d in notes)
    for path, prov in result.provenance.items():
        if path.startswith("applications."):
            assert result.text[prov.start : prov.end] == prov.raw


def test_labelled_table_is_not_reread() -> None:
    """A table whose every row was read under its exact label keeps its alignment even when it
    does not add up and another reading order would: its labels fix the order."""
    grid = _grid21()
    flat = [str(v) for row in grid for v in row]
    region = " ".join(flat)
    scrambled = _check(region, grid)  # unlabelled: re-read
    # the same numbers, read under their labels in a (wrong) order that does not add up
    wrong: list[Placed] = [(path, 1, cell) for path, _, cell in scrambled.placed]
    labelled_result = AlignResult(placed=tuple(wrong), extras=(), notes=(), unassigned=())
    spans = _number_spans(region)
    assert stream_order(Edition.E2021, "applications", region, spans, labelled_result) is None
    noted = AlignResult(placed=tuple(wrong), extras=(), notes=scrambled.notes, unassigned=())
    assert stream_order(Edition.E2021, "applications", region, spans, noted) is not None


def test_labelled_inconsistent_report_keeps_its_numbers() -> None:
    """A rendered report with one cell of table 三 off parses to exactly what it prints."""
    from govinfo_report import empty_report, flatten, render, unflatten

    cells = dict(flatten(empty_report("2021")))
    for i, path in enumerate(p for row in _paths() for p in row):
        cells[path] = (i * 7) % 5
    report = unflatten(cells, edition="2021")
    for layout in ("tab", "pipe", "pdf"):
        result = parse(render(report, layout))
        assert "stream_order" not in result.codes()
        assert result.report.applications == report.applications
