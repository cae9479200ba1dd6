"""Structures the template lacks or breaks: extra rows, merged groups, 2019 edition, footers."""

from __future__ import annotations

from decimal import Decimal

from govinfo_report import ExtraRowKind
from govinfo_report._parse import parse

_HEAD = "红旗区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n概述。\n"
_ACTIVE = (
    "二、主动公开政府信息情况\n第二十条第（一）项\n"
    "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
    "规章 1 0 5\n行政规范性文件 2 1 9\n其他主动公开文件 3 0 4\n第二十条第（五）项\n行政许可 10\n"
    "第二十条第（六）项\n行政处罚 1,234\n行政强制 /\n第二十条第（八）项\n行政事业性收费 ２.５\n"
)


def _apps(six_merged: bool) -> str:
    rows = [
        "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "三、本年度办理结果",
        "（一）予以公开 1 0 0 0 0 0 1",
        "（二）部分公开 0 0 0 0 0 0 0",
        "（三）不予公开 0 0 0 0 0 0 0",
    ]
    rows += [f"{i}.x{i} 0 0 0 0 0 0 0" for i in range(1, 9)]
    rows += ["（四）无法提供"] + [f"{i}.y 0 0 0 0 0 0 0" for i in range(1, 4)]
    rows += ["（五）不予处理"] + [f"{i}.z 0 0 0 0 0 0 0" for i in range(1, 6)]
    if six_merged:
        rows += ["（六）其他处理 0 0 0 0 0 0 0"]
    else:
        rows += ["（六）其他处理", "1.申请人无正当理由逾期不补正 0 0 0 0 0 0 0"]
        rows += ["2.申请人逾期未按收费通知要求缴纳费用 0 0 0 0 0 0 0", "3.其他 0 0 0 0 0 0 0"]
    rows += ["- 4 -", "（七）总计 1 0 0 0 0 0 1", "四、结转下年度继续办理 0 0 0 0 0 0 0"]
    return "三、收到和处理政府信息公开申请情况\n申请人情况\n" + "\n".join(rows) + "\n"


_APPEALS = (
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n" + " ".join(["0"] * 15) + "\n"
)
_TAIL = "五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n"


def test_extra_rows_kept() -> None:
    """A subtotal row and an added row are kept in extra_rows, not dropped or misassigned."""
    result = parse(_HEAD + _ACTIVE + _apps(False) + _APPEALS + _TAIL)
    kinds = {(e.kind, e.group) for e in result.report.extra_rows}
    assert (ExtraRowKind.SUBTOTAL, "applications.withheld") in kinds
    assert (ExtraRowKind.ADDED, "active.other_documents") in kinds
    assert result.report.active.licensing.decisions == 10
    assert result.report.applications.total_handled.total == 1


def test_numbers_rules() -> None:
    """Thousands separators, full-width digits, decimals and printed blanks."""
    result = parse(_HEAD + _ACTIVE + _apps(False) + _APPEALS + _TAIL)
    active = result.report.active
    assert active.penalty.decisions == 1234
    assert active.coercion.decisions is None
    assert active.fees.amount_10k_yuan == Decimal("2.5")  # type: ignore[union-attr]
    assert "null_marker" in result.codes()


def test_merged_other_handling() -> None:
    """A 2021 （六）其他处理 printed as one row is a merged extra row; its sub-rows stay null."""
    result = parse(_HEAD + _ACTIVE + _apps(True) + _APPEALS + _TAIL)
    merged = [e for e in result.report.extra_rows if e.kind is ExtraRowKind.MERGED]
    assert merged and merged[0].group == "applications.other_handling"
    assert result.report.applications.other_handling.other.total is None  # type: ignore[union-attr]
    assert result.report.applications.total_handled.total == 1


def test_page_footer_skipped() -> None:
    """A ``- 4 -`` footer inside a table is skipped and reported."""
    result = parse(_HEAD + _ACTIVE + _apps(False) + _APPEALS + _TAIL)
    assert "page_footer" in result.codes()
    assert result.report.applications.carried_forward.total == 0


def test_2019_edition_by_signature() -> None:
    """本年新制作数量 marks the 2019 edition; a negative 本年增/减 is kept."""
    text = (
        "某县人民政府2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 1 1 5\n规范性文件 2 2 9\n"
        "第二十条第（五）项\n行政许可 5 -2 30\n"
    )
    result = parse(text)
    assert (result.edition.value, result.edition_source) == ("2019", "signature")
    assert result.report.active.licensing.change == -2  # type: ignore[union-attr]


def test_edition_from_year_and_default() -> None:
    """Without signatures the year decides; without a year the 2021 edition is assumed."""
    assert parse("某局2020年政府信息公开工作年度报告\n").edition_source == "year"
    res = parse("nothing")
    assert (res.edition.value, res.edition_source) == ("2021", "default")
    assert "edition_default" in res.codes()
