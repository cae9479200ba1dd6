"""The five seed reports parse to their gold files exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report._parse import parse

from ._gold import gold_of, seeds, wrong_cells


@pytest.mark.parametrize("txt", seeds(), ids=lambda p: p.stem[:3])
def test_seed_cells_match_gold(txt: Path) -> None:
    """Every one of the 200 cells equals the gold value (null where gold is null)."""
    result = parse(txt.read_text("utf-8"))
    assert wrong_cells(result, gold_of(txt)) == []


@pytest.mark.parametrize("txt", seeds(), ids=lambda p: p.stem[:3])
def test_seed_meta_matches_gold(txt: Path) -> None:
    """Organ, year and edition are read as the gold file states them."""
    meta = parse(txt.read_text("utf-8")).report.meta
    want = gold_of(txt)["meta"]
    assert (meta.organ, meta.year, meta.edition.value) == (
        want["organ"],
        want["year"],
        want["edition"],
    )


def test_seed_bytes_parse_like_text() -> None:
    """UTF-8 and GB18030 bytes give the same report as the decoded text."""
    txt = seeds()[1]
    text = txt.read_text("utf-8")
    assert parse(text.encode("utf-8")).report == parse(text).report
    assert parse(text.encode("gb18030")).report == parse(text).report


def test_short_row_keeps_positions() -> None:
    """Seed 002's first row prints six numbers for seven columns; 自然人 stays null, no shift."""
    txt = next(p for p in seeds() if p.name.startswith("002"))
    result = parse(txt.read_text("utf-8"))
    row = result.report.applications.new_received
    assert row.natural_person is None
    assert (row.commercial_enterprise, row.total) == (0, 6)
    assert any(d.code == "short_row" for d in result.diagnostics)


def test_garbled_labels_align_by_position() -> None:
    """Seed 000's unreadable labels are aligned by template order and reported as positional."""
    txt = next(p for p in seeds() if p.name.startswith("000"))
    result = parse(txt.read_text("utf-8"))
    assert result.report.active.licensing.decisions == 6353
    assert "positional_row" in result.codes()


def test_provenance_points_at_printed_tokens() -> None:
    """Each provenance's offsets slice the decoded text to its raw token on its line."""
    for txt in seeds():
        result = parse(txt.read_text("utf-8"))
        printed = sum(v is not None for v in gold_of(txt)["cells"].values())
        assert len(result.provenance) >= printed
        lines = result.text.splitlines()
        for prov in result.provenance.values():
            assert result.text[prov.start : prov.end] == prov.raw
            assert prov.raw.strip() in lines[prov.lines[0] - 1]


def test_prose_sections_filled() -> None:
    """Overview, problems and other matters hold the section prose."""
    result = parse(seeds()[1].read_text("utf-8"))
    assert result.report.overview and "政务服务局" in result.report.overview
    assert result.report.problems
    assert result.report.other_matters == "我局今年未产生政府信息公开收费情况。"
