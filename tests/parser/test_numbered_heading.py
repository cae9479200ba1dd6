"""A numbered section heading wins over an earlier unnumbered line holding its words."""

from __future__ import annotations

from govinfo_report._parse import parse


def test_prose_holding_heading_words_is_not_the_heading() -> None:
    """Problems text ``其他需要报告`` stays in 五; the numbered 六 heading starts section 六."""
    text = (
        "某某区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n"
        "五、存在的主要问题及改进情况\n其他需要报告\n六、其他需要报告的事项\n无。\n"
    )
    report = parse(text).report
    assert report.problems == "其他需要报告"
    assert report.other_matters == "无。"
