"""The fast paths of the repair helpers give exactly what the plain versions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import STEPS, normalize, normalize_and_explain
from govinfo_report.repair._decode import _lenient, _lenient_restarting, _TooManyErrors
from govinfo_report.repair._mojibake import (
    _CP1252_HIGH,
    _LATIN_KINDS,
    _SLOPPY_1252,
    MOJIBAKE_KINDS,
    MojibakeKind,
    _encode_whole,
    _groups,
    _may_hold_common,
    _segments,
    _suspect_pattern,
    _suspect_runs,
)
from govinfo_report.repair._vocab import (
    _SCORES,
    char_class,
    is_layout,
    plausibility,
    plausibility_for_display,
)

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


# bytes of genuine U+FFFD characters, and of characters around them, for the decode fast path
_PIECES = st.sampled_from(
    [b"\xef\xbf\xbd", b"\x84\x31\xa4\x37", "公开".encode(), "公开".encode("gb18030"), b"ab"]
)
_WITH_FFFD = st.lists(st.one_of(_PIECES, st.binary(max_size=3)), max_size=30).map(b"".join)


@given(_WITH_FFFD, st.sampled_from(_STATELESS), st.sampled_from([None, 0, 1, 3]))
def test_one_pass_decode_with_genuine_fffd(data: bytes, codec: str, cap: int | None) -> None:
    """U+FFFD decoded from valid bytes does not count as an undecodable run."""
    assert _outcome(_lenient, data, codec, cap) == _outcome(_lenient_restarting, data, codec, cap)


_ANY_OR_LAYOUT = st.one_of(st.characters(), st.sampled_from(list("─│┼┌╔═█▀｜￨")))


@given(st.text(_ANY_OR_LAYOUT, max_size=100))
def test_plausibility_is_the_sequential_mean(text: str) -> None:
    """The mean is the left-to-right float sum of the scores, as a plain loop adds them; white
    space and layout characters are left out."""
    total = 0.0
    count = 0
    for char in text:
        if not char.isspace() and not is_layout(char):
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


# one character of each plausibility class, spaces, and the common punctuation
_CLASSY = st.text(
    st.sampled_from(list("政府年A1，。鍙鏀Ãé─│█｜\ufffd\x01 \n\u3000\t")), max_size=60
)


def _outcomes(value: float) -> tuple[object, ...]:
    clamped = max(0.0, min(1.0, value))
    return (value >= 0.75, value >= 0.5, f"{value:.2f}", round(clamped, 3), f"{clamped:.2f}")


@given(_CLASSY)
def test_plausibility_for_display_decides_the_same(text: str) -> None:
    """Compared with 0.75 or 0.5, shown with two decimals or rounded to three: no difference."""
    fast = plausibility_for_display(text)
    assert abs(fast - plausibility(text)) < 1e-12
    assert _outcomes(fast) == _outcomes(plausibility(text))


def test_plausibility_for_display_on_a_threshold() -> None:
    """A mean on a multiple of 1/2000 (0.75, 0.84, 0.7) is plausibility's own value."""
    for text in ("AAAAA政政政", "政A政A政A政A", "A政" * 40 + "政" * 20, "1，" * 300 + "政" * 200):
        assert plausibility_for_display(text) == plausibility(text)


# clean and garbled pieces, some longer than the windows and thresholds of _suspect_runs
_MIXED = st.lists(
    st.one_of(
        st.text(st.sampled_from(list("政府 ab1\n，鍏紑å…¬Ã¹«鏀邀扈ﾟ€™·“")), max_size=5),
        st.sampled_from(["政府" * 50, "政" * 200, "Ã" * 30, "å…¬" * 12, "a" * 70]),
    ),
    max_size=30,
).map("".join)


@given(_MIXED)
def test_suspect_runs_are_the_runs_holding_a_suspect(text: str) -> None:
    """The runs found from the suspect characters are every run that holds one, in order."""
    first = _suspect_pattern().search(text)
    for group in _groups():
        expected = [
            (match.start(), match.group())
            for match in group.runs.finditer(text)
            if group.union_pattern.search(match.group())
        ]
        assert list(_suspect_runs(text, group)) == expected
        if first is not None:
            assert list(_suspect_runs(text, group, first.start())) == expected


_MULTIBYTE = [kind for kind in MOJIBAKE_KINDS if kind.name not in _LATIN_KINDS]


@given(_MIXED.map(lambda text: "".join(text.split()) or "政"), st.sampled_from(_MULTIBYTE))
def test_may_hold_common_is_necessary(run: str, kind: MojibakeKind) -> None:
    """Where the cheap check says no, the block-by-block search finds nothing either."""
    if not _may_hold_common(kind, run):
        assert _segments(kind, run, 0) == []
