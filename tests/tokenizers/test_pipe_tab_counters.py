"""Edge cases of the ``pipe`` and ``tab`` row loops' running counters, against the per-line
specifications in ``test_text_fast_paths`` (which hypothesis also compares on random text)."""

from __future__ import annotations

import pytest

import govinfo_report._parse  # noqa: F401  (importing the parser registers the built-ins)
from govinfo_report.tokenizers._registry import get_tokenizer

from .test_text_fast_paths import _same, spec_pipe_rows, spec_tab_rows

PIPE = get_tokenizer("pipe")
TAB = get_tokenizer("tab")


@pytest.mark.parametrize(
    "text",
    [
        "a |\n |\nb |\n||\nc |\n |\n",  # `` |`` is an empty cell and counts as a column
        "a |\n|\nb |\n",  # ``|`` without a leading space ends the row
        "a |\nplain\nb |\nc |",  # a line without a pipe ends the row and restarts the count
        " |\n |\n||\n |",  # empty cells only
        "|a |\n|| x |\n ||| |\n",  # lines starting with a pipe that are not rules
        "".join(f"{k} |\n" for k in range(300)),  # more cells in a row than the column table
    ],
)
def test_pipe_columns_count_cells_in_each_row(text: str) -> None:
    _same(PIPE._rows(text), spec_pipe_rows(text))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    ["a\tb\n\n\t\n c\t\td", "\t".join(map(str, range(300))), "x\r\ny\tz\r\n\t"],
)
def test_tab_columns_past_the_column_table(text: str) -> None:
    _same(TAB._rows(text), spec_tab_rows(text))  # type: ignore[attr-defined]
