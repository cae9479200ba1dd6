"""Notebook HTML of reports: well-formed, shaped like the official form, highlighted, escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import attrs
import pytest

from govinfo_report import AnnualReport, Edition, Meta, empty_report, flatten, template, unflatten
from govinfo_report._batch import parse_source
from govinfo_report._html import discrepancies_html, parse_result_html, report_html
from govinfo_report.validation import validate
from tests.helpers import gold_cells, load_gold, seed_paths

VOID = {"br", "meta", "img", "hr", "input", "link", "col"}


class _Tree(HTMLParser):
    """Checks nesting and collects value cells and tables' row shapes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.cells: dict[str, dict[str, str]] = {}
        self.tables: list[list[list[tuple[int, int]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs_}
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            span = (int(a.get("rowspan", "1")), int(a.get("colspan", "1")))
            self.tables[-1][-1].append(span)
            if "data-path" in a:
                if a["data-path"] in self.cells:
                    self.errors.append(f"duplicate cell {a['data-path']}")
                self.cells[a["data-path"]] = a

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.errors == []
    assert tree.stack == []
    return tree


def _grid_widths(rows: list[list[tuple[int, int]]]) -> list[int]:
    """The number of grid columns each <tr> covers, counting cells merged down from above."""
    carry: dict[int, int] = {}  # column -> rows still covered by a rowspan
    widths = []
    for row in rows:
        col, covered = 0, dict(carry)
        carry = {c: n - 1 for c, n in covered.items() if n > 1}
        for rowspan, colspan in row:
            while col in covered:
                col += 1
            for c in range(col, col + colspan):
                if rowspan > 1:
                    carry[c] = rowspan - 1
            col += colspan
        while col in covered:
            col += 1
        widths.append(max([col, *(c + 1 for c in covered)]))
    return widths


def _gold_report(index: int = 0) -> AnnualReport:
    txt = seed_paths()[index]
    gold = load_gold(txt.with_name(txt.name.replace(".txt", ".gold.json")))
    meta = Meta(**gold["meta"])
    return unflatten(gold_cells(gold), edition=meta.edition, meta=meta)


@attrs.frozen(kw_only=True)
class _Finding:
    """Stands in for a validator Discrepancy in tests that need arbitrary field values."""

    code: str
    severity: str
    paths: tuple[str, ...]
    message_zh: str = ""
    message_en: str = ""
    expected: object = None
    actual: object = None
    lines: tuple[int, ...] = ()


@pytest.mark.parametrize("edition", list(Edition))
def test_every_canonical_cell_once_in_well_formed_html(edition: Edition) -> None:
    """The fragment nests correctly and has exactly one value cell per canonical path."""
    tree = _parse(report_html(empty_report(edition)))
    assert set(tree.cells) == set(template(edition).paths)


@pytest.mark.parametrize("edition", list(Edition))
def test_tables_are_rectangular_after_merging(edition: Edition) -> None:
    """With rowspans and colspans resolved, every row of each table covers the same columns."""
    tree = _parse(report_html(empty_report(edition)))
    assert len(tree.tables) == 3
    for rows in tree.tables:
        widths = _grid_widths(rows)
        assert len(set(widths)) == 1, widths


def test_official_merged_labels_of_table_3() -> None:
    """（三）不予公开 spans its 8 sub-rows, 法人或其他组织 its 5 columns, the 勾稽 note 3 rows."""
    html = report_html(empty_report("2021"))
    assert 'rowspan="8">（三）不予公开</th>' in html
    assert 'rowspan="3">（六）其他处理</th>' in html
    assert '<th colspan="5">法人或其他组织</th>' in html
    assert 'rowspan="3" colspan="3">（本列数据的勾稽关系为' in html
    html_2019 = report_html(empty_report("2019"))
    assert 'colspan="2">（六）其他处理</th>' in html_2019


def test_values_and_blanks_are_shown() -> None:
    """Printed numbers appear in their cells; blanks are empty cells marked gr-blank."""
    report = _gold_report()
    tree = _parse(report_html(report))
    cell = tree.cells["active.licensing.decisions"]
    assert "gr-blank" not in cell["class"]
    assert "本年处理决定数量" in cell["title"]
    blank = _parse(report_html(empty_report("2021"))).cells["review.total"]
    assert "gr-blank" in blank["class"]
    assert f">{report.active.licensing.decisions}</td>" in report_html(report)


def test_discrepancy_highlights_cell_with_rule_in_tooltip() -> None:
    """A cell named by a discrepancy gets its severity class and the rule, values and line."""
    found = _Finding(
        code="application_row_sum",
        severity="error",
        paths=("applications.new_received.total",),
        message_zh="申请人各栏之和与总计不符",
        expected=17,
        actual=18,
        lines=(3,),
    )
    html = report_html(_gold_report(), [found], source_text="a\nb\n一、本年新收\t10\t18\n")
    cell = _parse(html).cells["applications.new_received.total"]
    assert "gr-error" in cell["class"]
    assert "application_row_sum" in cell["title"]
    assert "应为 expected 17, 实为 actual 18" in cell["title"]
    assert "第 3 行 line 3: 一、本年新收 10 18" in cell["title"]
    other = _parse(html).cells["applications.new_received.natural_person"]
    assert "gr-error" not in other["class"]


def test_row_path_discrepancy_marks_the_whole_row() -> None:
    """A discrepancy naming a row path highlights each cell of that row and no other."""
    found = _Finding(code="x", severity="warning", paths=("applications.carried_over",))
    cells = _parse(report_html(empty_report("2021"), [found])).cells
    marked = {p for p, a in cells.items() if "gr-warning" in a["class"]}
    assert marked == {c.path for c in template("2021").row("applications.carried_over").cells}


def test_real_validator_findings_are_highlighted() -> None:
    """validate() on a report with a broken total yields a highlighted cell for that total."""
    report = _gold_report()
    broken = unflatten(
        {**flatten(report), "applications.new_received.total": 999},
        edition=report.edition,
        meta=report.meta,
    )
    found = validate(broken)
    assert found
    cells = _parse(report_html(broken, found)).cells
    assert "gr-error" in cells["applications.new_received.total"]["class"]


def test_all_text_is_escaped() -> None:
    """Organ names, messages and codes with markup are escaped, never injected."""
    meta = Meta(edition="2021", organ='<script>alert("x")</script>', year=2023, title="a&b")
    report = empty_report("2021", meta=meta)
    found = _Finding(
        code="<b>code</b>", severity="error", paths=("review.total",), message_zh="<i>x</i>"
    )
    html = report_html(report, [found], source_text='<img src="y">')
    assert "<script>" not in html
    assert "<b>code</b>" not in html and "<i>x</i>" not in html
    assert "&lt;script&gt;" in html and "a&amp;b" in html
    _parse(html)
    assert "<b>" not in discrepancies_html([found])


def test_discrepancies_table_lists_each_finding_with_labels() -> None:
    """discrepancies_html() has a row per finding with the code and the cells' Chinese labels."""
    found = [
        _Finding(code="appeal_group_sum", severity="error", paths=("review.total",)),
        _Finding(code="blank_cell", severity="info", paths=("active.fees.amount_10k_yuan",)),
    ]
    html = discrepancies_html(found, edition="2021")
    _parse(html)
    assert html.count("<tr>") == 3
    assert "行政复议 › 总计" in html and "blank_cell" in html
    assert "no discrepancies" in discrepancies_html([])


def test_parse_result_view_shows_layout_and_provenance() -> None:
    """parse_result_html() of a parsed seed names the layout and puts source lines in tooltips."""
    result = parse_source(seed_paths()[0])
    html = parse_result_html(result)
    tree = _parse(html)
    assert set(tree.cells) == set(template(result.report.edition).paths)
    assert f"<code>{result.layout}</code>" in html
    path, prov = next(iter(result.provenance.items()))
    assert f"第 {prov.lines[0]} 行" in tree.cells[path]["title"]
