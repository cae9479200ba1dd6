"""The ``html`` tokenizer's one-regex fast path agrees with its hand lexer on every tag it takes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.tokenizers._base import public_rows
from govinfo_report.tokenizers._html import (
    _NEXT,
    _TAG_NAME,
    _plain_spans,
    _scan_attrs,
    _spans,
    _tokenize,
    html_text,
)

_PIECES = st.sampled_from(
    ["td", "TD", "th", "tr", "p", "br", "table", "x1", " ", "  ", "\t", "\n", "/", "=", ">", '"',
     "'", "colspan", "ROWSPAN", "rowspan", "class", "a", "2", "0", "+3", "x", "-", ":", "`", "<",
     "&amp;", "结果", "é", '="2"', "='3'", "=4", '=""']
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_plain_start_tag_matches_the_lexer(rest: str) -> None:
    """Where the pattern reads a start tag, the lexer reads the same name, end and spans."""
    text = "<" + rest + ">tail"
    m = _NEXT.match(text)
    assert m is not None
    cell_name, cell_attrs, _, _, name, attrs = m.groups()
    if cell_name is None and name is None:
        return
    tag_name = cell_name if cell_name is not None else name
    tag_attrs = cell_attrs if cell_name is not None else attrs
    lexed = _TAG_NAME.match(text, 1)
    assert lexed is not None and lexed.group() == tag_name
    scanned = _scan_attrs(text, lexed.end())
    assert scanned is not None
    end, attr_dict = scanned
    if cell_name is None:
        assert end == m.end()
    else:  # the start tag ends where the cell text starts
        assert end == m.start(3)
    assert _plain_spans(tag_attrs) == _spans(attr_dict.get("colspan"), attr_dict.get("rowspan"))


@given(st.lists(_PIECES, max_size=10).map("".join))
def test_plain_end_tag_matches_the_lexer(rest: str) -> None:
    """Where the pattern reads an end tag, the lexer reads the same name and end."""
    text = "</" + rest + ">tail"
    m = _NEXT.match(text)
    assert m is not None
    if m.group(4) is None:
        return
    lexed = _TAG_NAME.match(text, 2)
    assert lexed is not None and lexed.group() == m.group(4)
    assert m.end() == text.find(">", 2) + 1


def test_cell_read_whole_then_a_later_closer() -> None:
    """A cell read in one match closes the cell before it; a stray closer adds nothing."""
    rows = public_rows(_tokenize("<td>a<td>b</td></td>c</td><td>d"))
    assert [[(c.text, c.col, c.start, c.end) for c in r.cells] for r in rows] == [
        [("a", 0, 0, 5), ("b", 1, 5, 15), ("d", 2, 26, 31)]
    ]


def test_entities_are_decoded_per_piece_and_attributes_are_raw() -> None:
    """An entity split by a tag stays as written; attribute values are not decoded."""
    rows = public_rows(_tokenize('<td>&am<b>p;</td><td colspan="&#50;">&amp;</td>'))
    assert [(c.text, c.span) for c in rows[0].cells] == [("&amp;", 1), ("&", 1)]
    assert html_text("<td>&am<b>p;</td>") == "\n&amp;\n"


def test_lines_are_counted_from_the_cell_start() -> None:
    """Lines come from a running count; cells read in one match and by pieces agree."""
    text = "\n<table>\n<tr><td>a</td>\n<td>b<br>c</td></tr>\n\n<tr><td>\nd</td></tr></table>"
    rows = public_rows(_tokenize(text))
    assert [(r.line, [c.line for c in r.cells]) for r in rows] == [(3, [3, 4]), (6, [6])]


@pytest.mark.timeout(30)
def test_unclosed_end_tags_as_text_stay_linear() -> None:
    """``</`` with no name and no ``>`` after it is text; a wall of them is read in linear time
    (the quadratic reading this replaced takes minutes here: pytest-timeout fails the test)."""
    k = 400_000
    rows = public_rows(_tokenize("<td>" + "</" * k))
    assert rows[0].cells[0].text == "</" * k
