"""Hostile sizes: huge lines, many lines and rows, deep HTML, walls of digits and separators.

Each test only proves the parse finishes (a hang fails through pytest-timeout) and gives the
documented result: a report with diagnostics, never an exception.
"""

from __future__ import annotations

import pytest

from govinfo_report import AnnualReport, flatten, parse, validate
from govinfo_report._parse import MAX_INPUT_CHARS, ParseResult

pytestmark = pytest.mark.timeout(30)

HEAD = "二、主动公开政府信息情况\n第二十条\n"
"""A table 二 heading and its content anchor, so the hostile text is read as a table region."""
ALL_HEADS = (
    HEAD
    + "三、收到和处理政府信息公开申请情况\n申请人情况\n"
    + "四、政府信息公开行政复议、行政诉讼情况\n结果维持\n"
)


def _check(result: ParseResult) -> ParseResult:
    assert isinstance(result.report, AnnualReport)
    for path, value in flatten(result.report).items():
        if value is not None:
            assert path in result.provenance
    assert all(isinstance(d.code, str) for d in result.diagnostics)
    assert isinstance(validate(result.report), (list, tuple))
    return result


def test_one_megabyte_line_of_ideographs_is_an_empty_report() -> None:
    """A single 1 MB line without headings gives an empty report with missing_table."""
    result = _check(parse("规" * 1_000_000))
    assert "missing_table" in result.codes()
    assert not any(v is not None for v in flatten(result.report).values())


def test_one_megabyte_line_of_numbers_in_a_table_finishes() -> None:
    """500,000 numbers on one line of a table region are read or named unassigned."""
    result = _check(parse(HEAD + "1 " * 450_000))
    assert "unassigned_number" in result.codes()


def test_hundred_thousand_prose_lines() -> None:
    """100,000 short prose lines give a report with the missing sections named."""
    result = _check(parse("一、总体情况\n" + "本机关认真做好政府信息公开工作。\n" * 100_000))
    assert result.report.overview is not None
    assert "missing_table" in result.codes()


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("flat", "规章 1 2 3\n"),
        ("tab", "规章\t1\t\t3\n"),
        ("pipe", "规章 |\n1 |\n||\n"),
        ("box", "│规章│1│2│\n├──┼─┤\n"),
        ("fixed", "规章      1           3\n"),
        ("paragraphs", "规章\n\n1\n\n\n\n2\n\n"),
    ],
)
def test_ten_thousand_table_rows(name: str, row: str) -> None:
    """10,000 table-like rows in one region are read row by row or kept as extra rows."""
    result = _check(parse(ALL_HEADS + row * 10_000))
    assert "appeals" in result.layouts
    assert result.report.extra_rows or "unassigned_number" in result.codes()


def test_deeply_nested_html() -> None:
    """30,000 nested unclosed table cells finish and read at most one number."""
    text = ALL_HEADS + "<table>" + "<tr><td>" * 30_000 + "7" + "</td></tr>" * 30_000 + "</table>"
    result = _check(parse(text))
    assert sum(v is not None for v in flatten(result.report).values()) <= 1


@pytest.mark.parametrize(
    "body",
    ["1234567890" * 90_000, "\t" * 900_000, "|" * 900_000, "-" * 900_000, "<" * 900_000],
    ids=["digits", "tabs", "pipes", "dashes", "angles"],
)
def test_walls_of_one_character(body: str) -> None:
    """Megabytes of digits, tabs, pipes, dashes or angle brackets give no value by invention."""
    result = _check(parse(ALL_HEADS + body))
    assert not any(v is not None for v in flatten(result.report).values())


def test_text_longer_than_the_limit_is_cut_at_a_line_break() -> None:
    """Text over MAX_INPUT_CHARS is cut at its last line break before the limit, with a note."""
    text = "一、总体情况\n" + ("公开" * 40 + "\n") * (MAX_INPUT_CHARS // 80)
    result = _check(parse(text))
    assert result.codes()[0] == "input_truncated"
    assert len(result.text) <= MAX_INPUT_CHARS
    assert text.startswith(result.text) and result.text.endswith("\n")


def test_huge_bytes_in_utf16_are_decoded_and_cut() -> None:
    """Several megabytes of UTF-16 bytes decode and are cut like text."""
    result = _check(parse(("规章 1\n" * 400_000).encode("utf-16")))
    assert "input_truncated" in result.codes()


def test_text_at_the_limit_is_not_cut() -> None:
    """Text of exactly MAX_INPUT_CHARS characters is read whole."""
    text = "一、总体情况\n" + "公" * (MAX_INPUT_CHARS - 7)
    result = parse(text)
    assert "input_truncated" not in result.codes()
    assert result.text == text
