"""Layouts of extraction tools outside the development corpus, as small synthetic excerpts."""

from __future__ import annotations

from govinfo_report import flatten
from govinfo_report._parse import parse
from govinfo_report.tokenizers._fixed import box
from govinfo_report.tokenizers._pipe import adoc, wiki
from tests.helpers import TABLE3_COLUMNS

_HEAD = "红旗区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n"


def _cells(text: str, prefix: str) -> dict[str, object]:
    flat = flatten(parse(text).report)
    return {k: v for k, v in flat.items() if k.startswith(prefix)}


def test_rst_grid_table_is_read_as_box() -> None:
    """An ASCII grid (``+---+`` borders, reStructuredText) joins wrapped cell text per row."""
    text = (
        "+------+-----+-----+\n"
        "| 信息 | 本年 | 本年 |\n"
        "| 内容 | 制发 | 废止 |\n"
        "+======+=====+=====+\n"
        "| 规章 | 3   | -   |\n"
        "+------+-----+-----+\n"
    )
    assert box.sniff(text) > 0.9
    rows = [[c.text for c in r.cells] for r in box.tokenize(text)]
    assert rows == [["信息内容", "本年制发", "本年废止"], ["规章", "3", "-"]]


def test_title_not_joined_with_markup_line() -> None:
    """A markup line before the title (``::: div``, ``.. container::``) is not part of it."""
    for first in ("::: article-content", ".. container:: article-content"):
        meta = parse(first + "\n红旗区人民政府2022年政府信息公开工作年度报告\n").report.meta
        assert (meta.organ, meta.year) == ("红旗区人民政府", 2022)


def test_mediawiki_table_cells_keep_grid_index() -> None:
    """MediaWiki rows (``|-`` rules, one ``| cell`` per line, ``||`` inline) keep blank cells."""
    text = '{|\n| 规章\n|\n| 0\n| 366\n|-\n| 行政许可 || 427 || colspan="2" | 5\n|}\n'
    assert wiki.sniff(text) > 0.9
    rows = [[(c.text, c.col) for c in r.cells] for r in wiki.tokenize(text)]
    assert rows == [
        [("规章", 0.0), ("", 1.0), ("0", 2.0), ("366", 3.0)],
        [("行政许可", 0.0), ("427", 1.0), ("5", 2.0)],
    ]


def test_asciidoc_row_wrapped_over_lines() -> None:
    """An AsciiDoc row continued on the next line (``|859``) stays one row."""
    text = (
        '[cols=",,,",]\n|===\n|规章 | |0 |412\n\n|规范性文件 |1 |0\n|319\n\n'
        "|a |1 |2 |3\n|b |4 |5 |6\n|===\n"
    )
    assert adoc.sniff(text) > 0.9
    rows = [[c.text for c in r.cells] for r in adoc.tokenize(text)]
    assert rows == [
        ["规章", "", "0", "412"],
        ["规范性文件", "1", "0", "319"],
        ["a", "1", "2", "3"],
        ["b", "4", "5", "6"],
    ]


def test_flat_appeals_blank_placed_by_each_group_total() -> None:
    """Table 四 as one flat row of 14 numbers: every group's total must hold, not only the first."""
    text = (
        _HEAD + "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
        "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
        "1 2 0 0 3 4 1 0 0 5 2 0 0 2\n五、存在的主要问题及改进情况\n无。\n"
    )
    cells = flatten(parse(text).report)
    assert [cells[f"litigation_direct.{c}"] for c in ("upheld", "corrected", "total")] == [4, 1, 5]
    outcomes = ("upheld", "corrected", "other", "pending")
    after = [cells[f"litigation_after_review.{c}"] for c in outcomes]
    assert cells["litigation_after_review.total"] == 2
    # where in its group the blank was is lost; that it is in this group is not
    assert after.count(None) == 1
    assert sorted(v for v in after if v is not None) == [0, 0, 2]


def test_html2text_empty_first_cell_is_the_blank() -> None:
    """A printed row of exactly as many cells as columns puts the blank at its empty cell."""
    text = (
        _HEAD + "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议| 行政诉讼  \n---|---  \n"
        "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  \n"
        "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| "
        "结果维持| 结果纠正| 其他结果| 尚未审结| 总计  \n"
        "| 0| 0| 0| 0| 2| 0| 0| 0| 2| 0| 9| 0| 1| 10  \n\n五、存在的主要问题及改进情况\n无。\n"
    )
    cells = flatten(parse(text).report)
    assert cells["review.upheld"] is None
    assert cells["review.total"] == 0
    assert cells["litigation_after_review.total"] == 10


def test_merged_label_padding_cells_before_numbers() -> None:
    """Empty cells padding a merged label (markdownify) are not blanks; the later empty one is."""
    rows = [
        "| 一、本年新收政府信息公开申请数量 | | | 1 | 2 | 3 | 4 | 5 | 6 | 21 |",
        "| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 三、本年度办理结果 | （一）予以公开 | | 0 | 349 | 0 | 0 | 0 |  | 349 |",
        "| （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    ]
    text = (
        _HEAD + "三、收到和处理政府信息公开申请情况\n\n| | | | | | | | | | |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| 申请人情况 | | | | | | | | | |\n" + "\n".join(rows) + "\n"
    )
    cells = _cells(text, "applications.granted.")
    got = [cells[f"applications.granted.{c}"] for c in TABLE3_COLUMNS]
    assert got == [0, 349, 0, 0, 0, None, 349]


def test_title_year_on_its_own_line() -> None:
    """A title whose year was printed on a line of its own (another font in a PDF) gets it back."""
    text = (
        "四川省人民政府        年政府信息公开工作年度报告\n               2022\n"
        "一、总体情况\n概述。\n"
    )
    meta = parse(text).report.meta
    assert (meta.organ, meta.year) == ("四川省人民政府", 2022)


def test_flat_blank_located_by_column_identities() -> None:
    """A flat row's blank that fits its row total anywhere is placed by table 三's column sums."""
    zero = " 0 0 0 0 0 0 0"
    rows = [
        "一、本年新收政府信息公开申请数量 5 0 7 3 0 2 17",
        "二、上年结转政府信息公开申请数量" + zero,
        "三、本年度办理结果",
        "（一）予以公开 5 0 7 3 2 17",  # blank: legal_service_org
        "（二）部分公开" + zero,
        "（三）不予公开",
        *[f"{i}.x{i}{zero}" for i in range(1, 9)],
        "（四）无法提供",
        *[f"{i}.y{zero}" for i in range(1, 4)],
        "（五）不予处理",
        *[f"{i}.z{zero}" for i in range(1, 6)],
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正" + zero,
        "2.申请人逾期未按收费通知要求缴纳费用" + zero,
        "3.其他" + zero,
        "（七）总计 5 0 7 3 0 2 17",
        "四、结转下年度继续办理" + zero,
    ]
    text = _HEAD + "三、收到和处理政府信息公开申请情况\n申请人情况\n" + "\n".join(rows) + "\n"
    cells = _cells(text, "applications.granted.")
    got = [cells[f"applications.granted.{c}"] for c in TABLE3_COLUMNS]
    assert got == [5, 0, 7, 3, None, 2, 17]
