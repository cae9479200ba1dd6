"""render(): every layout and edition prints every official label, the numbers in row order, and
structures a tokenizer reads back."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import (
    Edition,
    ExtraRow,
    ExtraRowKind,
    Meta,
    empty_report,
    flatten,
    template,
    unflatten,
)
from govinfo_report._render import render, render_layouts
from govinfo_report.strategies import reports
from govinfo_report.tokenizers._html import HtmlTokenizer
from govinfo_report.tokenizers._markdown import MarkdownTokenizer

LAYOUTS = render_layouts()
EDITIONS = [e.value for e in Edition]
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def numbered(edition: str) -> dict[str, int | Decimal]:
    """Every cell a distinct value (1000, 1001, ...), so order and placement are visible."""
    out: dict[str, int | Decimal] = {}
    for k, c in enumerate(template(edition).cells):
        out[c.path] = Decimal(f"{1000 + k}.5") if c.type == "decimal" else 1000 + k
    return out


def official_labels(edition: str) -> set[str]:
    t = template(edition)
    labels = {"信息内容", "申请人情况"}
    for r in t.rows:
        labels.add(r.label)
        labels.update(r.groups)
    for c in t.cells:
        labels.update(p.strip() for p in c.column.split(" / "))
        if c.table == "appeals":
            labels.update(p.strip() for p in c.row.split(" / "))
    return labels


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_layouts_listed() -> None:
    """The five built-in layouts are listed."""
    assert set(LAYOUTS) == {"tab", "pipe", "pdf", "html", "markdown"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_label_heading_and_title_appears(layout: str, edition: str) -> None:
    """Title, the six headings and every official label of the edition are printed."""
    meta = Meta(edition=edition, organ="红旗区人民政府", year=2020 if edition == "2019" else 2023)
    report = unflatten(numbered(edition), edition=edition, meta=meta)
    text = render(report, layout)
    flat = squash(text.replace("\\|", "|"))  # pdf wraps long labels across lines
    year = meta.year
    title = f"红旗区人民政府{year}年政府信息公开工作年度报告"
    if layout == "html":
        assert f"<title>{title}</title>" in text and f"<body>\n<p>{title}</p>" in text
    else:
        assert text.lstrip("# ").startswith(title + "\n")
    positions = [flat.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    missing = [lab for lab in official_labels(edition) if squash(lab) not in flat]
    assert not missing


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_numbers_appear_in_template_order(layout: str, edition: str) -> None:
    """Each cell's distinct number is printed once, in the template's cell order."""
    report = unflatten(numbered(edition), edition=edition)
    text = render(report, layout)
    printed = re.findall(r"(?<![0-9.])1[0-9]{3}(?:\.5)?(?![0-9])", text)
    expected = [str(v) for v in numbered(edition).values()]
    if layout == "html":
        printed = printed[: len(expected)]
    assert printed == expected


@pytest.mark.parametrize("edition", EDITIONS)
def test_markdown_rows_have_the_grid_width(edition: str) -> None:
    """Markdown tables read back (markdown tokenizer) as rows of the table's full grid width."""
    report = unflatten(numbered(edition), edition=edition)
    rows = MarkdownTokenizer().tokenize(render(report, "markdown"))
    widths = [len(r.cells) for r in rows]
    active_width = 4
    n_active = len(template(edition).rows_of("active"))
    blocks = len({r.groups[0] for r in template(edition).rows_of("active")})
    n_apps = len(template(edition).rows_of("applications"))
    expected = (
        [active_width] * (1 + 2 * blocks + n_active) + [10] * (1 + 3 + n_apps) + [15] * (1 + 3 + 1)
    )
    assert widths == expected
    new = next(r for r in rows if r.cells[0].text.startswith("一、本年新收"))
    assert [c.text for c in new.cells][3:] == [
        str(numbered(edition)[f"applications.new_received.{c}"])
        for c in template(edition).row("applications.new_received").columns
    ]


@pytest.mark.parametrize("edition", EDITIONS)
def test_html_grid_puts_every_value_in_its_column(edition: str) -> None:
    """The html page, read by the html tokenizer, has every table-三 value at grid column 3 + k."""
    values = numbered(edition)
    report = unflatten(values, edition=edition)
    rows = HtmlTokenizer().tokenize(render(report, "html"))
    t = template(edition)
    for spec in t.rows_of("applications"):
        label_row = next(r for r in rows if any(c.text == spec.label for c in r.cells))
        got = {int(c.col or 0): c.text for c in label_row.cells if c.col and c.col >= 3}
        assert got == {3 + k: str(values[c.path]) for k, c in enumerate(spec.cells)}
    # the label 三、本年度办理结果 is printed once (rowspan), not per row
    assert sum(c.text == "三、本年度办理结果" for r in rows for c in r.cells) == 1


def test_2019_table_two_shape() -> None:
    """2019 table 二 has the （九）项 block and 上一年项目数量 headers; 2021 has neither."""
    tab19 = render(empty_report("2019"), "tab")
    tab21 = render(empty_report("2021"), "tab")
    assert "第二十条第（九）项\t\t\t" in tab19
    assert "信息内容\t上一年项目数量\t本年增/减\t处理决定数量" in tab19
    assert "信息内容\t采购项目数量\t采购总金额\t" in tab19
    assert "（九）" not in tab21 and "上一年项目数量" not in tab21
    assert "\t（六）其他处理\t\t" in tab19  # one row spanning two label columns
    assert "\t（六）其他处理\t1.申请人无正当理由" in tab21


def test_blank_negative_and_decimal_values() -> None:
    """None is an empty cell keeping its column, negatives keep '-', Decimals keep their digits."""
    cells = {
        "active.licensing.prior_year_items": None,
        "active.licensing.change": -8,
        "active.licensing.decisions": 5,
        "active.procurement.total_amount": Decimal("0E-2"),
    }
    report = unflatten(cells, edition="2019")
    tab = render(report, "tab")
    assert "行政许可\t\t-8\t5" in tab
    assert "政府集中采购\t\t0.00\t" in tab
    md = render(report, "markdown")
    assert "| 行政许可 |  | -8 | 5 |" in md
    pipe = render(report, "pipe").splitlines()
    k = pipe.index("行政许可 |")
    assert pipe[k + 1 : k + 4] == [" |", "-8 |", "5 |"]
    pdf = render(report, "pdf").splitlines()
    line = next(x for x in pdf if x.startswith("行政许可"))
    header = next(x for x in pdf if "上一年项目数量" in x)
    # the blank keeps its field: -8 sits under 本年增/减, not under 上一年项目数量
    assert abs(line.index("-8") - header.index("本年增/减")) < abs(
        line.index("-8") - header.index("上一年项目数量")
    )


def test_pdf_wraps_long_labels_before_their_numbers() -> None:
    """pdf: a label over 16 characters is wrapped; its numbers follow on their own line."""
    report = unflatten(numbered("2021"), edition="2021")
    lines = render(report, "pdf").splitlines()
    k = next(i for i, x in enumerate(lines) if x.startswith("（二）部分公开"))
    assert lines[k] == "（二）部分公开（区分处理的，只计"
    assert lines[k + 1] == "这一情形，不计其他情形）"
    row = template("2021").row("applications.partially_granted")
    assert lines[k + 2].split() == [str(numbered("2021")[c.path]) for c in row.cells]
    assert lines[k + 2].startswith("      ")  # an empty label zone before the numbers


def test_pipe_rules_count_uncovered_slots() -> None:
    """pipe: after a row, one '|' per grid slot the row does not start; none after the last."""
    lines = render(empty_report("2021"), "pipe").splitlines()
    k = lines.index("第二十条第（一）项 |")
    assert lines[k + 1] == "|||"
    k = lines.index("（一）予以公开 |")
    assert lines[k + 8] == "|"  # 三、 starts on this row; (一) spans two columns: one slot
    k = lines.index("四、结转下年度继续办理 |")
    assert lines[k + 8] == "四、政府信息公开行政复议、行政诉讼情况"


def test_extra_rows_follow_their_group() -> None:
    """An extra row is printed after the last row of its group, with its values in its columns."""
    extra = ExtraRow(
        table="applications",
        label="小计",
        values=(1, 2, 3, 4, 5, 6, 21),
        columns=template("2021").row("applications.granted").columns,
        kind=ExtraRowKind.SUBTOTAL,
        group="applications.withheld",
    )
    added = ExtraRow(table="active", label="其他主动公开文件", values=(7,), group=None)
    report = attrs.evolve(empty_report("2021"), extra_rows=(extra, added))
    lines = render(report, "tab").splitlines()
    k = next(i for i, x in enumerate(lines) if "8.属于行政查询事项" in x)
    assert lines[k + 1] == "\t\t小计\t1\t2\t3\t4\t5\t6\t21"
    assert lines[k + 2].startswith("\t（四）无法提供\t1.本机关")
    k = next(i for i, x in enumerate(lines) if x.startswith("行政事业性收费"))
    assert lines[k + 1] == "其他主动公开文件\t7\t\t"
    html_rows = HtmlTokenizer().tokenize(render(report, "html"))
    sub = next(r for r in html_rows if r.cells[0].text == "小计")
    assert [c.col for c in sub.cells] == [2, 3, 4, 5, 6, 7, 8, 9]


def test_title_variants() -> None:
    """The title is meta.title when given, else organ and year, else the generic title."""
    assert render(empty_report("2021"), "tab").startswith("政府信息公开工作年度报告\n")
    meta = Meta(edition="2021", organ="交通运输局", year=None)
    assert render(empty_report("2021", meta=meta), "tab").startswith("交通运输局政府信息公开")
    meta = Meta(edition="2021", title="某某报告")
    assert render(empty_report("2021", meta=meta), "pdf").startswith("某某报告\n")


def test_prose_is_printed_and_escaped_in_html() -> None:
    """Prose sections are printed under their headings; html escapes markup characters."""
    report = attrs.evolve(empty_report("2021"), overview="概述<b>&", other_matters="无")
    text = render(report, "html")
    assert "<p>概述&lt;b&gt;&amp;</p>" in text
    pipe = render(report, "pipe").splitlines()
    assert pipe[pipe.index("一、总体情况") + 1] == "概述<b>&"
    assert pipe[pipe.index("六、其他需要报告的事项") + 1] == "无"


def test_misuse_errors() -> None:
    """TypeError for a non-report or non-str layout; ValueError naming the layouts otherwise."""
    with pytest.raises(TypeError):
        render({"meta": {}}, "tab")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        render(empty_report("2021"), 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tab, pipe, pdf, html, markdown"):
        render(empty_report("2021"), "docx")


@given(reports(consistent=False), st.sampled_from(LAYOUTS))
def test_pure_and_total(report: object, layout: str) -> None:
    """render is deterministic and never raises on any report, consistent or not."""
    assert isinstance(report, type(empty_report("2021")))
    first = render(report, layout)
    assert first == render(report, layout)
    assert all(squash(h) in squash(first) for h in HEADINGS)
    for v in flatten(report).values():
        if v is not None and layout != "pdf":
            assert (format(v, "f") if isinstance(v, Decimal) else str(v)) in first
