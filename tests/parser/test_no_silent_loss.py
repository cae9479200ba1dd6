"""No number inside a table region is lost: it is a cell's provenance or a diagnostic."""

from __future__ import annotations

import pytest

from govinfo_report._numbers import parse_number
from govinfo_report._parse import ParseResult, parse
from govinfo_report._segment import TABLES, segment, split_lines

from ._gold import iter_corpus, seeds


def _numbers_in_tables(result: ParseResult) -> list[tuple[int, int]]:
    lines = split_lines(result.text)
    segs = segment(lines, result.edition)
    out = []
    for key in TABLES:
        reg = segs.tables.get(key)
        if reg is None:
            continue
        for number, start, text in lines[reg.first : reg.last]:
            for sep in "\t|│┃":
                text = text.replace(sep, " ")
            pos = 0
            for word in text.split():
                at = text.index(word, pos)
                pos = at + len(word)
                tok = parse_number(word)
                if tok is not None and not tok.is_null:
                    out.append((number, start + at))
    return out


def _check(result: ParseResult) -> None:
    spans = [(p.start, p.end) for p in result.provenance.values()]
    flagged = {
        ln
        for d in result.diagnostics
        if d.code in ("unassigned_number", "page_footer")
        for ln in d.lines
    }
    for line, offset in _numbers_in_tables(result):
        covered = any(a <= offset < b for a, b in spans)
        assert covered or line in flagged, f"number at line {line} silently lost"


@pytest.mark.parametrize("txt", seeds(), ids=lambda p: p.stem[:3])
def test_seeds_lose_no_number(txt) -> None:  # type: ignore[no-untyped-def]
    """Every number in the seeds' table regions is accounted for."""
    _check(parse(txt.read_text("utf-8")))


def test_corpus_loses_no_number() -> None:
    """Every number in the corpus texts' table regions is accounted for."""
    n = 0
    for _, text, _ in iter_corpus():
        _check(parse(text))
        n += 1
    if n == 0:
        pytest.skip("development corpus ../shared/corpus not present")


def test_stray_number_is_reported() -> None:
    """A number with nowhere to go is named in an unassigned_number diagnostic."""
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n" + " ".join(["1"] * 16) + "\n"
    )
    result = parse(text)
    assert "unassigned_number" in result.codes()
    _check(result)
