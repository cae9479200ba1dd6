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

from ._base import Cell, TokenRow
from ._flat import iter_lines, split_words, words_to_cells
from ._registry import register_tokenizer

__all__ = ["BoxTokenizer", "FixedTokenizer", "display_width"]

_RULE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*")
_GAP_NUMBER = re.compile(r"\S[ \u3000]{2,}[-+]?[0-9]")
_LABEL_NUMBER = re.compile(r"[^\s0-9][ \u3000]+[-+]?[0-9]")
_BOX_CHARS = frozenset("│┃├┤┼┌┐└┘┬┴─━═║╠╣╬╔╗╚╝╦╩+|")
_VBARS = frozenset("│┃║|")
_BORDER = frozenset("─━═┼├┤┌┐└┘┬┴╠╣╬╔╗╚╝╦╩+-")
_BOX_START = re.compile("[" + "".join(sorted(_BOX_CHARS - set("|+-"))) + "]")


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
        by_width = any(_RULE.fullmatch(ln) for _, _, ln in iter_lines(text))
        out: list[TokenRow] = []
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
                TokenRow(
                    cells=tuple(words_to_cells(line, lineno, off, spans, cols, gap=2)), line=lineno
                )
            )
        return out


class BoxTokenizer:
    """Box-drawing tables: cells between vertical bars, rows between horizontal borders.

    Text of a cell wrapped over several lines inside one row is joined; ``col`` is the display
    column where the cell starts, so cells of one grid column share it.
    """

    name = "box"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines that start with a box-drawing character."""
        if _BOX_START.search(text) is None:
            return 0.0
        total = boxed = 0
        for _, _, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            total += 1
            if s[0] in _BOX_CHARS and s[0] not in "|+-":
                boxed += 1
        if total == 0:
            return 0.0
        return min(0.97, 1.5 * boxed / total)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Rows of cells; a cell's text joins its lines within the row."""
        out: list[TokenRow] = []
        block: dict[int, list[tuple[int, int, int, str]]] = {}
        empty_at: dict[int, tuple[int, int]] = {}
        block_line = 0

        def flush() -> None:
            if not block:
                return
            cells: list[Cell] = []
            for col in sorted(block):
                parts = block[col]
                if not parts:
                    ln, pos = empty_at[col]
                    cells.append(Cell(text="", line=ln, start=pos, end=pos, col=float(col)))
                    continue
                txt = "".join(p[3] for p in parts)
                first = parts[0]
                last = parts[-1]
                cells.append(
                    Cell(text=txt, line=first[0], start=first[1], end=last[2], col=float(col))
                )
            out.append(TokenRow(cells=tuple(cells), line=block_line))
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
                out.append(
                    TokenRow(
                        cells=(Cell(text=s, line=lineno, start=a, end=a + len(s)),), line=lineno
                    )
                )
                continue
            pw = _prefix_widths(line)
            # split into segments between vertical bars / border glyphs
            seg_start = -1
            has_border = False
            segs: list[tuple[int, int]] = []
            for i, ch in enumerate(line):
                if ch in _VBARS or ch in "├┤┼┌┐└┘┬┴╠╣╬╔╗╚╝╦╩":
                    if seg_start >= 0:
                        segs.append((seg_start, i))
                    seg_start = i + 1
                elif seg_start < 0:
                    seg_start = i
            if seg_start >= 0 and seg_start < len(line):
                segs.append((seg_start, len(line)))
            text_segs: list[tuple[int, int]] = []
            for a, b in segs:
                body = line[a:b]
                if body.strip() and all(c in _BORDER or c == " " for c in body):
                    has_border = True
                else:
                    text_segs.append((a, b))
            if has_border and not any(line[a:b].strip() for a, b in text_segs):
                flush()
                continue
            if has_border:
                # a partial border: cells left of it belong to a vertically merged cell
                flush()
            if not block:
                block_line = lineno
            for a, b in text_segs:
                body = line[a:b]
                st = body.strip()
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
