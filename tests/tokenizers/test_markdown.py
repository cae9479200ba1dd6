"""The ``markdown`` tokenizer: GitHub and html2text pipe tables, blank cells, escapes, sniffing."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.tokenizers import Tokenizer, TokenRow, get_tokenizer
from govinfo_report.tokenizers._markdown import MarkdownTokenizer
from tests.helpers import SHARED

MD = MarkdownTokenizer()


def texts(rows: Sequence[TokenRow]) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in rows]


def test_registered_and_satisfies_protocol() -> None:
    """The built-in ``markdown`` tokenizer is registered by name and satisfies the protocol."""
    tok = get_tokenizer("markdown")
    assert isinstance(tok, Tokenizer)
    assert tok.name == "markdown"


def test_github_table_with_blank_cells_keeps_columns() -> None:
    """Outer pipes are borders; ``| |`` is an empty cell at its own column index."""
    text = "|  |  |  |  |\n| --- | --- | --- | --- |\n| 规章 | | 3 | 174 |\n"
    rows = MD.tokenize(text)
    assert texts(rows) == [["", "", "", ""], ["规章", "", "3", "174"]]
    assert [c.col for c in rows[1].cells] == [0, 1, 2, 3]
    assert rows[1].line == 3


def test_html2text_rows_single_cell_rows_and_trailing_spaces() -> None:
    """``a| b`` rows, a lone ``---`` delimiter, one-cell rows and trailing double spaces."""
    text = (
        "第二十条第(一)项  \n---  \n信息内容| 本年制发件数| 本年废止件数  \n"
        "规章| 13| 3  \n第二十条第(五)项  \n| 1634020  \n  \n"
    )
    assert texts(MD.tokenize(text)) == [
        ["第二十条第(一)项"],
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "13", "3"],
        ["第二十条第(五)项"],
        ["", "1634020"],
    ]


def test_escaped_pipe_is_text() -> None:
    """``\\|`` is a literal pipe inside a cell, not a separator."""
    rows = MD.tokenize("| a \\| b | 1 |\n|---|---|\n")
    assert texts(rows) == [["a | b", "1"]]


def test_spans_cover_the_raw_cell() -> None:
    """``text[start:end]`` is the raw cell between its pipes, offsets counted across CRLF lines."""
    text = "intro\r\n\r\n| x | 12 |\r\n|---|---|\r\n"
    row = MD.tokenize(text)[0]
    assert [text[c.start : c.end] for c in row.cells] == [" x ", " 12 "]
    assert row.line == 3


def test_prose_blocks_give_no_rows() -> None:
    """Headings and paragraphs around a table are not rows; a thematic break is not a delimiter."""
    text = "## 二、主动公开\n\n一段文字。\n---\n\n| a | 1 |\n| --- | --- |\n\n结尾。\n"
    assert texts(MD.tokenize(text)) == [["a", "1"]]


def test_paragraph_line_right_above_header_is_not_a_row() -> None:
    """In a block, lines before the header row of the first delimiter are prose."""
    text = "**三、收到和处理**\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    assert texts(MD.tokenize(text)) == [["a", "b"], ["1", "2"]]


def test_sniff_high_for_pipe_tables_low_for_seed_003_layout() -> None:
    """Pipe tables sniff high; seed 003's ``cell |`` lines and ``|||`` rules sniff zero."""
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    assert MD.sniff(table) >= 0.9
    assert MD.sniff("a| b\n---|---\n1| 2\n") >= 0.9
    seed003 = "第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n规章 |\n0 |\n||\n"
    assert MD.sniff(seed003) == 0.0
    assert MD.sniff("规章\t0\t0\n") == 0.0


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("tool", ["markitdown_html", "html2text"])
def test_corpus_tables_read(tool: str) -> None:
    """On the corpus, the 一、本年新收 row gives its label and the seven numbers in order."""
    text = (SHARED / "corpus" / f"t00__{tool}" / "source.txt").read_text("utf-8")
    assert MD.sniff(text) > 0.5
    row = next(r for r in MD.tokenize(text) if r.cells[0].text.startswith("一、本年新收"))
    numbers = [c.text for c in row.cells if c.text]
    assert numbers[1:] == ["2243", "310", "17", "14", "107", "93", "2784"]


def test_seed_003_is_not_read_as_markdown_by_detection() -> None:
    """On seed 003 the ``pipe`` tokenizer outsniffs this one."""
    seed = (
        next((p for p in (SHARED / "seeds").glob("003_*.txt")), None) if SHARED.exists() else None
    )
    if seed is None:
        pytest.skip("needs ../shared/seeds")
    text = seed.read_text("utf-8")
    assert MD.sniff(text) < get_tokenizer("pipe").sniff(text)
    assert MD.sniff(text) < 0.2


HOSTILE = [
    " " * 500_000 + "-|x",
    "|" * 500_000,
    "| --- " * 100_000,
    ("a|" * 50 + "\n") * 2_000,
    "\\|" * 200_000,
    "-" * 300_000 + "|" + " " * 300_000,
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_finishes(text: str) -> None:
    """Megabyte-scale pathological lines tokenize and sniff (regex backtracking would hang until
    pytest-timeout fails the test)."""
    assert isinstance(MD.tokenize(text), tuple)
    assert 0.0 <= MD.sniff(text) <= 1.0


_PIECES = st.sampled_from(["|", "\\|", " | ", "---", ":--", "\n", "\r\n", "  ", "a", "12", "规章"])


@given(st.lists(_PIECES, max_size=50).map("".join) | st.text(max_size=200))
def test_never_raises_and_cells_are_consistent(text: str) -> None:
    """On any input: no exception, spans inside the text, cols 0..n-1 in each row."""
    rows = MD.tokenize(text)
    assert 0.0 <= MD.sniff(text) <= 1.0
    for row in rows:
        assert [c.col for c in row.cells] == list(range(len(row.cells)))
        for c in row.cells:
            assert 0 <= c.start <= c.end <= len(text)
            assert "\n" not in text[c.start : c.end]
            assert c.line == row.line == text.count("\n", 0, c.start) + 1


@given(
    st.lists(
        st.lists(st.text(st.sampled_from("规章0123 |ab"), max_size=6), min_size=1, max_size=6),
        min_size=1,
        max_size=8,
    )
)
def test_github_table_round_trip(cells: list[list[str]]) -> None:
    """Any grid written as a GitHub table (pipes escaped) reads back cell for cell."""
    width = max(len(r) for r in cells)
    grid = [[c.strip() for c in r] + [""] * (width - len(r)) for r in cells]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"

    text = "\n".join([line([""] * width), "|" + " --- |" * width, *map(line, grid)]) + "\n"
    assert texts(MD.tokenize(text))[1:] == grid
