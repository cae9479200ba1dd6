"""Broken-font repair on seed 000: learn the glyph map from its tables, undo it elsewhere."""

from __future__ import annotations

import difflib
import re

import pytest
from _repair_corpus import label_pairs, section_five, seed_texts, sentences
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import (
    UNKNOWN,
    GlyphMap,
    garble_score,
    learn_glyph_map,
    looks_garbled,
)


@pytest.fixture(scope="module")
def glyphs() -> GlyphMap:
    return learn_glyph_map(label_pairs())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").replace(",", "，")


def _closest(text: str, labels: list[str]) -> str:
    def ratio(label: str) -> float:
        return difflib.SequenceMatcher(None, _squash(text), _squash(label)).ratio()

    return max(labels, key=ratio)


def test_every_garbled_label_is_recovered(glyphs: GlyphMap) -> None:
    """Every garbled table label, repaired, is closest to its own template label."""
    pairs = [(g, k) for g, k in label_pairs() if garble_score(g) > 0]
    labels = sorted({k for _, k in pairs})
    assert len(pairs) >= 55
    for garbled, known in pairs:
        repaired = glyphs.apply(garbled).text
        assert _closest(repaired, labels) == known, (garbled, repaired)
        # without the map, a good share of them would not be told apart
    unrepaired = sum(_closest(g, labels) == k for g, k in pairs)
    assert unrepaired < len(pairs)


def test_characters_restored_in_labels(glyphs: GlyphMap) -> None:
    """Most characters of the labels come back: the repaired label shares most of the known."""
    pairs = [(g, k) for g, k in label_pairs() if garble_score(g) > 0]
    matched = total = 0
    for garbled, known in pairs:
        repaired = _squash(glyphs.apply(garbled).text)
        blocks = difflib.SequenceMatcher(None, repaired, _squash(known)).get_matching_blocks()
        matched += sum(block.size for block in blocks)
        total += len(_squash(known))
    share = matched / total
    print(f"label characters restored: {share:.1%}")
    assert share >= 0.75


def test_section_five_share_restored(glyphs: GlyphMap) -> None:
    """Section 五 is garbled the same way; most garbled glyphs map, the rest are marked."""
    body = section_five(seed_texts()[0])
    assert looks_garbled(body)
    result = glyphs.apply(body)
    garbled_glyphs = [c for c in body if not c.isspace() and garble_score(c) > 0]
    restored = [f for f in result.fixes if f.name in ("glyph_map", "glyph_context")]
    unknown = [f for f in result.fixes if f.replacement == UNKNOWN]
    share = len(restored) / len(garbled_glyphs)
    print(
        f"section 五: {len(restored)}/{len(garbled_glyphs)} garbled glyphs restored ({share:.1%})"
    )
    assert share >= 0.5
    assert result.text.count(UNKNOWN) == len(unknown)
    assert garble_score(result.text.replace(UNKNOWN, "")) < garble_score(body) / 2
    for fix in result.fixes:
        assert body[slice(*fix.source_span)] == fix.original
        assert result.text[slice(*fix.target_span)] == fix.replacement
        assert fix.reason


def test_numbers_survive(glyphs: GlyphMap) -> None:
    """On the whole document, numeric cells, item numbers and clean lines are kept as they are."""
    garbled = seed_texts()[0]
    result = glyphs.apply(garbled, only_garbled=True)
    lines = list(zip(garbled.splitlines(), result.text.splitlines(), strict=True))
    for before, after in lines:
        assert re.findall(r"(?<=\t)\d+(?=\t|$)", before) == re.findall(r"(?<=\t)\d+(?=\t|$)", after)
        if not looks_garbled(before, min_odd=1):
            assert after == before
    assert "\t\t2.重复申请\t1\t" in result.text.replace(" ", "")
    assert "2023 年，我区政府" in result.text


def test_conflicts_are_reported(glyphs: GlyphMap) -> None:
    """Glyphs that became a space, and one glyph seen for two originals, are conflicts."""
    kinds = {c.garbled: c for c in glyphs.conflicts}
    assert kinds[" "].kind == "space"
    assert {o for o, _ in kinds[" "].originals} >= {"政", "年"}
    assert kinds["P"].kind == "ambiguous"
    assert {o for o, _ in kinds["P"].originals} == {"其", "机"}
    assert "P" not in glyphs.mapping


def test_identity_glyphs_map_to_themselves(glyphs: GlyphMap) -> None:
    """Characters that came out right in the garbled text map to themselves."""
    for char in "第十许可结转总":
        assert glyphs.mapping.get(char, char) == char
    assert glyphs.mapping["="] == "行" and glyphs.mapping["!"] == "信"


def test_unknown_glyphs_are_marked_not_guessed() -> None:
    """A glyph without evidence becomes U+FFFD with a fix saying so."""
    glyphs = learn_glyph_map([("8章", "规章")])
    result = glyphs.apply("8章 #")
    assert result.text == "规章 \ufffd"
    assert [f.name for f in result.fixes] == ["glyph_map", "glyph_unknown"]


def test_looks_garbled_separates_clean_from_garbled() -> None:
    """Seed 000's garbled paragraphs look garbled; clean sentences and seed 001 do not."""
    garbled, clean = seed_texts()
    body = section_five(garbled)
    lines = [line for line in body.splitlines() if len(line.strip()) > 20]
    assert lines and all(looks_garbled(line) for line in lines)
    for text in [*sentences(), *clean.split("\n\n")]:
        assert not looks_garbled(text), text


@given(st.text(max_size=200))
def test_apply_never_raises(text: str) -> None:
    """Hypothesis: applying a learned map to any str does not raise and keeps the length."""
    glyphs = learn_glyph_map(label_pairs()[:10])
    result = glyphs.apply(text)
    assert len(result.text) == len(text)


@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=30)), max_size=8))
def test_learn_never_raises(pairs: list[tuple[str, str]]) -> None:
    """Hypothesis: learning from arbitrary pairs does not raise."""
    learn_glyph_map(pairs)


def test_type_errors() -> None:
    """Wrong argument types raise TypeError."""
    with pytest.raises(TypeError):
        learn_glyph_map([(b"x", "y")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        learn_glyph_map([]).apply(b"x")  # type: ignore[arg-type]
