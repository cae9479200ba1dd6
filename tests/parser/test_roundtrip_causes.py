"""Parser causes that broke ``parse(render(r))``: header positions, titles, pipe blanks, HTML."""

from __future__ import annotations

import pytest

from govinfo_report._parse import parse
from govinfo_report.tokenizers._html import html_text
from govinfo_report.tokenizers._pipe import PipeTokenizer

_HEAD = "红旗区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n"
_TAIL = "五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n"


def _active_2021(rows: list[list[str]], sep: str) -> str:
    lines = ["二、主动公开政府信息情况", "第二十条第（一）项"]
    lines.append(sep.join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]))
    lines += [sep.join(r) for r in rows]
    lines += ["第二十条第（五）项", sep.join(["信息内容", "本年处理决定数量"])]
    lines.append(sep.join(["行政许可", "3"]))
    return "\n".join(lines) + "\n"


def _active_cells(report: object) -> tuple[object, ...]:
    active = report.active  # type: ignore[attr-defined]
    reg, norm = active.regulations, active.normative_documents
    return (reg.issued, reg.repealed, reg.in_force, norm.issued, norm.repealed, norm.in_force)


def test_tab_blanks_placed_by_header_when_no_full_row() -> None:
    """Tab rows all short in a block: numbers go under the header columns, not shifted left."""
    rows = [["规章", "", "5", "6"], ["行政规范性文件", "7", "", "9"]]
    result = parse(_HEAD + _active_2021(rows, "\t") + _TAIL)
    assert _active_cells(result.report) == (None, 5, 6, 7, None, 9)
    assert "ambiguous_alignment" not in result.codes()


def test_one_row_2019_block_placed_by_header() -> None:
    """The one-row 2019 行政事业性收费 block: a blank first column keeps the change in place."""
    text = (
        "交通运输局2019年政府信息公开工作年度报告\n一、总体情况\n概述。\n"
        "二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t2\t3\n"
        "第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t\t-3\n" + _TAIL
    )
    fees = parse(text).report.active.fees  # type: ignore[union-attr]
    assert (fees.prior_year_items, fees.change) == (None, -3)


def test_pipe_rows_positions_relative_to_label() -> None:
    """Pipe cells are indexed within a merged row: positions are read relative to the label."""
    cells = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "", "5", "6"]
    cells += ["行政规范性文件", "7", "", "9"]
    body = "\n".join(" |" if not c else f"{c} |" for c in cells)
    text = _HEAD + "二、主动公开政府信息情况\n第二十条第（一）项 |\n|||\n" + body + "\n" + _TAIL
    assert _active_cells(parse(text).report) == (None, 5, 6, 7, None, 9)


def test_fixed_layout_mostly_blank_table_keeps_positions() -> None:
    """A fixed-width table with few, gapped number lines is read by position, under the headers."""
    head = "信息内容           本年制发件数    本年废止件数    现行有效件数"
    reg = "规章" + " " * 26 + "5" + " " * 9 + "6"  # under 本年废止件数 and 现行有效件数
    norm = "行政规范性文件" + " " * 11 + "7" + " " * 19 + "9"
    text = _HEAD + "二、主动公开政府信息情况\n第二十条第（一）项\n" + "\n".join([head, reg, norm])
    result = parse(text + "\n" + _TAIL)
    assert result.layouts["active"] == "fixed"
    assert _active_cells(result.report) == (None, 5, 6, 7, None, 9)


def test_appeals_short_row_placed_by_header() -> None:
    """Table 四 printed as one row with a blank: the leaves' header gives each number's column."""
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    nums = [str(i) for i in range(1, 16)]
    nums[2] = ""
    text = (
        _HEAD
        + "四、政府信息公开行政复议、行政诉讼情况\n"
        + "行政复议\t\t\t\t\t行政诉讼\n"
        + "\t".join(leaves)
        + "\n"
        + "\t".join(nums)
        + "\n"
        + _TAIL
    )
    report = parse(text).report
    assert report.review.other is None  # type: ignore[attr-defined]
    assert report.review.pending == 4  # type: ignore[attr-defined]
    assert report.litigation_after_review.total == 15  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("title", "organ", "year"),
    [
        ("交通运输局政府信息公开工作年度报告", "交通运输局", None),
        ("东山区交通运输局2023年度政府信息公开工作年度报告", "东山区交通运输局", 2023),
        ("关于东山区交通运输局2022年政府信息公开工作情况的报告", "东山区交通运输局", 2022),
        ("东山区交通运输局关于2022年度政府信息公开工作的报告", "东山区交通运输局", 2022),
        ("东山区人民政府办公室2022年政府信息公开年报", "东山区人民政府办公室", 2022),
        ("2023年政府信息公开工作年度报告", None, 2023),
        ("政府信息公开工作年度报告", None, None),
    ],
)
def test_title_organ_and_year(title: str, organ: str | None, year: int | None) -> None:
    """Organ and year come from the title's structure, with or without a year."""
    meta = parse(title + "\n一、总体情况\n概述。\n").report.meta
    assert (meta.organ, meta.year) == (organ, year)


def test_pipe_space_bar_is_an_empty_cell() -> None:
    """`` |`` is an empty cell keeping its index; ``|``, ``||`` lines end a row."""
    rows = PipeTokenizer().tokenize("规章 |\n |\n5 |\n|\n其他 |\n ||\n6 |\n")
    assert [[(c.text, c.col) for c in r.cells] for r in rows] == [
        [("规章", 0.0), ("", 1.0), ("5", 2.0)],
        [("其他", 0.0)],
        [("6", 0.0)],
    ]


_HTML = (
    "<!DOCTYPE html>\n<html>\n<head>\n<title>交通运输局政府信息公开工作年度报告</title>\n"
    "<style>p {{ color: red }}</style>\n</head>\n<body>\n"
    "<p>交通运输局政府信息公开工作年度报告</p>\n<p><strong>一、总体情况</strong></p>\n"
    "{overview}\n<p><strong>五、存在的主要问题及改进情况</strong></p>\n<p>问题。</p>\n"
    "<p><strong>六、其他需要报告的事项</strong></p>\n{other}</body>\n</html>\n"
)


def test_html_prose_without_markup() -> None:
    """HTML prose loses its tags, entities and script; a section with no text is None."""
    overview = "<p>总体&amp;良好。</p><script>var x = '<p>no</p>';</script>\n<p>第二段。</p>"
    report = parse(_HTML.format(overview=overview, other="")).report
    assert report.overview == "总体&良好。\n第二段。"
    assert report.problems == "问题。"
    assert report.other_matters is None
    assert report.meta.organ == "交通运输局"


@pytest.mark.timeout(30)
def test_html_text_is_linear_on_hostile_input() -> None:
    """The prose stripper reuses the tokenizer's lexer: unclosed tags take linear time (quadratic
    time on these sizes would hang until pytest-timeout fails the test)."""
    for hostile in ("<a" * 100_000, "<p x='" * 50_000, "</" * 100_000, "<head>" + "x" * 200_000):
        assert isinstance(html_text(hostile), str)


def test_anchor_word_in_overview_is_not_the_table() -> None:
    """A table anchor word (本年制发) in section 一 does not start table 二 before its heading."""
    rows = [["规章", "1", "2", "3"], ["行政规范性文件", "4", "5", "6"]]
    head = "交通运输局2022年政府信息公开工作年度报告\n一、总体情况\n本年制发\n"
    report = parse(head + _active_2021(rows, "\t") + _TAIL).report
    assert report.overview == "本年制发"
    assert _active_cells(report) == (1, 2, 3, 4, 5, 6)
