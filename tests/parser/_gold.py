"""Shared helpers: the seed and corpus fixtures and a cell-by-cell comparison with gold."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from govinfo_report import flatten
from govinfo_report._parse import ParseResult

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "fixtures" / "seeds"
CORPUS = HERE.parents[1].parent / "shared" / "corpus"
HTML_TOOLS = frozenset({"html_source", "markitdown_html", "html2text"})
"""Corpus tools read by the HTML/markdown tokenizers (another component), not measured here."""


def seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def gold_of(txt: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(txt.with_name(txt.stem + ".gold.json").read_text("utf-8"))
    return data


def corpus_dirs() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("t*__*") if (p / "source.txt").is_file())


def iter_corpus() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for d in corpus_dirs():
        tool = d.name.split("__", 1)[1]
        gold = json.loads((d / "gold.json").read_text("utf-8"))
        yield tool, (d / "source.txt").read_text("utf-8"), gold


def _dec(v: object) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def wrong_cells(result: ParseResult, gold: dict[str, Any]) -> list[tuple[str, object, object]]:
    flat = flatten(result.report)
    return [
        (path, want, flat.get(path))
        for path, want in gold["cells"].items()
        if _dec(want) != _dec(flat.get(path))
    ]
