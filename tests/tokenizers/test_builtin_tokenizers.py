"""The built-in tokenizers satisfy the protocol and find cells with the right spans."""

from __future__ import annotations

import pytest

import govinfo_report._parse  # noqa: F401  (importing the parser registers the built-ins)
from govinfo_report.tokenizers import Tokenizer, get_tokenizer, tokenizers

BUILTINS = ("tab", "pipe", "fixed", "box", "flat", "lines", "paragraphs")


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_satisfies_protocol(name: str) -> None:
    """Each built-in is registered under its name and implements Tokenizer."""
    tok = get_tokenizer(name)
    assert isinstance(tok, Tokenizer) and tok.name == name
    assert name in tokenizers()


@pytest.mark.parametrize("name", BUILTINS)
@pytest.mark.parametrize("text", ["", "\n\n", "│─┼", "a\tb\n1 |\n||", "规章 0 0 0\n- 4 -"])
def test_builtin_never_raises_and_spans_are_exact(name: str, text: str) -> None:
    """Sniff is in [0, 1]; every cell's text is the source slice (stripped) at its offsets."""
    tok = get_tokenizer(name)
    assert 0.0 <= tok.sniff(text) <= 1.0
    for row in tok.tokenize(text):
        for cell in row.cells:
            assert (
                text[cell.start : cell.end].strip() == cell.text.strip()
                or "\n" in text[cell.start : cell.end]
            )


def test_tab_keeps_grid_columns() -> None:
    """Tab cells keep their grid index, empty cells included."""
    rows = get_tokenizer("tab").tokenize("一、本年新收\t\t\t\t0\t6\n")
    assert [(c.text, c.col) for c in rows[0].cells][-2:] == [("0", 4.0), ("6", 5.0)]


def test_pipe_rows_end_at_pipe_lines() -> None:
    """Cells ending in ` |` group into a row until a `|`-only line."""
    rows = get_tokenizer("pipe").tokenize("规章 |\n0 |\n1 |\n||\n行政许可 |\n5 |\n")
    assert [[c.text for c in r.cells] for r in rows] == [["规章", "0", "1"], ["行政许可", "5"]]


def test_box_joins_wrapped_cell_text() -> None:
    """A box cell wrapped over two lines is one cell; numbers keep their column."""
    text = "├──────┼───┤\n│(二)部分│ 0 │\n│公开    │   │\n├──────┼───┤\n"
    rows = get_tokenizer("box").tokenize(text)
    assert [c.text for c in rows[0].cells] == ["(二)部分公开", "0"]


def test_fixed_positions_and_label_split() -> None:
    """Fixed-width words get centre positions; labels split at wide gaps."""
    rows = get_tokenizer("fixed").tokenize("(三)不     4.保护第三方合法权益   22   3\n")
    texts = [c.text for c in rows[0].cells]
    assert texts == ["(三)不", "4.保护第三方合法权益", "22", "3"]
    assert all(c.col is not None for c in rows[0].cells)


def test_flat_splits_numbers_from_label() -> None:
    """A flat row is one label cell then one cell per number, positions unknown."""
    rows = get_tokenizer("flat").tokenize("1.属于国家秘密 5 2 0\n")
    assert [(c.text, c.col) for c in rows[0].cells] == [
        ("1.属于国家秘密", None),
        ("5", None),
        ("2", None),
        ("0", None),
    ]


def test_paragraphs_count_empty_cells() -> None:
    """In docx2txt text an extra blank paragraph is an empty cell, so positions survive."""
    text = "规章\n\n0\n\n\n\n5\n\n"
    rows = get_tokenizer("paragraphs").tokenize(text)
    nums = [c for r in rows for c in r.cells if c.text.isdigit()]
    assert [(c.text, c.col) for c in nums] == [("0", 1.0), ("5", 3.0)]


def test_detection_prefers_matching_layout() -> None:
    """Each layout's sniff wins on its own kind of text."""
    samples = {
        "tab": "规章\t0\t0\t0\n行政许可\t5\n",
        "pipe": "规章 |\n0 |\n0 |\n||\n",
        "box": "│ 规章 │ 0 │\n├──────┼───┤\n",
        "lines": "规章\n0\n0\n0\n行政许可\n5\n",
    }
    for want, text in samples.items():
        best = max(tokenizers().values(), key=lambda t: t.sniff(text))
        assert best.name == want, (want, best.name)
