"""Number tokens and label normalisation/matching."""

from __future__ import annotations

from decimal import Decimal

from govinfo_report._labels import index_for, normalize
from govinfo_report._numbers import is_footer, parse_number
from govinfo_report._template import Edition


def test_number_forms() -> None:
    """Separators, full width, signs, decimals and printed blanks parse as documented."""
    assert parse_number("1,234") is not None and parse_number("1,234").value == 1234  # type: ignore[union-attr]
    assert parse_number("１２").value == 12  # type: ignore[union-attr]
    assert parse_number("-8").value == -8  # type: ignore[union-attr]
    assert parse_number("20.30").value == Decimal("20.30")  # type: ignore[union-attr]
    for blank in ("/", "-", "—", "无"):
        tok = parse_number(blank)
        assert tok is not None and tok.is_null and tok.value is None
    for text in ("", "1.属于", "12,34", "2023年", "1."):
        assert parse_number(text) is None


def test_footer_lines() -> None:
    """Page footers are recognised, bare numbers are not."""
    assert is_footer("- 4 -") and is_footer("第 3 页")
    assert not is_footer("12") and not is_footer("规章 1")


def test_normalize_variants() -> None:
    """Width, numbering, spaces, quotes, typos and traditional characters normalise away."""
    assert normalize("（七）总记") == normalize("(七) 总计") == "总计"
    assert normalize('3.危及"三安全一稳定"') == normalize("3、危及“三安全一稳定”")
    assert normalize("總計") == "总计"
    assert (
        normalize("5.要求行政机关确认或重新出具已\n获取信息")
        == "要求行政机关确认或重新出具已获取信息"
    )


def test_match_exact_then_fuzzy() -> None:
    """An exact label hits the index; a wrapped or misspelt one matches approximately."""
    idx = index_for(Edition.E2021, "applications")
    exact = idx.match("2.其他法律行政法规禁止公开")
    assert exact is not None and exact.exact
    assert exact.target.key == "applications.withheld.prohibited_by_law"
    typo = idx.match("2.其他法律行政止公开")
    assert typo is not None and typo.target.key == "applications.withheld.prohibited_by_law"
    wrapped = idx.match("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信")
    assert wrapped is not None and not wrapped.exact
    assert wrapped.target.key == "applications.other_handling.overdue_correction"
    assert idx.match("完全无关的文字") is None
