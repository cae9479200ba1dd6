"""The fast paths of the repair helpers give exactly what the plain versions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import STEPS, normalize, normalize_and_explain
from govinfo_report.repair._decode import _lenient, _lenient_restarting, _TooManyErrors
from govinfo_report.repair._mojibake import _CP1252_HIGH, _SLOPPY_1252, _encode_whole
from govinfo_report.repair._vocab import _SCORES, char_class, plausibility

_STATELESS = ["utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]


def _outcome(function: object, data: bytes, codec: str, cap: int | None) -> object:
    try:
        return function(data, codec, cap)  # type: ignore[operator]
    except _TooManyErrors:
        return "too many errors"


@given(st.binary(max_size=200), st.sampled_from(_STATELESS), st.sampled_from([None, 0, 3]))
def test_one_pass_decode_equals_restarting(data: bytes, codec: str, cap: int | None) -> None:
    """Resuming after an undecodable run is decoding the rest afresh, for these codecs."""
    assert _outcome(_lenient, data, codec, cap) == _outcome(_lenient_restarting, data, codec, cap)


@given(st.text(max_size=100))
def test_plausibility_is_the_sequential_mean(text: str) -> None:
    """The mean is the left-to-right float sum of the scores, as a plain loop adds them."""
    total = 0.0
    count = 0
    for char in text:
        if not char.isspace():
            total += _SCORES[char_class(char)]
            count += 1
    assert plausibility(text) == (total / count if count else 0.0)


_LATINISH = st.text(
    st.one_of(
        st.characters(max_codepoint=0x2FF), st.sampled_from(sorted(_CP1252_HIGH)), st.just("中")
    ),
    max_size=30,
)


@given(_LATINISH)
def test_sloppy_1252_encoding(text: str) -> None:
    """latin-1 plus the windows-1252 characters, failing on anything else."""
    table = str.maketrans({char: chr(byte) for char, byte in _CP1252_HIGH.items()})
    try:
        expected: bytes | None = text.translate(table).encode("latin-1")
    except UnicodeEncodeError:
        expected = None
    try:
        got: bytes | None = _encode_whole(_SLOPPY_1252, text)
    except UnicodeEncodeError:
        got = None
    assert got == expected


@given(st.text(max_size=200))
def test_normalize_is_the_explained_text(text: str) -> None:
    """normalize and each step's function skip the fixes but give the same text."""
    assert normalize(text) == normalize_and_explain(text).text
    for step in STEPS:
        assert step.function(text) == step.explain(text).text
