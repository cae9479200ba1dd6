"""Tokenizer for one cell per line, each line ending in `` |``; lines of ``|`` alone end a row.

This is what some HTML-to-text converters print for a table: ``规章 |`` then ``0 |`` ... and a
line of pipes (``||``) closing the row. ``col`` is the cell's index within its row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._flat import iter_lines
from ._registry import register_tokenizer

__all__ = ["PipeTokenizer"]

_new = tuple.__new__


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
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        cur: list[FastCell] = []
        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            if _is_rule(s):
                if s == "|" and line[:1].isspace():
                    # `` |`` is an empty cell; row-ending rules never start with a space
                    a = off + line.index("|")
                    cur.append(_new(FastCell, ("", lineno, a, a, float(len(cur)), 1)))
                    continue
                if cur:
                    out.append(FastRow(tuple(cur), cur[0].line))
                    cur = []
                continue
            if not s.endswith("|"):
                if cur:
                    out.append(FastRow(tuple(cur), cur[0].line))
                    cur = []
                a = off + line.index(s[0])
                out.append(FastRow((_new(FastCell, (s, lineno, a, a + len(s), None, 1)),), lineno))
                continue
            body = s[:-1].strip()
            a = off + line.index(s[0])
            cur.append(_new(FastCell, (body, lineno, a, a + len(body), float(len(cur)), 1)))
        if cur:
            out.append(FastRow(tuple(cur), cur[0].line))
        return out


pipe = register_tokenizer(PipeTokenizer())
