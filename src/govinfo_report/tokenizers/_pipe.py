"""Tokenizer for one cell per line, each line ending in `` |``; lines of ``|`` alone end a row.

This is what some HTML-to-text converters print for a table: ``规章 |`` then ``0 |`` ... and a
line of pipes (``||``) closing the row. ``col`` is the cell's index within its row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._base import COL, END, LINE, SPAN, START, TEXT, FastCell, FastRow, TokenRow, public_rows
from ._flat import iter_lines, line_table, nonblank_lines
from ._registry import register_tokenizer

__all__ = ["AsciidocTokenizer", "PipeTokenizer", "WikiTokenizer"]


_BORDERED = re.compile(r"\n\|+[^|\n][^\n]*\|(?=\n)")
"""A line (after a line break) starting and ending with a pipe and holding more than pipes: a
markdown row, which the ``pipe`` sniff does not count. Tried only at a break then a pipe, and each
line is read once."""


class PipeTokenizer:
    """``cell |`` lines grouped into rows by ``|``-only lines."""

    name = "pipe"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines ending in `` |`` (markdown rows starting with | excluded).

        Counted on the stripped non-blank lines joined by line breaks (no such line holds one):
        the lines ending in a pipe, less those starting with one that hold more than pipes.
        """
        if "|" not in text:
            return 0.0
        lines = nonblank_lines(text)
        if not lines:
            return 0.0
        joined = "\n" + "\n".join(lines) + "\n"
        hits = joined.count("|\n") - len(_BORDERED.findall(joined))
        return min(0.95, 1.3 * hits / len(lines))

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Rows of cells; a line without a trailing pipe is a row of one cell."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        cur: list[FastCell] = []
        add = cur.append
        for lineno, off, line in line_table(text):
            s = line.strip()
            if not s:
                continue
            # ``a``: where ``s`` starts (``line`` starts with ``s[0]`` unless it has leading spaces)
            if s[-1] != "|":  # (so not a rule either)
                if cur:
                    out.append((tuple(cur), cur[0][LINE]))
                    cur.clear()
                a = off if line[0] == s[0] else off + line.index(s[0])
                out.append((((s, lineno, a, a + len(s), None, 1),), lineno))
                continue
            if s[0] == "|" and not s.strip("|"):  # a rule: pipes alone (so starting with one)
                if s == "|" and line[0].isspace():
                    # `` |`` is an empty cell; row-ending rules never start with a space
                    a = off + line.index("|")
                    add(("", lineno, a, a, float(len(cur)), 1))
                    continue
                if cur:
                    out.append((tuple(cur), cur[0][LINE]))
                    cur.clear()
                continue
            body = s[:-1].rstrip()  # (``s`` has no leading space)
            a = off if line[0] == s[0] else off + line.index(s[0])
            add((body, lineno, a, a + len(body), float(len(cur)), 1))
        if cur:
            out.append((tuple(cur), cur[0][LINE]))
        return out


_COLSPAN = re.compile(r"""colspan\s*=\s*["']?([0-9]{1,3})""", re.I)


def _wiki_cells(line: str, off: int) -> list[tuple[str, int, int, int]]:
    """``(text, start, end, span)`` of the cells of a wiki table line (``| a || b``)."""
    s = line.rstrip()
    lead = len(line) - len(line.lstrip())
    sep = "!!" if s[lead] == "!" else "||"
    out: list[tuple[str, int, int, int]] = []
    pos = lead + 1
    while True:
        nxt = s.find(sep, pos)
        if nxt < 0 and sep == "!!":
            nxt = s.find("||", pos)
        end = len(s) if nxt < 0 else nxt
        part = s[pos:end]
        span = 1
        bar = part.find("|")
        if bar >= 0 and "=" in part[:bar] and "[" not in part[:bar]:
            # ``colspan="2" | text``: attributes before a single bar
            m = _COLSPAN.search(part, 0, bar)
            if m:
                span = max(1, int(m.group(1)))
            pos += bar + 1
            part = part[bar + 1 :]
        body = part.strip()
        a = off + pos + (part.index(body[0]) if body else 0)
        out.append((body, a, a + len(body), span))
        if nxt < 0:
            return out
        pos = nxt + 2


class WikiTokenizer:
    """MediaWiki tables (pandoc ``-t mediawiki``): ``{|`` opens, ``|-`` ends a row, ``|}`` closes.

    A cell is a line starting with ``|`` (``!`` for a header cell), or several on one line
    separated by ``||``; ``attrs | text`` keeps the text (a ``colspan`` widens the cell). ``col``
    is the grid index within the row; a line inside a table not starting with a bar continues the
    previous cell.
    """

    name = "wiki"

    def sniff(self, text: str) -> float:
        """Share of non-empty lines that are wiki table syntax (0 without a ``|-`` row rule)."""
        if "|-" not in text:
            return 0.0
        total = hits = rules = 0
        for _, _, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            total += 1
            if s.startswith(("{|", "|}", "|-")):
                hits += 1
                rules += s.startswith("|-") and not s.strip("|-")
            elif (s[0] in "|!" and not s.endswith("|")) or s == "|":
                hits += 1
        if total == 0 or rules == 0:
            return 0.0
        return min(0.96, 1.3 * hits / total)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Rows of cells, one per ``|-``-delimited row."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        cur: list[FastCell] = []
        col = 0
        in_table = False

        def flush() -> None:
            nonlocal cur, col
            if cur:
                out.append((tuple(cur), cur[0][LINE]))
            cur = []
            col = 0

        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            if s.startswith(("{|", "|}", "|-")):
                flush()
                in_table = not s.startswith("|}")
                continue
            if in_table and s[0] in "|!" and not s.startswith("|+"):
                for body, a, b, span in _wiki_cells(line, off):
                    cur.append((body, lineno, a, b, float(col), 1))
                    col += span
                continue
            if in_table and cur and not s.startswith("|+"):
                last = cur[-1]
                joined = last[TEXT] + s if last[TEXT] else s
                a = last[START] if last[TEXT] else off + line.index(s[0])
                cur[-1] = (joined, last[LINE], a, off + len(line.rstrip()), last[COL], 1)
                continue
            flush()
            body = s.removeprefix("|+").strip() or s
            a = off + line.index(body[0])
            cell = (body, lineno, a, a + len(body), None, 1)
            out.append(((cell,), lineno))
        flush()
        return out


_ADOC_COLS = re.compile(r"""\[\s*cols\s*=\s*"([^"\]]{0,400})""")
_ADOC_SPEC = re.compile(r"[0-9.]*[+*]?[a-z]?")


class AsciidocTokenizer:
    """AsciiDoc tables (pandoc ``-t asciidoc``): ``|===`` opens and closes a table, each cell
    starts with ``|``; a row may wrap over several lines and rows are separated by blank lines
    (or each fills the ``[cols=...]`` count). ``col`` is the cell's index in its row. A line
    not starting with ``|`` continues the cell before it, or after a blank line is a one-cell
    row (a table region need not hold the ``|===`` lines)."""

    name = "asciidoc"

    def sniff(self, text: str) -> float:
        """High when the text holds ``|===`` table delimiters and most lines are cells."""
        if "|===" not in text:
            return 0.0
        total = hits = delims = 0
        for _, _, line in iter_lines(text):
            s = line.strip()
            if not s:
                continue
            total += 1
            if s == "|===":
                delims += 1
            if s.startswith(("|", "[cols")):
                hits += 1
        if delims < 2 or total == 0:
            return 0.0
        return min(0.98, 0.3 + hits / total)

    def tokenize(self, text: str) -> Sequence[TokenRow]:
        """Rows of cells; lines outside tables are one-cell rows."""
        return public_rows(self._rows(text))

    def _rows(self, text: str) -> Sequence[FastRow]:
        """:meth:`tokenize` with :class:`FastCell` cells (the parser's internal form)."""
        out: list[FastRow] = []
        cur: list[FastCell] = []
        ncols = 0

        def flush() -> None:
            nonlocal cur
            if cur:
                step = len(cur)
                if ncols and step > ncols and step % ncols == 0:
                    step = ncols
                for k in range(0, len(cur), step):
                    chunk: list[FastCell] = [
                        (c[TEXT], c[LINE], c[START], c[END], float(j), c[SPAN])
                        for j, c in enumerate(cur[k : k + step])
                    ]
                    out.append((tuple(chunk), chunk[0][LINE]))
            cur = []

        for lineno, off, line in iter_lines(text):
            s = line.strip()
            if not s or s == "|===":
                flush()
                continue
            if not s.startswith("|") and not cur:
                m = _ADOC_COLS.match(s)
                if m:
                    ncols = m.group(1).count(",") + 1
                    continue
                a = off + line.index(s[0])
                row = ((s, lineno, a, a + len(s), None, 1),)
                out.append((row, lineno))
                continue
            bars = [k for k, ch in enumerate(line) if ch == "|" and (k == 0 or line[k - 1] != "\\")]
            if not bars or (line[: bars[0]].strip() and not _ADOC_SPEC.fullmatch(line[: bars[0]])):
                if cur:  # a cell's text continued on the next line
                    last = cur[-1]
                    end = off + len(line.rstrip())
                    cur[-1] = (last[TEXT] + s, last[LINE], last[START], end, last[COL], last[SPAN])
                continue
            for j, b in enumerate(bars):
                e = bars[j + 1] if j + 1 < len(bars) else len(line)
                part = line[b + 1 : e]
                body = part.strip()
                a = off + b + 1 + (part.index(body[0]) if body else 0)
                cur.append((body, lineno, a, a + len(body), 0.0, 1))
        flush()
        return out


pipe = register_tokenizer(PipeTokenizer())
adoc = register_tokenizer(AsciidocTokenizer())
wiki = register_tokenizer(WikiTokenizer())
