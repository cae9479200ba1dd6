"""Numbers stated in prose: what is read, and what is deliberately not read."""

from __future__ import annotations

import pytest

from govinfo_report.validation import statements


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全年共受理依申请公开 120 件，办结 115 件，办结率 95.8%。",
            [("received", 120), ("handled", 115)],
        ),
        (
            "2022年度，宜宾市人民政府共受理政府信息公开申请\n424件，其中自然人申请345件。",
            [("received", 424)],
        ),
        (
            "2023年，共收到政府信息公开申请42件，均依法依规及时回复，答复率100%。",
            [("received", 42)],
        ),
        ("我局未收到公民、法人和其他组织提出的政府信息公开申请。", [("received", 0)]),
        ("上年结转申请5件，结转下年度继续办理2件。", [("carried_over", 5), ("carried_forward", 2)]),
        ("被申请行政复议3件，被提起行政诉讼2起。", [("review", 3), ("litigation", 2)]),
        ("共收到政府信息公开申请２,１３０件。", [("received", 2130)]),
    ],
)
def test_stated_totals_are_read(text: str, expected: list[tuple[str, int]]) -> None:
    """Plain statements of the totals are read with their numbers."""
    assert [(s.quantity, s.value) for s in statements(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年主动公开信息 3500 余条，同比增长 15%。",
        "共受理申请约120件。",
        "共发布各类信息11528 余条。",
        "未收到行政复议申请。",
        "办结率100%，平均办理时限缩短了20%。",
        "其中自然人申请345件，法人或其他组织申请79件。",
        "2023年共办结群众来信20件。",
        "收到申请120余件。",
    ],
)
def test_other_numbers_are_not_read(text: str) -> None:
    """Approximations, percentages, sub-counts and off-topic counts are never read as totals."""
    assert statements(text) == ()


def test_review_application_is_not_an_information_application() -> None:
    """收到行政复议申请 N 件 counts as a review, not as an information-disclosure application."""
    assert [(s.quantity, s.value) for s in statements("收到行政复议申请2件。")] == [("review", 2)]
