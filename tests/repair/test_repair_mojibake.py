"""fix_mojibake: restores reversible wrong decodes, never touches clean text."""

from __future__ import annotations

import pytest
from _repair_corpus import GARBLERS, cases, seed_texts, sentences, traditional
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import fix_mojibake

PREFIX = "现将本年度报告如下。"
SUFFIX = "以上为本年度情况。"

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_RARE = st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF)
_ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
_PUNCT = st.sampled_from("，。；：、（）“”《》！？—…·\n\t ")
clean_texts = st.text(st.one_of(_CJK, _RARE, _ASCII, _PUNCT), max_size=200)


@pytest.mark.parametrize("kind", sorted(GARBLERS))
def test_restores_reversible_cases(kind: str) -> None:
    """At least 98% of the reversible cases of each kind come back exactly, alone and in text."""
    found = cases(kind)
    assert found, f"no reversible case for {kind}"
    alone = sum(fix_mojibake(garbled).text == text for text, garbled in found)
    embedded = sum(
        fix_mojibake(PREFIX + garbled + SUFFIX).text == PREFIX + text + SUFFIX
        for text, garbled in found
    )
    assert alone >= 0.98 * len(found), f"{kind}: {alone}/{len(found)}"
    assert embedded >= 0.98 * len(found), f"{kind}: {embedded}/{len(found)} in context"


def test_fixes_only_the_garbled_run() -> None:
    """In a mixed text the clean parts stay byte for byte and each fix names its span."""
    garbled = "政府信息".encode().decode("gbk")
    text = f"二、主动公开{garbled}情况 2023 年"
    result = fix_mojibake(text)
    assert result.text == "二、主动公开政府信息情况 2023 年"
    (fix,) = result.fixes
    assert fix.name == "utf8_as_gbk"
    assert text[slice(*fix.source_span)] == fix.original == garbled
    assert result.text[slice(*fix.target_span)] == fix.replacement == "政府信息"
    assert fix.score > 0 and "gb18030" in fix.reason


def test_several_kinds_in_one_text() -> None:
    """Runs garbled in different ways are each undone by their own kind."""
    a = "行政许可".encode().decode("gbk")
    b = "行政处罚".encode("gbk").decode("latin-1")
    c = "行政强制".encode().decode("latin-1")
    result = fix_mojibake(f"{a}，{b}，{c}。")
    assert result.text == "行政许可，行政处罚，行政强制。"
    assert [f.name for f in result.fixes] == ["utf8_as_gbk", "gbk_as_latin1", "utf8_as_latin1"]


@pytest.mark.parametrize("text", [*sentences(), *traditional(), *seed_texts()])
def test_clean_fixtures_unchanged(text: str) -> None:
    """Clean report text, traditional text and the broken-font seed are not mojibake."""
    assert fix_mojibake(text).text == text


def test_rare_characters_unchanged() -> None:
    """Text made only of rare characters is left alone."""
    text = "魑魅魍魉，饕餮，龘靐齉爩，𠀀𠀁𪚥"
    assert not fix_mojibake(text).changed


@given(clean_texts)
def test_clean_text_never_changed(text: str) -> None:
    """Hypothesis: mixed Chinese (common and rare) and ASCII text is returned unchanged."""
    assert fix_mojibake(text).text == text


@given(st.text(max_size=300))
def test_never_raises_and_idempotent(text: str) -> None:
    """Hypothesis: any str is accepted, and a second pass changes nothing more."""
    once = fix_mojibake(text)
    assert fix_mojibake(once.text).text == once.text
    for fix in once.fixes:
        assert text[slice(*fix.source_span)] == fix.original
        assert once.text[slice(*fix.target_span)] == fix.replacement


@given(st.sampled_from(sentences()), st.sampled_from(sorted(GARBLERS)))
def test_idempotent_on_garbled(text: str, kind: str) -> None:
    """Hypothesis: repairing a garbled sentence twice gives the same as once."""
    try:
        garbled = GARBLERS[kind](text)
    except UnicodeDecodeError:
        garbled = text
    once = fix_mojibake(garbled).text
    assert fix_mojibake(once).text == once


def test_type_error_on_bytes() -> None:
    """Only str is accepted."""
    with pytest.raises(TypeError):
        fix_mojibake(b"abc")  # type: ignore[arg-type]
