"""Tokenizers for fixed-width text: ``fixed`` (pdftotext -layout, pandoc plain) and ``box`` (w3m).

``col`` is a horizontal position, comparable within one table: the centre of a word, measured in
display cells (CJK wide characters count two) when the text was laid out by display width
(pandoc's dashed rules, box drawing), in characters otherwise (pdftotext -layout places glyphs
one character each). The parser maps numbers to columns by nearest position, so a blank cell
does not shift its neighbours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import accumulate

from ._base import FastCell, FastRow, TokenRow, public_rows
from ._flat import iter_lines, split_words, words_to_cells
from ._registry import register_tokenizer

__all__ = ["BoxTokenizer", "FixedTokenizer", "display_width"]

_new = tuple.__new__

_RULE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*")
_GAP_NUMBER = re.compile(r"\S[ \u3000]{2,}[-+]?[0-9]")
_LABEL_NUMBER = re.compile(r"[^\s0-9][ \u3000]+[-+]?[0-9]")
_BOX_CHARS = frozenset("│┃├┤┼┌┐└┘┬┴─━═║╠╣╬╔╗╚╝╦╩+|")
_VBARS = frozenset("│┃║|")
_BORDER = frozenset("─━═┼├┤┌┐└┘┬┴╠╣╬╔╗╚╝╦╩+-=")
_SEPARATOR = re.compile("[" + "".join(sorted(_VBARS)) + "├┤┼┌┐└┘┬┴╠╣╬╔╗╚╝╦╩]")
"""What splits a box-drawing line into segments (one character each)."""
_BORDER_OR_SPACE = "".join(sorted(_BORDER)) + " "
_RULE_GLYPHS = "─━═+-="
"""Border characters that do not split segments."""
_RULE_LINE = _RULE_GLYPHS + " " + "".join(sorted(_VBARS)) + "├┤┼┌┐└┘┬┴╠╣╬╔╗╚╝╦╩"
"""What a border line is made of: separators, border glyphs and spaces."""
_BOX_START = re.compile("[" + "".join(sorted(_BOX_CHARS - set("|+-"))) + "]")
_ASCII_GRID = re.compile(r"^[ \t]*\+(?:[-=]{2,}\+)+[ \t]*$", re.M)
"""A border line of an ASCII grid table (reStructuredText, pandoc grid tables)."""


class _Widths(dict[str, int]):
    """Display width of a character, memoised (bounded: hostile text may hold many)."""

    def __missing__(self, ch: str) -> int:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if len(self) < 65536:
            self[ch] = w
        return w


_WIDTHS = _Widths()


def _wide(ch: str) -> int:
    return _WIDTHS[ch]


def display_width(s: str) -> int:
    """Display cells of ``s`` (wide characters count two).

    >>> display_width("规章 0")
    6
    """
    if s.isascii():
        return len(s)
    return sum(map(_WIDTHS.__getitem__, s))


def _prefix_widths(line: str) -> list[int]:
    if line.isascii():
        return list(range(len(line) + 1))
    return list(accumulate(map(_WIDTHS.__getitem__, line), initial=0))


class FixedTokenizer:
    """Words split on spaces; each number is a cell with its horizontal position."""

    name = "fixed"

    def sniff(self, text: str) -> float:
        """High when numbers are separated from the text before them by wide gaps."""
        if "\t" in text or ("---" not in text and _GAP_NUMBER.search(text) is None):
            return 0.0  # no rule and no gapped number on any line (neither spans a line break)
        total = gapped = rules = labelled = 0
        for _, _, line in iter_lines(text):
            if not line.strip():
                continue
            total += 1
            if _RULE.fullmatch(line):
                rules += 1
            elif _GAP_NUMBER.search(line):
                gapped += 1
            elif _LABEL_NUMBER.search(line):
                labelled += 1  # a label then numbers, no wide gap anywhere
        if total == 0:
            return 0.0
        score = gapped / total * 1.6 + (0.3 if rules else 0.0)
        if gapped and not labelled:
            # a mostly blank table: few lines hold numbers, but every one keeps wide gaps
            score = max(score, 0.8)
        return min(0.9, score)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """One row per non-empty line; ``col`` is each word's centre."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        by_width = any(_RULE.fullmatch(ln) for _, _, ln in iter_lines(text))
        out: list[FastRow] = []
        for lineno, off, line in iter_lines(text):
            if not line.strip() or _RULE.fullmatch(line):
                continue
            spans = split_words(line)
            if by_width:
                pw = _prefix_widths(line)
                cols = [(pw[a] + pw[b]) / 2 for a, b in spans]
            else:
                cols = [(a + b) / 2 for a, b in spans]
            out.append(
                FastRow(tuple(words_to_cells(line, lineno, off, spans, cols, gap=2)), lineno)
            )
        return out


class BoxTokenizer:
    """Box-drawing tables: cells between vertical bars, rows between horizontal borders.

    Text of a cell wrapped over several lines inside one row is joined; ``col`` is the display
    column where the cell starts, so cells of one grid column share it.
    """

    name = "box"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines that start with a box-drawing character.

        In an ASCII grid (``+---+`` borders, ``|`` cells) lines starting with ``|`` or ``+``
        count too.
        """
        ascii_grid = ("+-" in text or "+=" in text) and len(_ASCII_GRID.findall(text)) >= 2
        if not ascii_grid and _BOX_START.search(text) is None:
            return 0.0
        total = boxed = 0
        for _, _, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            total += 1
            if s[0] in _BOX_CHARS and ((ascii_grid and s[0] in "|+") or s[0] not in "|+-"):
                boxed += 1
        if total == 0:
            return 0.0
        return min(0.97, 1.5 * boxed / total)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Rows of cells; a cell's text joins its lines within the row."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        block: dict[int, list[tuple[int, int, int, str]]] = {}
        empty_at: dict[int, tuple[int, int]] = {}
        block_line = 0

        def flush() -> None:
            if not block:
                return
            cells: list[FastCell] = []
            for col in sorted(block):
                parts = block[col]
                if not parts:
                    ln, pos = empty_at[col]
                    cells.append(_new(FastCell, ("", ln, pos, pos, float(col), 1)))
                    continue
                txt = "".join(p[3] for p in parts)
                first = parts[0]
                last = parts[-1]
                cells.append(_new(FastCell, (txt, first[0], first[1], last[2], float(col), 1)))
            out.append(FastRow(tuple(cells), block_line))
            block.clear()
            empty_at.clear()

        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s:
                flush()
                continue
            if s[0] not in _BOX_CHARS:
                flush()
                a = off + line.index(s[0])
                out.append(FastRow((_new(FastCell, (s, lineno, a, a + len(s), None, 1)),), lineno))
                continue
            if not line.strip(_RULE_LINE) and any(c in line for c in _RULE_GLYPHS):
                # a border line: every segment is blank or a border (the loop below would find
                # has_border and no text)
                flush()
                continue
            pw = _prefix_widths(line)
            # split into segments between vertical bars / border glyphs
            has_border = False
            segs: list[tuple[int, int]] = []
            prev = -1
            for m in _SEPARATOR.finditer(line):
                p = m.start()
                if prev >= 0 or p > 0:
                    segs.append((prev + 1, p))
                prev = p
            if prev + 1 < len(line):
                segs.append((prev + 1, len(line)))
            text_segs: list[tuple[int, str, str]] = []
            for a, b in segs:
                body = line[a:b]
                st = body.strip()
                if st and not body.strip(_BORDER_OR_SPACE) and (len(st) > 2 or not st.isascii()):
                    # a lone ``-`` or ``=`` is a cell's text (a null marker), not a border
                    has_border = True
                else:
                    text_segs.append((a, body, st))
            if has_border and not any(t[2] for t in text_segs):
                flush()
                continue
            if has_border:
                # a partial border: cells left of it belong to a vertically merged cell
                flush()
            if not block:
                block_line = lineno
            for a, body, st in text_segs:
                col = pw[a]
                if not st:
                    block.setdefault(col, [])
                    empty_at.setdefault(col, (lineno, off + a))
                    continue
                i0 = a + body.index(st[0])
                block.setdefault(col, []).append((lineno, off + i0, off + i0 + len(st), st))
            if has_border:
                flush()
        flush()
        return out


fixed = register_tokenizer(FixedTokenizer())
box = register_tokenizer(BoxTokenizer())
