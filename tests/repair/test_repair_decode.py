"""decode: picks the right encoding, reports replaced bytes, never raises unless strict."""

from __future__ import annotations

import pytest
from _repair_corpus import ENCODINGS, seed_texts, sentences, traditional
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import DecodeError, decode

_REPORT = seed_texts()[1]
_PARAGRAPH = max(_REPORT.split("\n\n"), key=len)
_SIZES = {"sentence": sentences()[3], "paragraph": _PARAGRAPH, "report": _REPORT}


@pytest.mark.parametrize("size", sorted(_SIZES))
@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_picks_the_encoding(name: str, size: str) -> None:
    """Each encoding is recognised, from one sentence to a whole report."""
    encode, expected = ENCODINGS[name]
    text = _SIZES[size]
    result = decode(encode(text))
    assert (result.text, result.encoding) == (text, expected)
    assert result.replaced == ()
    assert result.bom == ("BOM" in name)


@pytest.mark.parametrize("text", sentences())
def test_every_sentence_as_gb18030_and_utf16(text: str) -> None:
    """Every real sentence decodes right as GB18030 and as BOM-less UTF-16 LE."""
    assert decode(text.encode("gb18030")).text == text
    assert decode(text.encode("utf-16-le")).text == text


@pytest.mark.parametrize("text", [*traditional(), "\n".join(traditional())])
def test_big5(text: str) -> None:
    """Big5 text (traditional characters) is not taken for GB18030 garbage."""
    result = decode(text.encode("big5"))
    assert (result.text, result.encoding) == (text, "big5")


def test_replaced_bytes_are_reported() -> None:
    """Undecodable bytes become U+FFFD and their byte offsets are listed."""
    data = "年度报告".encode() + b"\xff" + "公开".encode()
    result = decode(data)
    assert result.text == "年度报告\ufffd公开"
    assert result.replaced == (12,)
    assert result.replaced_count == 1
    assert result.encoding == "utf-8"


def test_strict_raises_with_offset() -> None:
    """With strict=True an undecodable byte raises DecodeError carrying its offset."""
    data = "年度报告".encode() + b"\xff"
    with pytest.raises(DecodeError) as info:
        decode(data, strict=True)
    assert info.value.offset == 12
    assert isinstance(info.value, ValueError)


def test_strict_passes_clean_input() -> None:
    """strict=True returns normally when every byte decodes."""
    assert decode("政府".encode("gb18030"), strict=True).text == "政府"


def test_accepts_bytearray_and_memoryview() -> None:
    """bytearray and memoryview are accepted like bytes."""
    data = "公开".encode()
    assert decode(bytearray(data)).text == decode(memoryview(data)).text == "公开"


def test_type_error_on_str() -> None:
    """A str is a usage error, not data."""
    with pytest.raises(TypeError):
        decode("公开")  # type: ignore[arg-type]


def test_empty_input() -> None:
    """Empty bytes decode to an empty text."""
    assert decode(b"").text == ""


@given(st.binary(max_size=400))
def test_never_raises_never_names_gbk(data: bytes) -> None:
    """Hypothesis: arbitrary bytes decode without an exception, never as GBK or GB2312."""
    result = decode(data)
    assert result.encoding not in ("gbk", "gb2312", "cp936")
    assert 0.0 <= result.confidence <= 1.0
    assert all(0 <= offset < len(data) for offset in result.replaced)
    assert result.text.count("\ufffd") >= (1 if result.replaced else 0)
