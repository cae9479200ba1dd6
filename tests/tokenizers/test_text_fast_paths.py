"""The fast paths of the text tokenizers agree with their plain per-line definitions.

The ``spec_*`` functions below are the straightforward implementations the tokenizers had before
their sniffs learned whole-text rejects and counts and their ``_rows`` shared per-region work:
each reads one line at a time. On any text the tokenizers must give exactly what they give.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import accumulate, count

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govinfo_report._parse  # noqa: F401  (importing the parser registers the built-ins)
from govinfo_report._numbers import parse_number
from govinfo_report.tokenizers import _fixed, _markdown
from govinfo_report.tokenizers._base import FastCell, FastRow
from govinfo_report.tokenizers._flat import line_table, split_words, words_to_cells
from govinfo_report.tokenizers._registry import get_tokenizer

MARKDOWN = get_tokenizer("markdown")
FIXED = get_tokenizer("fixed")
BOX = get_tokenizer("box")
PIPE = get_tokenizer("pipe")
TAB = get_tokenizer("tab")
PARAGRAPHS = get_tokenizer("paragraphs")
LINES = get_tokenizer("lines")
FLAT = get_tokenizer("flat")


def _texts(pieces: Sequence[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_BREAKS = ["\n", "\n", "\r\n", "\r", "\x0b", "\x1c", "\x85", "\u2028"]
_PIPE_TEXT = _texts(
    ["|", "|", "||", " ", "  ", "\t", "\\", "\\|", "a", "12", "-", "---", ":", "\u3000", "\x0c",
     "| --- |", "---|---", " |", "| ", *_BREAKS]
)  # fmt: skip
_FIXED_TEXT = _texts(
    ["0", "12", "3.5", "1,234", "-", "+", " ", "  ", "     ", "\u3000", "\u3000\u3000", "a",
     "规章", "（一）", "1.属于", "---", "--- ---", "\t", *_BREAKS]
)  # fmt: skip
_BOX_TEXT = _texts(
    ["│", "┃", "├", "┤", "┼", "─", "━", "═", "║", "+", "-", "=", "|", "+-", "+=", "+---+",
     "+===+", " ", "a", "12", "规章", *_BREAKS]
)  # fmt: skip
_PARAGRAPH_TEXT = _texts(["12", "0", "-", "规章", "a b", " ", "\t", "\n", "\n", "\n", "\r\n"])


# -- the specification: per-line definitions ---------------------------------------------------


def spec_line_table(text: str) -> tuple[tuple[int, int, str], ...]:
    offsets = accumulate(map(len, text.splitlines(keepends=True)), initial=0)
    return tuple(zip(count(1), offsets, text.splitlines(), strict=False))


def spec_md_is_row(s: str) -> bool:
    if "|" not in s:
        return False
    if "\\" in s:
        pipes = [m.start() for m in _markdown._PIPE.finditer(s)]
        if not pipes:
            return False
        first, last, many = pipes[0], pipes[-1], len(pipes) > 1
    else:
        first, last = s.find("|"), s.rfind("|")
        many = first != last
    if _markdown._ONLY_PIPES.fullmatch(s):
        return False
    stripped = s.strip()
    if len(stripped) >= 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped[-2] != "\\":
        return True
    return bool(s[last + 1 :].strip()) or (many and bool(s[:first].strip()))


def spec_md_is_delimiter(s: str) -> bool:
    return "-" in s and "|" in s and _markdown._DELIMITER.fullmatch(s) is not None


def _md_bodies(text: str) -> list[str]:
    return [r[:-1] if r.endswith("\r") else r for r in text.split("\n")]


def spec_md_sniff(text: str) -> float:
    nonblank = rows = delims = 0
    for s in _md_bodies(text):
        if not s.strip():
            continue
        nonblank += 1
        if spec_md_is_delimiter(s):
            delims += 1
        elif spec_md_is_row(s):
            rows += 1
    if not nonblank or not rows:
        return 0.0
    ratio = (rows + delims) / nonblank
    return min(1.0, 0.5 + 0.5 * ratio) if delims else 0.7 * ratio


def spec_md_rows(text: str) -> tuple[FastRow, ...]:
    raws = text.split("\n")
    starts = list(accumulate([len(r) + 1 for r in raws], initial=0))
    lines = [(b, starts[i], i + 1) for i, b in enumerate(_md_bodies(text))]
    blocks: list[list[tuple[str, int, int]]] = [[]]
    for line in lines:
        if line[0].strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    out: list[FastRow] = []
    for block in blocks:
        rows_idx = [i for i, ln in enumerate(block) if spec_md_is_row(ln[0])]
        if not rows_idx:
            continue
        lone = {
            i
            for i, ln in enumerate(block)
            if i > 0 and i + 1 in rows_idx and _markdown._LONE_RULE.fullmatch(ln[0])
        }
        delims = sorted({i for i, ln in enumerate(block) if spec_md_is_delimiter(ln[0])} | lone)
        first = rows_idx[0]
        if delims:
            first = min(first, max(delims[0] - 1, 0))
        if delims and delims[0] not in lone:
            outer = block[delims[0]][0].lstrip().startswith("|")
        else:
            bordered = sum(
                1
                for i in rows_idx
                if block[i][0].strip().startswith("|") and block[i][0].strip().endswith("|")
            )
            outer = bordered * 2 > len(rows_idx)
        for i in range(first, len(block)):
            if i in lone or (delims and i == delims[0]):
                continue
            s, start, number = block[i]
            bounds = [-1, *(m.start() for m in _markdown._PIPE.finditer(s)), len(s)]
            segs = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
            if outer and len(segs) > 1:
                if not s[: segs[0][1]].strip():
                    segs = segs[1:]
                if len(segs) > 1 and not s[segs[-1][0] :].strip():
                    segs = segs[:-1]
            cells = tuple(
                (s[a:b].replace("\\|", "|").strip(), number, start + a, start + b, col, 1)
                for col, (a, b) in enumerate(segs)
            )
            out.append((cells, number))
    return tuple(out)


def spec_fixed_sniff(text: str) -> float:
    if "\t" in text:
        return 0.0
    total = gapped = rules = labelled = 0
    for _, _, line in spec_line_table(text):
        if not line.strip():
            continue
        total += 1
        if _fixed._RULE.fullmatch(line):
            rules += 1
        elif _fixed._GAP_NUMBER.search(line):
            gapped += 1
        elif _fixed._LABEL_NUMBER.search(line):
            labelled += 1
    if total == 0:
        return 0.0
    score = gapped / total * 1.6 + (0.3 if rules else 0.0)
    if gapped and not labelled:
        score = max(score, 0.8)
    return min(0.9, score)


def spec_fixed_rows(text: str) -> list[FastRow]:
    table = spec_line_table(text)
    by_width = any(_fixed._RULE.fullmatch(ln) for _, _, ln in table)
    out = []
    for lineno, off, line in table:
        if not line.strip() or _fixed._RULE.fullmatch(line):
            continue
        spans = split_words(line)
        if by_width:
            pw = _fixed._prefix_widths(line)
            cols = [(pw[a] + pw[b]) / 2 for a, b in spans]
        else:
            cols = [(a + b) / 2 for a, b in spans]
        cells = words_to_cells(line, lineno, off, spans, cols, gap=2)
        out.append((tuple(cells), lineno))
    return out


_BOX_START = re.compile("[" + "".join(sorted(_fixed._BOX_CHARS - set("|+-"))) + "]")


def spec_box_sniff(text: str) -> float:
    grid = ("+-" in text or "+=" in text) and len(_fixed._ASCII_GRID.findall(text)) >= 2
    if not grid and _BOX_START.search(text) is None:
        return 0.0
    total = boxed = 0
    for _, _, line in spec_line_table(text):
        s = line.strip()
        if not s:
            continue
        total += 1
        if s[0] in _fixed._BOX_CHARS and ((grid and s[0] in "|+") or s[0] not in "|+-"):
            boxed += 1
    return min(0.97, 1.5 * boxed / total) if total else 0.0


def spec_pipe_sniff(text: str) -> float:
    total = hits = 0
    for _, _, line in spec_line_table(text):
        s = line.strip()
        if not s:
            continue
        total += 1
        if s.endswith("|") and (not s.startswith("|") or not s.strip("|")):
            hits += 1
    return min(0.95, 1.3 * hits / total) if total else 0.0


def spec_pipe_rows(text: str) -> list[FastRow]:
    out: list[FastRow] = []
    cur: list[FastCell] = []
    for lineno, off, line in spec_line_table(text):
        s = line.strip()
        if not s:
            continue
        if not s.strip("|"):
            if s == "|" and line[:1].isspace():
                a = off + line.index("|")
                cur.append(("", lineno, a, a, float(len(cur)), 1))
                continue
            if cur:
                out.append((tuple(cur), cur[0][1]))
                cur = []
            continue
        if not s.endswith("|"):
            if cur:
                out.append((tuple(cur), cur[0][1]))
                cur = []
            a = off + line.index(s[0])
            out.append((((s, lineno, a, a + len(s), None, 1),), lineno))
            continue
        body = s[:-1].strip()
        a = off + line.index(s[0])
        cur.append((body, lineno, a, a + len(body), float(len(cur)), 1))
    if cur:
        out.append((tuple(cur), cur[0][1]))
    return out


def spec_tab_sniff(text: str) -> float:
    total = tabbed = 0
    for _, _, line in spec_line_table(text):
        if line.strip():
            total += 1
            tabbed += "\t" in line
    return min(0.95, 1.5 * tabbed / total) if total else 0.0


def spec_tab_rows(text: str) -> list[FastRow]:
    out = []
    for lineno, off, line in spec_line_table(text):
        if not line.strip():
            continue
        cells, pos = [], 0
        for k, part in enumerate(line.split("\t")):
            cells.append((part, lineno, off + pos, off + pos + len(part), float(k), 1))
            pos += len(part) + 1
        out.append((tuple(cells), lineno))
    return out


def spec_number_line_share(text: str) -> tuple[float, float, int]:
    rows = single = total = 0
    for _, _, line in spec_line_table(text):
        words = line.rsplit(None, 2)
        if not words:
            continue
        total += 1
        if parse_number(words[-1]) is None:
            continue
        if len(words) == 1:
            single += 1
        elif parse_number(words[-2]) is not None:
            rows += 1
    return (rows / total, single / total, total) if total else (0.0, 0.0, 0)


def spec_paragraphs_sniff(text: str) -> float:
    if "\t" in text:
        return 0.0
    blank = [not ln.strip() for _, _, ln in spec_line_table(text)]
    content = blank.count(False)
    if content < 4:
        return 0.0
    around = [True, *blank, True]
    isolated = sum(
        1 for b, c, a in zip(around[:-2], blank, around[2:], strict=True) if b and a and not c
    )
    share = isolated / content
    if share < 0.85:
        return 0.0
    _, single, _ = spec_number_line_share(text)
    return min(0.85, 0.3 + share * single * 1.4)


# -- the tokenizers agree with the specification ------------------------------------------------


def _same(got: object, want: object) -> None:
    """Equal and of the same types throughout (``1 == 1.0``, but a column must stay a float)."""
    assert repr(got) == repr(want)


@settings(max_examples=300)
@given(_PIPE_TEXT | st.text(max_size=60))
@example("\x0b||")
@example("|| \x0b\n| a |")
@example("\u3000 ||")
@example("a ||")
@example("a \t||\n|||")
@example("||\r\r\n||\r\n")
@example("\\||")
@example("|\t|")
@example("x\n---\n| 1 |\n\n| a | b |\n|---|---|\n| 1 | 2 |")
def test_markdown_matches_its_per_line_definition(text: str) -> None:
    """Sniff and rows: the row test per line, blocks at blank lines, the first delimiter."""
    _same(MARKDOWN.sniff(text), spec_md_sniff(text))
    _same(MARKDOWN._rows(text), spec_md_rows(text))  # type: ignore[attr-defined]


@settings(max_examples=500)
@given(_texts(["|", "|", " ", "\t", "\r", "\\", "a", "-", "\u3000", "\x0b"], max_size=12))
@example("\x0b||")
@example("|| \r")
@example(" \u3000 ||")
@example("a ||")
@example("\\||")
def test_markdown_line_kind_and_whole_text_reject(line: str) -> None:
    """The row bit is the per-line row test; a text with a row line is never rejected whole."""
    if "|" in line:
        assert bool(_markdown._kind(line) & _markdown._ROW) == spec_md_is_row(line)
        assert bool(_markdown._kind(line) & _markdown._DELIM) == spec_md_is_delimiter(line)
    for text in (line, "x\n" + line, line + "\r", line + "\r\n", line + "\r\r\ny", line[::-1]):
        if any(spec_md_is_row(s) for s in _md_bodies(text)):
            assert _markdown._may_have_rows(text)


def test_markdown_reject_keeps_seed_003_layout_cheap() -> None:
    """``cell |`` lines and ``|||`` rules (with CRLF too) are rejected without a row test."""
    seed003 = "第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n规章 |\n0 |\n||||||||\n"
    for text in (seed003, seed003.replace("\n", "\r\n")):
        assert not _markdown._may_have_rows(text)
        assert MARKDOWN.sniff(text) == 0.0


@settings(max_examples=300)
@given(_FIXED_TEXT | st.text(max_size=60))
@example("x  1\ny\nz\na 3")  # a labelled line keeps the score low
@example("x  1\ny\nz\nw")  # every number gapped: 0.8
@example("x  1\ny\nz\n1  a 3")
@example("x  1\ny\nz\n5 a")
@example("x\u3000\u30001\ny\nz\na\u30003")
@example("x  -1\ny\nz\na +3\n--- ---")
@example("规章     13\n--- ---\n一二 三\n规章 5")
def test_fixed_matches_its_per_line_definition(text: str) -> None:
    """Sniff counts gapped, labelled and rule lines; rows split words as ``words_to_cells``."""
    _same(FIXED.sniff(text), spec_fixed_sniff(text))
    _same(FIXED._rows(text), spec_fixed_rows(text))  # type: ignore[attr-defined]


@settings(max_examples=300)
@given(_BOX_TEXT | st.text(max_size=40))
@example("+===+\n| a |\n+===+")
@example("+-----+\n| a |\n+-----+")
@example("a │ b")
@example("+ = -")
def test_box_sniff_matches_its_per_line_definition(text: str) -> None:
    """The one-scan reject (box glyph, ``+-`` or ``+=``) changes no score."""
    _same(BOX.sniff(text), spec_box_sniff(text))


@given(_PIPE_TEXT | _texts(["规章 |", "0 |", "||", "|", " |", "a", "\n", "\n", "\r\n", "  "]))
def test_pipe_matches_its_per_line_definition(text: str) -> None:
    """Sniff and rows of ``cell |`` lines."""
    _same(PIPE.sniff(text), spec_pipe_sniff(text))
    _same(PIPE._rows(text), spec_pipe_rows(text))  # type: ignore[attr-defined]


@given(
    _texts(["\t", "\t\t", "a", "12", " ", "\n", "\r\n", "\x0b", "\u3000"]) | st.text(max_size=40)
)
def test_tab_matches_its_per_line_definition(text: str) -> None:
    """Sniff and rows of tab-separated lines."""
    _same(TAB.sniff(text), spec_tab_sniff(text))
    _same(TAB._rows(text), spec_tab_rows(text))  # type: ignore[attr-defined]


@settings(max_examples=300)
@given(_PARAGRAPH_TEXT | _FIXED_TEXT)
@example("1\n\n2\n\n3\n\n4")  # isolated = blank lines + 1
@example("1\n\n2\n\n3\n4")
def test_paragraphs_lines_and_flat_sniffs(text: str) -> None:
    """Paragraphs: too few blank lines for 85% isolated lines is 0 before any line is looked at;
    the number shares of ``lines`` and ``flat`` read the stripped non-blank lines."""
    _same(PARAGRAPHS.sniff(text), spec_paragraphs_sniff(text))
    rows, single, total = spec_number_line_share(text)
    _same(LINES.sniff(text), 0.0 if total == 0 or "\t" in text else min(0.8, single * 1.6))
    _same(FLAT.sniff(text), 0.0 if total == 0 or "\t" in text else min(0.75, 0.2 + rows))


@given(_FIXED_TEXT | _PIPE_TEXT | st.text(max_size=60))
def test_line_table_offsets(text: str) -> None:
    """Line starts counted from line lengths equal those from ``splitlines(keepends=True)``."""
    assert line_table(text) == spec_line_table(text)


# -- the new whole-text patterns stay linear ----------------------------------------------------

_N = 200_000
_HOSTILE = [
    "|" * _N,
    "| " * _N,
    "||" + " " * _N + "|",
    "a" + " " * _N + "||",
    "\u3000" * _N + "||",
    "||" + "\t" * _N + "\x0b",
    "|" + "\r" * _N,
    " " * _N + "1",
    "a" + " " * _N + "b",
    "0" * _N,
    ("0" + " " * 50) * 4_000,
    "0" + " " * _N + "a",
    "1 " * _N,
    "+-" * _N,
    "+" * _N,
    "│" * _N,
    ("规章 |\n|||\n") * 20_000,
    "\n|a" * _N,
    ("|" + "a|" * 500 + "a\n") * 200,
]
_CALLS: list[Callable[[str], object]] = [
    MARKDOWN.sniff,
    MARKDOWN._rows,  # type: ignore[attr-defined]
    FIXED.sniff,
    BOX.sniff,
    PIPE.sniff,
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("text", _HOSTILE, ids=range(len(_HOSTILE)))
def test_whole_text_patterns_are_linear(text: str) -> None:
    """Long runs of the characters the new patterns repeat: no backtracking blow-up (a hang
    fails through pytest-timeout; no timing assertion)."""
    for call in _CALLS:
        assert call(text) is not None
