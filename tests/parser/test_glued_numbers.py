"""Digit strings glued by an extraction (pypdf layout mode drops the spaces between numbers)
are split apart only when exactly one split satisfies the row total."""

from __future__ import annotations

from govinfo_report import flatten
from govinfo_report._align import _split_glued
from govinfo_report._parse import parse
from tests.helpers import TABLE3_COLUMNS

_HEAD = "红旗区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n"
_COLS = ("a", "b", "c", "d", "e", "f", "total")
_T3 = "三、收到和处理政府信息公开申请情况\n申请人情况\n"


def _split(texts: list[str | None], values: list[int | None]) -> list[list[str]] | None:
    return _split_glued(texts, values, _COLS, [20000])


def test_unique_split_is_found() -> None:
    """Two glued tokens around a clean one split into the seven columns the total allows."""
    got = _split(["1079224413252375", None, "121211554"], [0, 3319, 0])
    assert got == [["1079", "2244", "1325", "2375"], [], ["1212", "11554"]]


def test_ambiguous_split_is_refused() -> None:
    """``1111`` + ``22`` has several splits summing right, so nothing is split."""
    assert _split(["1111", "11", "4"], [1111, 11, 4]) is None


def test_no_split_without_total() -> None:
    """A row with no total column gives no evidence, so nothing is split."""
    assert _split_glued(["1234"], [1234], ("a", "b", "c"), [20000]) is None


def test_leading_zero_pieces_are_not_numbers() -> None:
    """A piece such as ``05`` is never produced: ``105`` + ``5`` cannot become 10, 5, ..."""
    assert _split(["105", "0", "0", "0", "0"], [105, 0, 0, 0, 0]) is None


def test_budget_bounds_the_search() -> None:
    """A hostile 60-digit token gives up within the node budget instead of searching on."""
    budget = [500]
    assert _split_glued(["9" * 60], [0], _COLS, budget) is None
    assert budget[0] < 0


def test_glued_row_in_report_is_split_with_diagnostic() -> None:
    """In a parsed table 三 the glued row is exact and reported as ``glued_numbers``."""
    text = (
        _HEAD
        + _T3
        + "一、本年新收政府信息公开申请数量   1079224413252375  3319 121211554\n"
        + "二、上年结转政府信息公开申请数量   0   0   257 0     0    0   257\n"
    )
    result = parse(text)
    flat = flatten(result.report)
    row = [flat[f"applications.new_received.{c}"] for c in TABLE3_COLUMNS]
    assert row == [1079, 2244, 1325, 2375, 3319, 1212, 11554]
    assert "glued_numbers" in result.codes()


def test_row_with_a_fitting_blank_is_not_split() -> None:
    """Six numbers whose sum already fits the total are a blank cell, not glued digits."""
    text = _HEAD + _T3 + "一、本年新收政府信息公开申请数量   12   3   0   0   0   15\n"
    result = parse(text)
    assert "glued_numbers" not in result.codes()
    assert flatten(result.report)["applications.new_received.total"] == 15
