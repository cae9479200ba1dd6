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
from operator import itemgetter

from .._numbers import MISS, NUMBER_CACHE, parse_number
from ._base import FastCell, FastRow, TokenRow, public_rows
from ._flat import count_nonblank, iter_lines, line_table, nonblank_lines
from ._registry import register_tokenizer

__all__ = ["BoxTokenizer", "FixedTokenizer", "display_width"]

_first = itemgetter(0)

_RULE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*")
# What the ``fixed`` sniff looks for on a line: a number after a wide gap, a number after a label.
_GAP_NUMBER = re.compile(r"\S[ \u3000]{2,}[-+]?[0-9]")
_LABEL_NUMBER = re.compile(r"[^\s0-9][ \u3000]+[-+]?[0-9]")
# The forms it scans a whole text with (neither pattern above spans a line break):
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters ``str.splitlines`` breaks lines at."""
_GAP_LINE_REVERSED = re.compile("[0-9][-+]? {2,}\\S[^" + _BREAKS + "]*")
"""``_GAP_NUMBER`` read backwards, on reversed text whose ``\\u3000`` are spaces, and the rest of
the line: one match per line holding a gapped number. A digit starts it, so ``re`` tries it at
the digits only (a forward form must try every space of a layout's long runs of spaces)."""
_NUMBER_AFTER_REVERSED = re.compile("[0-9][-+]?(?: +[^\\s0-9]| {2,}\\S)[^" + _BREAKS + "]*")
"""``_LABEL_NUMBER`` or ``_GAP_NUMBER`` read backwards, on reversed text whose ``\\u3000`` are
spaces, and the rest of the line: one match per line holding either (a digit starts it, so ``re``
skips to the digits)."""
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
_BOX_FIRST = _BOX_CHARS - set("|+")
"""The box-drawing characters: a line starting with one counts for the ``box`` sniff (in
an ASCII grid every ``_BOX_CHARS`` character does, ``|`` and ``+`` too)."""
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
        """High when numbers are separated from the text before them by wide gaps.

        The score counts non-blank lines: those with a gapped number (``_GAP_NUMBER``), whether
        any is a dashed rule, and whether any other line has a number after a label
        (``_LABEL_NUMBER``). Neither pattern spans a line break, so the lines holding a match are
        counted by one scan of the whole text each.
        """
        if "\t" in text:
            return 0.0
        spaced = text.replace("\u3000", " ") if "\u3000" in text else text
        backwards = spaced[::-1]
        gapped = len(_GAP_LINE_REVERSED.findall(backwards))
        dashes = "---" in text
        if not gapped and not dashes:
            return 0.0  # no rule and no gapped number on any line
        total = count_nonblank(text)
        if total == 0:
            return 0.0
        rules = dashes and _has_rule(text)
        score = gapped / total * 1.6 + (0.3 if rules else 0.0)
        if gapped and score < 0.8 and len(_NUMBER_AFTER_REVERSED.findall(backwards)) == gapped:
            # a mostly blank table: few lines hold numbers, but every one keeps wide gaps (no
            # line has a number after a label without a gapped one)
            score = 0.8
        return min(0.9, score)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """One row per non-empty line; ``col`` is each word's centre."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form).

        Each line's words go through the rule of :func:`._flat.words_to_cells` with ``gap=2``
        (inlined: a number word is a cell, runs of other words are joined into one label, split
        where two or more spaces separate them).
        """
        table = line_table(text)
        by_width = "---" in text and _has_rule(text)
        out: list[FastRow] = []
        get = NUMBER_CACHE.get
        for lineno, off, line in table:
            words = line.split()  # the words of ``\S+`` (``split`` cuts at the same spaces)
            if not words or (by_width and _RULE.fullmatch(line)):
                continue
            pw = _prefix_widths(line) if by_width and not line.isascii() else None
            cells: list[FastCell] = []
            add = cells.append
            run_start = run_end = -1  # the label run being joined (offsets in ``line``)
            run_col = 0.0
            b = 0
            for word in words:
                a = line.find(word, b)  # only spaces lie between ``b`` and the word
                b = a + len(word)
                col = (a + b) / 2 if pw is None else (pw[a] + pw[b]) / 2
                tok = get(word, MISS)
                if tok is MISS:
                    tok = parse_number(word)
                if tok is None:  # a label word: joins the run unless a wide gap ends it
                    if run_start < 0:
                        run_start, run_col = a, col
                    elif a - run_end >= 2:
                        label = line[run_start:run_end]
                        add((label, lineno, off + run_start, off + run_end, run_col, 1))
                        run_start, run_col = a, col
                    run_end = b
                    continue
                if run_start >= 0:
                    label = line[run_start:run_end]
                    add((label, lineno, off + run_start, off + run_end, run_col, 1))
                    run_start = -1
                add((word, lineno, off + a, off + b, col, 1))
            if run_start >= 0:
                label = line[run_start:run_end]
                add((label, lineno, off + run_start, off + run_end, run_col, 1))
            out.append((tuple(cells), lineno))
        return out


def _has_rule(text: str) -> bool:
    """Whether a line of ``text`` is a dashed rule (``---  ----``)."""
    return any(_RULE.fullmatch(ln) for _, _, ln in line_table(text) if "---" in ln)


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
        lines = nonblank_lines(text)
        firsts = set(map(_first, lines))
        if firsts.isdisjoint(_BOX_CHARS):
            return 0.0  # no line starts with a box-drawing character (nor ``|`` or ``+``)
        ascii_grid = ("+-" in text or "+=" in text) and len(_ASCII_GRID.findall(text)) >= 2
        counted = _BOX_CHARS if ascii_grid else _BOX_FIRST
        if firsts.isdisjoint(counted):
            return 0.0
        boxed = sum(1 for s in lines if s[0] in counted)
        return min(0.97, 1.5 * boxed / len(lines))

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
                    cells.append(("", ln, pos, pos, float(col), 1))
                    continue
                txt = "".join(p[3] for p in parts)
                first = parts[0]
                last = parts[-1]
                cells.append((txt, first[0], first[1], last[2], float(col), 1))
            out.append((tuple(cells), block_line))
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
                out.append((((s, lineno, a, a + len(s), None, 1),), lineno))
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
