"""parse() never raises on document content; misuse raises typed errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report._parse import DIAGNOSTIC_CODES, parse

_ALPHABET = st.sampled_from(
    [
        *"0123456789 \t\n|│─├┼-/.、，。（）()一二三四五六七八九十规章总计其他予以公开无",
        "第二十条第（一）项",
        "申请人情况",
        "本年新收",
        "行政复议",
        "结果维持",
        "（三）不予公开",
        "1.",
        "- 4 -",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=300).map("".join))
def test_never_raises_on_table_like_text(text: str) -> None:
    """Arbitrary mixes of table words, numbers and layout glyphs parse without raising."""
    result = parse(text)
    assert all(d.code in DIAGNOSTIC_CODES for d in result.diagnostics)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    """Any str at all parses; diagnostics use only documented codes."""
    result = parse(text)
    assert result.text == text
    assert all(d.code in DIAGNOSTIC_CODES for d in result.diagnostics)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_never_raises_on_bytes(data: bytes) -> None:
    """Any bytes decode and parse."""
    parse(data)


def test_garbage_gives_empty_report_and_missing_tables() -> None:
    """Text with no report in it yields null cells and missing_table diagnostics."""
    result = parse("hello world\n12 34\n")
    assert result.codes().count("missing_table") == 3
    assert result.layout == "none"


def test_wrong_types_raise() -> None:
    """Only a wrong argument type raises TypeError."""
    with pytest.raises(TypeError):
        parse(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse("x", layout=3)  # type: ignore[arg-type]


def test_unknown_layout_or_edition_raises() -> None:
    """An unknown tokenizer name or edition is misuse."""
    with pytest.raises(KeyError):
        parse("x", layout="no-such-layout")
    with pytest.raises(ValueError):
        parse("x", edition="1999")


def test_explicit_layout_bypasses_detection() -> None:
    """layout= names the tokenizer used for every table."""
    text = "二、主动公开政府信息情况\n第二十条第（一）项\n规章 1 2 3\n"
    result = parse(text, layout="flat")
    assert result.layouts == {"active": "flat"}
    assert result.report.active.regulations.in_force == 3  # type: ignore[union-attr]
