"""The ``html`` tokenizer: true grids from rowspan/colspan, spans, text cleaning, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.tokenizers import Tokenizer, TokenRow, get_tokenizer
from govinfo_report.tokenizers._html import HtmlTokenizer, clean_cell_text
from tests.helpers import SHARED

HTML = HtmlTokenizer()


def grid(rows: list[TokenRow]) -> list[list[tuple[int, str]]]:
    return [[(int(c.col or 0), c.text) for c in r.cells] for r in rows]


def test_registered_and_satisfies_protocol() -> None:
    """The built-in ``html`` tokenizer is registered under its name and satisfies the protocol."""
    tok = get_tokenizer("html")
    assert isinstance(tok, Tokenizer)
    assert tok.name == "html"


def test_rowspan_cells_are_not_repeated_and_cols_are_grid_columns() -> None:
    """A rowspan's covered slots emit nothing; later cells get their true grid column."""
    text = (
        "<table>"
        "<tr><td rowspan=3>三、本年度办理结果</td><td colspan=2>(一)予以公开</td><td>5</td></tr>"
        "<tr><td rowspan=2>(三)不予公开</td><td>1.属于国家秘密</td><td>6</td></tr>"
        "<tr><td>2.其他</td><td>7</td></tr>"
        "<tr><td colspan=3>四、结转</td><td>8</td></tr>"
        "</table>"
    )
    rows = list(HTML.tokenize(text))
    assert grid(rows) == [
        [(0, "三、本年度办理结果"), (1, "(一)予以公开"), (3, "5")],
        [(1, "(三)不予公开"), (2, "1.属于国家秘密"), (3, "6")],
        [(2, "2.其他"), (3, "7")],
        [(0, "四、结转"), (3, "8")],
    ]
    assert [c.span for c in rows[0].cells] == [1, 2, 1]
    labels = [c.text for r in rows for c in r.cells]
    assert labels.count("三、本年度办理结果") == 1


def test_official_applications_header_grid() -> None:
    """The table 三 header (note rowspan 3, colspans) gives leaves in columns 4-8."""
    text = (
        '<table><tr><td colspan="3" rowspan="3">note</td><td colspan="7">申请人情况</td></tr>'
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td>'
        '<td rowspan="2">总计</td></tr>'
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>"
        "<td>其他</td></tr>"
        "<tr><td colspan=3>一、本年新收</td>" + "<td>1</td>" * 7 + "</tr></table>"
    )
    rows = grid(list(HTML.tokenize(text)))
    assert rows[1] == [(3, "自然人"), (4, "法人或其他组织"), (9, "总计")]
    assert [c for c, _ in rows[2]] == [4, 5, 6, 7, 8]
    assert [c for c, _ in rows[3]] == [0, 3, 4, 5, 6, 7, 8, 9]


def test_blank_cell_keeps_its_column() -> None:
    """An empty ``<td></td>`` is an empty cell at its column; the numbers after it keep theirs."""
    rows = grid(list(HTML.tokenize("<table><tr><td>规章</td><td></td><td>&nbsp;</td><td>3</td>")))
    assert rows == [[(0, "规章"), (1, ""), (2, ""), (3, "3")]]


def test_spans_point_at_the_cell_markup_and_lines_are_counted() -> None:
    """``text[start:end]`` is the cell's markup and ``line`` the line its ``<td`` is on."""
    text = "<table>\n<tr>\n<td class=x>规章</td>\n<TD>1\n</tr></table>"
    cells = [c for r in HTML.tokenize(text) for c in r.cells]
    assert text[cells[0].start : cells[0].end] == "<td class=x>规章</td>"
    assert text[cells[1].start : cells[1].end] == "<TD>1\n"  # closed by </tr>
    assert [c.line for c in cells] == [3, 4]
    assert HTML.tokenize(text)[0].line == 2


def test_missing_closers_th_and_attribute_case() -> None:
    """Cells without ``</td>``/``</tr>``, ``<th>`` and upper-case tags/attributes are read."""
    text = "<TABLE><TR><TH COLSPAN='2'>a<TR><TD>b<TD>c</TABLE>"
    assert grid(list(HTML.tokenize(text))) == [[(0, "a")], [(0, "b"), (1, "c")]]


def test_text_cleaning_entities_breaks_and_cjk_joining() -> None:
    """Tags stripped, entities decoded, ``<br>`` vanishes between CJK and is a space otherwise."""
    text = (
        "<table><tr><td><p>结果</p><p>维持</p></td><td>本年增/<br>减</td>"
        "<td>a<br/>b &amp; c</td><td><span>法人</span>或其他   组织</td></tr></table>"
    )
    assert [c.text for c in HTML.tokenize(text)[0].cells] == [
        "结果维持",
        "本年增/ 减",
        "a b & c",
        "法人或其他 组织",
    ]
    assert clean_cell_text("本年新\n   制作数量") == "本年新制作数量"


def test_nested_table_rows_are_separate_and_not_in_outer_text() -> None:
    """An inner table gives its own rows after the outer row; its text is not the outer cell's."""
    text = (
        "<table><tr><td>outer<table><tr><td>规章</td><td>1</td></tr></table></td>"
        "<td>right</td></tr></table>"
    )
    rows = grid(list(HTML.tokenize(text)))
    assert rows == [[(0, "outer"), (1, "right")], [(0, "规章"), (1, "1")]]


def test_slice_without_table_tag_and_script_comment_ignored() -> None:
    """A slice cut inside a table still gives rows; scripts, styles and comments are dropped."""
    text = "<tr><td>a<!-- <td>x</td> --><script>'<td>'</script></td><td>1</td></tr></tbody>"
    assert grid(list(HTML.tokenize(text))) == [[(0, "a"), (1, "1")]]


def test_rowspan_stops_at_row_group_and_zero_lasts_to_group_end() -> None:
    """Rowspans do not cross ``<tbody>`` boundaries; ``rowspan=0`` covers the rest of the group."""
    text = (
        "<table><tbody><tr><td rowspan=0>g</td><td>1</td></tr><tr><td>2</td></tr></tbody>"
        "<tbody><tr><td>3</td></tr></tbody></table>"
    )
    assert grid(list(HTML.tokenize(text))) == [[(0, "g"), (1, "1")], [(1, "2")], [(0, "3")]]


def test_sniff() -> None:
    """Sniff is high for table markup and zero for plain text or pipe tables."""
    assert HTML.sniff("<table><tr><td>1</td></tr></table>") >= 0.9
    assert HTML.sniff("规章\t0\t0\n") == 0.0
    assert HTML.sniff("| a | b |\n| --- | --- |\n") == 0.0


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/corpus")
def test_corpus_html_source_gives_the_official_grid() -> None:
    """On the corpus HTML page, table 三's rows end in column 9 and 一、 holds seven numbers."""
    text = (SHARED / "corpus" / "t00__html_source" / "source.txt").read_text("utf-8")
    rows = list(HTML.tokenize(text))
    new = next(r for r in rows if r.cells[0].text.startswith("一、本年新收"))
    assert [c.col for c in new.cells] == [0, 3, 4, 5, 6, 7, 8, 9]
    last = next(r for r in rows if r.cells[0].text.startswith("四、结转"))
    assert last.cells[-1].col == 9


HOSTILE = [
    "<a" * 200_000,
    "</" * 200_000,
    "<table>" * 100_000,
    "<td>" * 100_000,
    "<tr><td rowspan=65534 colspan=1000>x" * 20_000 + "<tr><td>y" * 20_000,
    '<td title="' * 50_000,
    "<!--" * 100_000,
    "<script>" + "</scrip" * 100_000,
    "<td " + "a=1 " * 100_000,
    "&#" * 200_000,
    "<div>" * 100_000 + "<table><tr><td>1",
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_finishes_and_never_raises(text: str) -> None:
    """Pathological markup of a few hundred KB tokenizes (a super-linear reading would hang until
    pytest-timeout fails the test)."""
    assert isinstance(HTML.tokenize(text), tuple)
    assert 0.0 <= HTML.sniff(text) <= 1.0


@pytest.mark.timeout(30)
def test_linear_time_on_unclosed_tags() -> None:
    """800 KB of unclosed ``<a`` (html.parser takes minutes on this) tokenizes to nothing."""
    assert HTML.tokenize("<a" * 400_000) == ()


_TAGS = st.sampled_from(
    ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<br>", "<p>", "</p>",
     "<td rowspan=2>", "<td colspan=3>", "<td rowspan=0>", "<tbody>", "</tbody>", "<!--", "-->",
     "<script>", "</script>", "&nbsp;", "&amp;", "<", ">", "\"", "'", "=", "结果", "1", " ", "\n"]
)  # fmt: skip


@given(st.lists(_TAGS, max_size=60).map("".join) | st.text(max_size=200))
def test_never_raises_and_cells_are_consistent(text: str) -> None:
    """On any input: no exception, spans inside the text, columns non-negative, rows in order."""
    rows = HTML.tokenize(text)
    assert 0.0 <= HTML.sniff(text) <= 1.0
    last = 0
    for row in rows:
        assert row.cells
        for c in row.cells:
            assert 0 <= c.start <= c.end <= len(text)
            assert c.col is not None and c.col >= 0 and c.span >= 1
            assert c.line == text.count("\n", 0, c.start) + 1
            assert c.text == c.text.strip()
        cols = [c.col or 0.0 for c in row.cells]
        assert cols == sorted(cols)
        assert row.cells[0].start >= last or row.line >= 1
        last = row.cells[0].start
