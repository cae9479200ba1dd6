"""Cell accuracy over the development corpus (../shared/corpus), per extraction tool."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from govinfo_report._parse import parse

from ._gold import HTML_TOOLS, corpus_dirs, iter_corpus, wrong_cells

pytestmark = pytest.mark.skipif(
    not corpus_dirs(), reason="development corpus ../shared/corpus not present in this checkout"
)

EXACT_TOOLS = frozenset({"w3m", "python_docx", "pandoc_plain_html", "pdftotext_layout", "docx2txt"})
"""Layouts that keep cell positions: every cell must match."""
REPORT = Path("/tmp/govinfo_parse_accuracy.txt")


def _accuracy() -> dict[str, tuple[int, int, int]]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for tool, text, gold in iter_corpus():
        result = parse(text)
        bad = wrong_cells(result, gold)
        t = tally[tool]
        t[0] += len(gold["cells"]) - len(bad)
        t[1] += len(gold["cells"])
        meta = result.report.meta
        t[2] += (meta.organ, meta.year, meta.edition.value) != tuple(gold["meta"].values())
    return {k: (v[0], v[1], v[2]) for k, v in tally.items()}


@pytest.fixture(scope="module")
def accuracy() -> dict[str, tuple[int, int, int]]:
    acc = _accuracy()
    lines = [f"{'tool':20} {'cells':>12} {'accuracy':>9} {'meta wrong':>10}"]
    for tool, (ok, n, mb) in sorted(acc.items()):
        lines.append(f"{tool:20} {ok:>5}/{n:<6} {ok / n:>9.4f} {mb:>10}")
    mine = [v for k, v in acc.items() if k not in HTML_TOOLS]
    ok, n = sum(v[0] for v in mine), sum(v[1] for v in mine)
    lines.append(f"{'overall (non-HTML)':20} {ok:>5}/{n:<6} {ok / n:>9.4f}")
    REPORT.write_text("\n".join(lines) + "\n", "utf-8")
    return acc


def test_overall_accuracy_floor(accuracy: dict[str, tuple[int, int, int]]) -> None:
    """At least 99.9% of cells are right over every non-HTML tool of the corpus."""
    mine = [v for k, v in accuracy.items() if k not in HTML_TOOLS]
    ok, n = sum(v[0] for v in mine), sum(v[1] for v in mine)
    assert ok / n >= 0.999


def test_each_tool_floor(accuracy: dict[str, tuple[int, int, int]]) -> None:
    """Every non-HTML tool reaches 99.9%; position-keeping layouts are exact."""
    for tool, (ok, n, _) in accuracy.items():
        if tool in HTML_TOOLS:
            continue
        assert ok / n >= (1.0 if tool in EXACT_TOOLS else 0.999), tool


def test_meta_exact(accuracy: dict[str, tuple[int, int, int]]) -> None:
    """Organ, year and edition are right for every corpus text."""
    assert {k: v[2] for k, v in accuracy.items() if v[2]} == {}
