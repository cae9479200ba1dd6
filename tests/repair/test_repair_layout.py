"""decode on text whose tables are drawn with box-drawing characters (w3m, links, tabulate...).

Layout characters (box drawing, block elements, ｜, ￨) say nothing about a text's language or
encoding; plausibility leaves them out like white space. Scored as symbols (-1.0), they made the
GB18030 reading of a w3m report implausible (about 0.2) and a lossy Big5 reading won; BOM-less
UTF-16 was read with the wrong byte order.
"""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from _repair_corpus import ENCODINGS
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.repair import decode
from govinfo_report.repair._vocab import (
    COMMON,
    PUNCT,
    char_class,
    is_layout,
    plausibility,
    plausibility_for_display,
)
from tests.helpers import SHARED

# every layout character, and a few characters of each other kind
_LAYOUT_CHARS = [chr(code) for code in range(0x2500, 0x25A0)] + ["\uff5c", "\uffe8"]


def _width(text: str) -> int:
    """Display width: wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]], style: str = "┌┬┐├┼┤└┴┘─│") -> str:
    """A table laid out as w3m dumps one: ``style`` gives the corners, joints and lines."""
    tl, tm, tr, ml, mm, mr, bl, bm, br, horizontal, vertical = list(style)
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]

    def rule(left: str, middle: str, right: str) -> str:
        return left + middle.join(horizontal * (w + 2) for w in widths) + right

    lines = [rule(tl, tm, tr)]
    for number, row in enumerate(rows):
        if number:
            lines.append(rule(ml, mm, mr))
        cells = (f" {cell}{' ' * (w - _width(cell))} " for cell, w in zip(row, widths, strict=True))
        lines.append(vertical + vertical.join(cells) + vertical)
    lines.append(rule(bl, bm, br))
    return "\n".join(lines)


_RELEASES = [
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "3"],
    ["行政规范性文件", "2", "0", "5"],
]
_DECISIONS = [
    ["信息内容", "本年处理决定数量"],
    ["行政许可", "1203"],
    ["行政处罚", "26868"],
    ["行政强制", "6209"],
]
# a w3m-like section: a heading and two tables, more than half of its characters box drawing
_W3M = f"二、主动公开政府信息情况\n\n{_table(_RELEASES)}\n{_table(_DECISIONS)}\n"
_W3M_REPORT = (
    "一、总体情况\n\n本年度，我局坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作，"
    "及时回应社会关切。\n\n" + _W3M
)


def test_the_synthetic_section_is_mostly_layout() -> None:
    """The case the tests are about: box drawing outnumbers everything else."""
    chars = "".join(_W3M.split())
    assert sum(map(is_layout, chars)) > len(chars) / 2


@pytest.mark.parametrize("text", [_W3M, _W3M_REPORT], ids=["tables", "report"])
@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_box_drawn_tables_decode_exactly(name: str, text: str) -> None:
    """A w3m-like report decodes exactly, in the right encoding, with no replaced byte."""
    encode, expected = ENCODINGS[name]
    result = decode(encode(text))
    assert (result.text, result.encoding, result.replaced) == (text, expected, ())


def test_gb18030_tables_are_taken_at_the_strict_step() -> None:
    """The strict GB18030 reading is plausible enough to be taken at once, not outvoted."""
    result = decode(_W3M.encode("gb18030"))
    assert result.steps[-1].startswith("strict GB18030, plausibility")
    assert result.confidence >= 0.75


_STYLES = {
    "w3m heavy": "┏┳┓┣╋┫┗┻┛━┃",
    "tabulate fancy_grid": "╒╤╕╞╪╡╘╧╛═│",
    "tabulate double": "╔╦╗╠╬╣╚╩╝═║",
    "tabulate rounded": "╭┬╮├┼┤╰┴╯─│",
    "block elements": "▛▀▜▌█▐▙▄▟▀▌",
    "full-width bars": "｜｜｜｜｜｜｜｜｜－｜",
    "half-width bars": "￨￨￨￨￨￨￨￨￨-￨",
}


@pytest.mark.parametrize("style", sorted(_STYLES))
@pytest.mark.parametrize("codec", ["gb18030", "utf-16-le", "utf-16-be"])
def test_other_drawing_styles(style: str, codec: str) -> None:
    """Tables drawn by other renderers and in other styles decode exactly too."""
    text = _table(_RELEASES, _STYLES[style]) + "\n" + _table(_DECISIONS, _STYLES[style]) + "\n"
    result = decode(text.encode(codec))
    assert (result.text, result.encoding, result.replaced) == (text, codec, ())


_TRADITIONAL = [
    ["資訊內容", "本年製發件數", "本年廢止件數", "現行有效件數"],
    ["規章", "0", "0", "3"],
    ["行政規範性文件", "2", "0", "5"],
]


@pytest.mark.parametrize("codec", ["big5", "utf-16-le", "utf-16-be"])
def test_traditional_box_drawn_table(codec: str) -> None:
    """A Big5 table with box drawing is Big5 (box drawing read as GB18030 is not plausible)."""
    text = "二、主動公開政府資訊情況\n\n" + _table(_TRADITIONAL) + "\n"
    result = decode(text.encode(codec))
    assert (result.text, result.encoding, result.replaced) == (text, codec, ())


def test_layout_characters() -> None:
    """Box drawing, block elements, ｜ and ￨: none of them common or punctuation."""
    assert all(map(is_layout, _LAYOUT_CHARS))
    assert not any(map(is_layout, "|-+=_#*政，。（）—－·\u2400\u25a0\u25a1\uff5b\uff5d"))
    assert not is_layout("──")
    assert all(char_class(c) not in (COMMON, PUNCT) for c in _LAYOUT_CHARS)


_TEXT = st.text(st.sampled_from(list("政府年A1，。鍙鏀Ãé€\ufffd\x01 \n\u3000\t")), max_size=40)
_LAYOUT = st.text(st.sampled_from(_LAYOUT_CHARS), max_size=40)


@given(st.lists(st.tuples(_TEXT, _LAYOUT), max_size=6))
def test_layout_characters_do_not_change_plausibility(pieces: list[tuple[str, str]]) -> None:
    """Layout characters anywhere in a text leave its plausibility exactly as it was."""
    plain = "".join(text for text, _ in pieces)
    drawn = "".join(text + layout for text, layout in pieces)
    assert plausibility(drawn) == plausibility(plain)
    assert plausibility_for_display(drawn) == plausibility_for_display(plain)


def test_nothing_but_layout_scores_zero() -> None:
    """A text of layout characters and spaces has nothing to score: 0.0, like an empty text."""
    text = _table([["", ""], ["", ""]])
    assert plausibility(text) == plausibility_for_display(text) == 0.0


_CORPUS_CODECS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("codec", _CORPUS_CODECS)
def test_corpus_round_trips(codec: str) -> None:
    """Every development corpus text and seed comes back exactly from each encoding."""
    paths = sorted((SHARED / "corpus").glob("*/source.txt")) + sorted(
        (SHARED / "seeds").glob("*.txt")
    )
    assert paths
    wrong = []
    for path in paths:
        text = path.read_text(encoding="utf-8").removeprefix(codecs.BOM_UTF8.decode())
        result = decode(text.encode(codec))
        if result.text != text:
            wrong.append((path.parent.name, path.name, result.encoding, result.replaced_count))
    assert wrong == []


def test_plausibility_for_display_on_a_threshold_with_layout() -> None:
    """A mean on a multiple of 1/2000 once the layout is left out is plausibility's own value."""
    for text in ("│AAAAA│政政政│", "┌─┐\n│政A政A政A政A│\n└─┘", "─" * 50 + "A政" * 40 + "政" * 20):
        assert plausibility_for_display(text) == plausibility(text)
    assert plausibility("│AAAAA│政政政│") == 0.75
