"""Number tokens, label normalisation/matching and meta lines."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._labels import index_for, normalize
from govinfo_report._numbers import is_footer, parse_number
from govinfo_report._template import Edition, template


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


_META_PIECES = (
    "2023年",
    "某某县人民政府办公室",
    "政府信息公开工作",
    "本期统计期限自2022年1月1日起",
    "年",
    "一、总体情况",
    "\u3000",
    " ",
    "\r\n",
    "\n",
    "\u2028",
    "\x0c",
    "度，",
    "关于",
)


def _meta_from_body(lines: list[str]) -> tuple[str | None, int | None]:
    """The specification of find_meta's body scan (a line at a time), for texts without a
    title: the year of the 统计期限 sentence, then organ and year from the lines with 年."""
    from govinfo_report._segment import _PERIOD, _year_sentence

    organ: str | None = None
    year: int | None = None
    body = lines[:400]
    if any("统计期限" in t for t in body):
        for t in body:
            pm = _PERIOD.search(t)
            if pm:
                year = int(pm.group(1))
                break
    for t in body:
        found = _year_sentence(t) if "年" in t else None
        if found is not None:
            organ = found[0] if organ is None else organ
            year = found[1] if year is None else year
            if organ is not None:
                break
    return organ or None, year


@given(st.lists(st.sampled_from(_META_PIECES), max_size=60), st.integers(-1, 12))
def test_find_meta_body_scan(pieces: list[str], first: int) -> None:
    """find_meta reads organ and year from the body as the line-by-line specification does,
    through the original text or the lines joined again (any line breaks, 年 anywhere)."""
    from govinfo_report._segment import find_meta, line_index, split_lines

    text = "".join(pieces)
    lines = split_lines(text)
    sec = None if first < 0 else first
    got = find_meta(lines, sec, line_index(lines, text))
    assert got == find_meta(lines, sec)
    assert got[0] is None  # no title (no 报告): organ and year come from the body alone
    assert got[1:] == _meta_from_body([ln[2] for ln in lines])


def _signature_pieces() -> list[str]:
    """Signatures of both editions, whole and cut in two, with whitespace and filler."""
    out = [" ", "\n", "\u3000", "\t", "表", "本年"]
    for ed in Edition:
        for s in template(ed).signatures:
            out += [s, s[:2], s[2:]]
    return out


@given(st.lists(st.sampled_from(_signature_pieces()), max_size=40))
def test_detect_edition_counts(pieces: list[str]) -> None:
    """detect_edition, which stops counting once the comparison is decided, names the edition
    with more signatures in the text without whitespace, as counting them all does."""
    from govinfo_report._segment import detect_edition

    text = "".join(pieces)
    squeezed = "".join(text.split())
    hits = {ed: sum(s in squeezed for s in template(ed).signatures) for ed in Edition}
    want = None
    if hits[Edition.E2021] != hits[Edition.E2019]:
        want = max(hits, key=lambda ed: hits[ed])
    assert detect_edition(text) == want


_ANCHOR_PIECES = ["第二十条", "信息内容", "本年制发", "本年新制作", "第二十", "条", "\n", "\r\n"]


@given(st.lists(st.sampled_from(_ANCHOR_PIECES), max_size=30), st.data())
def test_find_first_line(pieces: list[str], data: st.DataObject) -> None:
    """_find (one str.find per word) returns the first line from ``lo`` holding a word."""
    from govinfo_report._segment import _ANCHORS, _find, line_index, split_lines

    text = "".join(pieces)
    lines = split_lines(text)
    lo = data.draw(st.integers(0, len(lines) + 1))
    words = _ANCHORS["active"]
    want = next((i for i in range(lo, len(lines)) if any(w in lines[i][2] for w in words)), None)
    assert _find(lines, words, lo, len(lines), line_index(lines, text)) == want
    assert _find(lines, words, lo, len(lines), line_index(lines)) == want
