"""Golden texts from extraction tools outside the development corpus (pandoc rst/mediawiki/
asciidoc, markdownify, html2text without wrapping, pdfplumber with layout=True, pypdf with
extraction_mode="layout", pdftotext without -layout): every cell exact.

``r03`` is a rendered 2019-edition report with blank cells (unprinted zeros); ``t05`` is corpus
report t05's HTML page converted by each tool; ``r02`` (pypdf layout) has numbers glued
together (``glued_numbers``); ``t00``/``t05`` (pdftotext default) print tables 三/四 away from
their labels (``stream_order``)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report import flatten
from govinfo_report._parse import parse

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "unseen"
TEXTS = sorted(HERE.glob("*__*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_unseen_tool_output_is_exact(path: Path) -> None:
    """Each unseen tool's text parses to the gold cells and meta."""
    gold = json.loads((HERE / (path.name.split("__")[0] + ".gold.json")).read_text("utf-8"))
    report = parse(path.read_text("utf-8")).report
    flat = flatten(report)
    wrong = []
    for key, value in gold["cells"].items():
        if value is not None and key.endswith(("10k_yuan", "total_amount")):
            value = Decimal(str(value))
        if flat.get(key) != value:
            wrong.append(key)
    assert wrong == []
    meta = report.meta
    assert (meta.organ, meta.year, meta.edition.value) == (
        gold["meta"]["organ"],
        gold["meta"]["year"],
        gold["meta"]["edition"],
    )


def test_fixtures_present() -> None:
    """The golden set is not silently empty."""
    assert len(TEXTS) >= 11
