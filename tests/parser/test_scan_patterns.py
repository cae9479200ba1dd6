"""Scan patterns rewritten so that ``re`` can skip to candidates in C (a class or a literal
first, the look-behind after it) match exactly where the plainer original forms do."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._parse import _NUMBER_TOKEN
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
