"""normalize: changes exactly what its documentation lists, idempotently, and explains it."""

from __future__ import annotations

import pytest
from _repair_corpus import seed_texts, sentences
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import (
    STEPS,
    fold_fullwidth_alnum,
    fold_radicals,
    join_cjk_lines,
    normalize,
    normalize_and_explain,
    remove_cjk_spaces,
)

_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x2E80, max_codepoint=0x2FDF),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("，。：；（）“”\n\n\t  \r\u3000\u200b\ufeff︵︶﹙﹚〝〞"),
)
texts = st.text(_ALPHABET, max_size=200)

# What the documentation allows to change, by step.
_RADICALS = range(0x2E80, 0x2FE0)
_COMPAT = (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
_FULLWIDTH_ALNUM = set("０１２３４５６７８９") | {chr(c) for c in range(0xFF21, 0xFF3B)}
_FULLWIDTH_ALNUM |= {chr(c) for c in range(0xFF41, 0xFF5B)}


def test_radicals_and_supplement() -> None:
    """Kangxi radicals fold by NFKC and the simplified supplement forms by the map."""
    assert fold_radicals("⼀⼆⼯⽅⾏") == "一二工方行"
    assert fold_radicals("⻓⻔⻅⻋⻚") == "长门见车页"


def test_fullwidth_punctuation_stays() -> None:
    """Full-width Chinese punctuation is never folded, only digits and letters."""
    text = "（一）：２０２３年，ＡＢＣ；９５．８％。"
    assert normalize(text) == "（一）：2023年，ABC；95．8％。"


def test_tables_keep_their_separators() -> None:
    """Tabs, runs of spaces and lines of tables stay as they are."""
    table = "信息内容\t本年制发件数\n规章\t0\n商业企业    科研机构\n行政许可  0   12"
    assert normalize(table) == table


def test_spaces_between_ideographs() -> None:
    """A single space between two ideographs goes; spaces next to digits stay."""
    assert remove_cjk_spaces("结果 维持 2023 年  合计") == "结果维持 2023 年  合计"


def test_line_joining_rules() -> None:
    """Wrapped prose is joined; headings, short lines and paragraph breaks are kept."""
    prose = "二〇二三年，红旗区政务服务和大数据管理局认真贯彻落实政府信息公\n开工作有关部署。"
    assert join_cjk_lines(prose) == prose.replace("\n", "")
    heading = "二、主动公开政府信息情况\n第二十条第（一）项"
    assert join_cjk_lines(heading) == heading
    paragraphs = prose.replace("公\n开", "公\n\n开")
    assert join_cjk_lines(paragraphs) == paragraphs
    before_table = prose.replace("公\n开", "公\n开\t0")
    assert join_cjk_lines(before_table) == before_table


@pytest.mark.parametrize("text", [*sentences(), seed_texts()[1]])
def test_clean_fixtures_change_only_documented(text: str) -> None:
    """Clean report text changes only by the documented space and line rules."""
    result = normalize_and_explain(text)
    assert {f.name for f in result.fixes} <= {"remove_cjk_spaces", "join_cjk_lines"}


@given(texts)
def test_idempotent(text: str) -> None:
    """Hypothesis: normalizing twice is normalizing once."""
    once = normalize(text)
    assert normalize(once) == once


@given(texts)
def test_only_documented_changes(text: str) -> None:
    """Hypothesis: every fix is one of the documented changes, at the place it names."""
    result = normalize_and_explain(text)
    for fix in result.fixes:
        assert text[slice(*fix.source_span)] == fix.original
        assert result.text[slice(*fix.target_span)] == fix.replacement
        char = fix.original
        if fix.name == "fold_radicals":
            assert ord(char) in _RADICALS
        elif fix.name == "fold_compat_ideographs":
            assert any(ord(char) in r for r in _COMPAT)
        elif fix.name == "fold_fullwidth_alnum":
            assert char in _FULLWIDTH_ALNUM
        elif fix.name == "drop_invisible":
            assert char in "\u00ad\u200b\u200c\u200d\u2060\ufeff"
        elif fix.name == "fold_presentation_forms":
            assert 0xFE10 <= ord(char) <= 0xFE6F or char in "〝〞〟"
        elif fix.name == "remove_cjk_spaces":
            assert char == " "
        else:
            assert fix.name == "join_cjk_lines" and char in ("\n", "\r\n")


@given(texts)
def test_full_width_punctuation_never_folded(text: str) -> None:
    """Hypothesis: the count of each full-width punctuation mark is unchanged."""
    out = normalize(text)
    for mark in "，。：；（）！？％．":
        assert out.count(mark) >= text.count(mark)


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    """Hypothesis: any str normalizes without an exception."""
    normalize_and_explain(text)


def test_registry() -> None:
    """Every step is named once, documented with a doctest, and composable by name."""
    names = [step.name for step in STEPS]
    assert len(names) == len(set(names))
    for step in STEPS:
        assert step.description
        assert step.function("") == ""
    assert fold_fullwidth_alnum.__doc__ and ">>>" in fold_fullwidth_alnum.__doc__
    assert normalize("２ ⼀ ⼆", steps=["fold_fullwidth_alnum"]) == "2 ⼀ ⼆"
    with pytest.raises(ValueError):
        normalize("x", steps=["no_such_step"])
