"""Imports the built-in tokenizer modules, which register themselves on import."""

from __future__ import annotations

from collections.abc import Sequence

from . import _fixed as _fixed
from . import _flat as _flat
from . import _html as _html
from . import _markdown as _markdown
from . import _pipe as _pipe

# Each built-in module registers its tokenizer with ``register_tokenizer`` when imported.
# Order matters only for ties in auto-detection: earlier wins.
from . import _tab as _tab
from ._base import FastRow, fast_rows

_FAST = frozenset(
    {
        _fixed.FixedTokenizer,
        _fixed.BoxTokenizer,
        _flat.FlatTokenizer,
        _flat.LinesTokenizer,
        _flat.ParagraphsTokenizer,
        _html.HtmlTokenizer,
        _markdown.MarkdownTokenizer,
        _pipe.PipeTokenizer,
        _pipe.WikiTokenizer,
        _pipe.AsciidocTokenizer,
        _tab.TabTokenizer,
    }
)


_MAX_SCORES: dict[type, float] = {
    _fixed.FixedTokenizer: 0.9,
    _fixed.BoxTokenizer: 0.97,
    _flat.FlatTokenizer: 0.75,
    _flat.LinesTokenizer: 0.8,
    _flat.ParagraphsTokenizer: 0.85,
    _html.HtmlTokenizer: 0.95,
    _markdown.MarkdownTokenizer: 1.0,
    _pipe.PipeTokenizer: 0.95,
    _pipe.WikiTokenizer: 0.96,
    _pipe.AsciidocTokenizer: 0.98,
    _tab.TabTokenizer: 0.95,
}
"""The highest score each built-in ``sniff`` can return (the cap in its last line)."""


def max_score(tokenizer: object) -> float:
    """The highest score ``tokenizer.sniff`` can return: a built-in's cap, else 1.0 (exact
    built-in classes only: a subclass may override ``sniff``)."""
    return _MAX_SCORES.get(type(tokenizer), 1.0)


def rows_of(tokenizer: object, text: str) -> Sequence[FastRow]:
    """The tokenizer's rows of ``text`` as :data:`FastRow` tuples: a built-in's own (exact
    built-in classes only: a subclass may override ``tokenize``), else its ``tokenize``
    converted."""
    if type(tokenizer) in _FAST:
        rows: Sequence[FastRow] = tokenizer._rows(text)  # type: ignore[attr-defined]
        return rows
    return fast_rows(tokenizer.tokenize(text))  # type: ignore[attr-defined]
