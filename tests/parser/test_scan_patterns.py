"""Scan patterns rewritten so that ``re`` can skip to candidates in C (a class or a literal
first, the look-behind after it) match exactly where the plainer original forms do."""

from __future__ import annotations

import bisect
import re

from hypothesis import example, given
from hypothesis import strategies as st

from govinfo_report._parse import _NUMBER_TOKEN, _number_spans
from govinfo_report.tokenizers._markdown import _PIPE

_NUMBER_SPEC = re.compile(r"(?<![^\s|│┃║])[-+0-9０-９－−＋][^\s|│┃║]*")
_PIPE_SPEC = re.compile(r"(?<!\\)\|")

_ALPHABET = st.sampled_from(list("0123456789０５-+－−＋|│┃║ \t\n\r\u3000\x0c\u2028a.,/\\年"))


@given(st.text(_ALPHABET, max_size=80))
def test_number_token_scan(text: str) -> None:
    """Every number token the unassigned-number check reads is found where the spec finds it."""
    got = [m.span() for m in _NUMBER_TOKEN.finditer(text)]
    assert got == [m.span() for m in _NUMBER_SPEC.finditer(text)]


@given(st.text(_ALPHABET, max_size=80))
def test_unescaped_pipe_scan(text: str) -> None:
    """Markdown cell boundaries: pipes not preceded by a backslash."""
    assert [m.start() for m in _PIPE.finditer(text)] == [
        m.start() for m in _PIPE_SPEC.finditer(text)
    ]


def _uncovered(spans: list[tuple[int, int]], ends: dict[int, int]) -> list[tuple[int, int]]:
    """The parser's covering test: the cell with the greatest start at or before a token must
    reach its end."""
    covered = sorted(ends.items())
    starts = [s for s, _ in covered]
    out = []
    for a, b in spans:
        k = bisect.bisect_right(starts, a) - 1
        if not (k >= 0 and covered[k][0] <= a and b <= covered[k][1]):
            out.append((a, b))
    return out


_PADDED = st.sampled_from(list("01９-| \t\u3000\xa0\n年"))


@given(
    st.one_of(st.text(_ALPHABET, max_size=80), st.text(_PADDED, max_size=40)),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=20),
)
@example("  5", [(0, 3), (1, 0)])  # the nearest start decides, not a farther wider cell
@example("| 12 |", [(1, 4)])  # a padded cell covers its number
def test_number_span_skip_is_the_covering_test(text: str, cells: list[tuple[int, int]]) -> None:
    """The early skip of :func:`_number_spans` (a cell start at the token or within the white
    space before it) leaves exactly the tokens the covering test reports."""
    ends: dict[int, int] = {}
    for start, width in cells:
        ends[start] = max(ends.get(start, start + width), start + width)
    plain = _uncovered(_number_spans(text), ends)
    assert _uncovered(_number_spans(text, ends), ends) == plain
