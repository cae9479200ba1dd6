"""Tokenizer for one cell per line, each line ending in `` |``; lines of ``|`` alone end a row.

This is what some HTML-to-text converters print for a table: ``规章 |`` then ``0 |`` ... and a
line of pipes (``||``) closing the row. ``col`` is the cell's index within its row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._base import Cell, TokenRow
from ._flat import iter_lines
from ._registry import register_tokenizer

__all__ = ["PipeTokenizer"]


def _is_rule(s: str) -> bool:
    return bool(s) and not s.strip("|")


class PipeTokenizer:
    """``cell |`` lines grouped into rows by ``|``-only lines."""

    name = "pipe"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines ending in `` |`` (markdown rows starting with | excluded)."""
        if "|" not in text:
            return 0.0
        total = hits = 0
        for _, _, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            total += 1
            if s.endswith("|") and (not s.startswith("|") or _is_rule(s)):
                hits += 1
        if total == 0:
            return 0.0
        return min(0.95, 1.3 * hits / total)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Rows of cells; a line without a trailing pipe is a row of one cell."""
        out: list[TokenRow] = []
        cur: list[Cell] = []
        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            if _is_rule(s):
                if s == "|" and line[:1].isspace():
                    # `` |`` is an empty cell; row-ending rules never start with a space
                    a = off + line.index("|")
                    cur.append(Cell(text="", line=lineno, start=a, end=a, col=float(len(cur))))
                    continue
                if cur:
                    out.append(TokenRow(cells=tuple(cur), line=cur[0].line))
                    cur = []
                continue
            if not s.endswith("|"):
                if cur:
                    out.append(TokenRow(cells=tuple(cur), line=cur[0].line))
                    cur = []
                a = off + line.index(s[0])
                out.append(
                    TokenRow(
                        cells=(Cell(text=s, line=lineno, start=a, end=a + len(s)),), line=lineno
                    )
                )
                continue
            body = s[:-1].strip()
            a = off + line.index(s[0])
            cur.append(
                Cell(text=body, line=lineno, start=a, end=a + len(body), col=float(len(cur)))
            )
        if cur:
            out.append(TokenRow(cells=tuple(cur), line=cur[0].line))
        return out


pipe = register_tokenizer(PipeTokenizer())
