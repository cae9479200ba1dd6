"""Plain and notebook representations of reports, parse results and discrepancy lists."""

from __future__ import annotations

from html.parser import HTMLParser

import govinfo_report as gr
from tests.helpers import SEEDS


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _seed(name: str) -> gr.ParseResult:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return gr.parse(path.read_text(encoding="utf-8"))


def test_plain_reprs_are_one_short_line() -> None:
    """repr() of a report and of a parse result is one line, not 200 cells."""
    result = _seed("002")
    for obj in (result, result.report):
        text = repr(obj)
        assert "\n" not in text
        assert len(text) < 300
    assert "cells=196/200" in repr(result.report)
    assert "layout=tab" in repr(result)


def test_notebook_html_draws_tables_and_highlights() -> None:
    """_repr_html_ of a parse result draws the tables with the blank cells flagged."""
    result = _seed("002")
    page = result._repr_html_()
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("table") >= 3
    assert 'data-path="applications.new_received.natural_person"' in page
    assert "blank_cell" in page
    assert "<table" in result.report._repr_html_()


def test_validate_returns_a_tuple_that_draws_itself() -> None:
    """validate() returns a tuple subclass equal to a plain tuple, with an HTML table repr."""
    found = gr.validate_parsed(_seed("002"))
    assert isinstance(found, tuple)
    assert isinstance(found, gr.Discrepancies)
    assert found == tuple(found)
    assert "blank_cell" in found._repr_html_()
    assert gr.validate(gr.empty_report("2021")) != ()
