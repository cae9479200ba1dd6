"""Numbers the prose states about applications and cases, compared with the tables.

Only sentences that plainly state one of a few totals are read: 收到/受理 … 申请 N 件, 办结 N 件,
上年结转 N 件, 结转下年度 N 件, 行政复议 N 件, 行政诉讼 N 件, plus 未收到 … 申请 (zero received). A
number must be written in digits directly before 件/起/宗; approximations (余, 多, 约, 近, 超过)
and percentages are ignored, so figures such as 信息 3500 余条 never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from .._schema import AnnualReport
from ._catalogue import NARRATIVE_MISMATCH
from ._discrepancy import Discrepancy
from ._labels import SECTION_NAMES

__all__ = ["Statement", "check_narrative", "statements"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_TOTAL = r"(?:共计|总计|合计|累计|共|为|达)?"
_NUM = r"(?<![\d.])(?P<n>\d+)(?:件|起|宗)"
_APPROX = ("约", "近", "逾", "超过", "超", "余")
_OFF_TOPIC = re.compile(r"复议|诉讼|结转|其中|自然人|法人|企业|\d")
_OFF_TOPIC_NONE = re.compile(r"复议|诉讼|结转|\d")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "received",
        re.compile(
            r"(?:收到|受理|接收|接到|新收)了?(?P<mid>[^，,：:（(]{0,20}?)申请(?:公开)?"
            r"(?:事项|件数|数量)?" + _TOTAL + _NUM
        ),
    ),
    ("handled", re.compile(r"办结了?(?:政府信息公开)?(?:申请)?" + _TOTAL + _NUM)),
    ("carried_over", re.compile(r"上一?年度?结转(?:政府信息公开)?(?:申请)?" + _TOTAL + _NUM)),
    (
        "carried_forward",
        re.compile(r"结转(?:至|到)?下一?年度?(?:继续办理)?的?(?:申请)?" + _TOTAL + _NUM),
    ),
    ("review", re.compile(r"行政复议的?(?:申请|案件)?" + _TOTAL + _NUM)),
    ("litigation", re.compile(r"行政诉讼的?(?:案件)?" + _TOTAL + _NUM)),
)
_TRIGGER = re.compile(r"\d\s*[件起宗]|(?:未|没有)(?:收到|受理|接到)")
_NONE_RECEIVED = re.compile(r"(?:未|没有)(?:收到|受理|接到)(?P<mid>[^，,。]{0,30}?)申请")

_TABLE: dict[str, tuple[str, ...]] = {
    "received": ("applications.new_received.total",),
    "handled": ("applications.total_handled.total",),
    "carried_over": ("applications.carried_over.total",),
    "carried_forward": ("applications.carried_forward.total",),
    "review": ("review.total",),
    "litigation": ("litigation_direct.total", "litigation_after_review.total"),
}
_NAMES = {
    "received": ("收到申请", "applications received"),
    "handled": ("办结", "applications handled"),
    "carried_over": ("上年结转", "applications carried over"),
    "carried_forward": ("结转下年度", "applications carried forward"),
    "review": ("行政复议", "administrative reviews"),
    "litigation": ("行政诉讼", "lawsuits"),
}


@frozen(kw_only=True)
class Statement:
    """One total stated in prose."""

    quantity: str
    """``received``, ``handled``, ``carried_over``, ``carried_forward``, ``review`` or
    ``litigation``."""
    value: int
    sentence: str
    """The sentence it was read from, whitespace removed."""


def _sentences(text: str) -> list[str]:
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH)
    text = "".join(text.split())
    if "," in text:
        text = _THOUSANDS.sub("", text)
    return [s for s in _SENTENCE_END.split(text) if s]


def statements(text: str) -> tuple[Statement, ...]:
    """The totals ``text`` states, in order of appearance (duplicates kept)."""
    out: list[Statement] = []
    if not _TRIGGER.search(text):
        return ()
    for sentence in _sentences(text):
        if not _TRIGGER.search(sentence):
            continue
        found: list[tuple[int, Statement]] = []
        for quantity, pattern in _PATTERNS:
            if quantity == "handled" and "申请" not in sentence:
                continue
            for m in pattern.finditer(sentence):
                if quantity == "received" and _OFF_TOPIC.search(m.group("mid")):
                    continue
                if sentence[: m.start("n")].endswith(_APPROX):
                    continue
                if sentence[m.end() :].startswith(("余", "多", "%", "％")):
                    continue
                value = int(m.group("n"))
                found.append(
                    (m.start(), Statement(quantity=quantity, value=value, sentence=sentence))
                )
        for m in _NONE_RECEIVED.finditer(sentence):
            if not _OFF_TOPIC_NONE.search(m.group("mid")):
                found.append(
                    (m.start(), Statement(quantity="received", value=0, sentence=sentence))
                )
        out.extend(s for _, s in sorted(found, key=lambda f: f[0]))
    return tuple(out)


def _table_value(report: AnnualReport, quantity: str) -> int | None:
    total = 0
    for path in _TABLE[quantity]:
        head, _, rest = path.partition(".")
        obj: object = getattr(report, head)
        for name in rest.split("."):
            obj = getattr(obj, name)
        if type(obj) is not int:
            return None
        total += obj
    return total


def check_narrative(report: AnnualReport, context: object) -> Iterator[Discrepancy]:
    """Totals stated in sections 一, 五 and 六 that differ from tables 三 and 四."""
    seen: set[tuple[str, int]] = set()
    for section, name in SECTION_NAMES.items():
        text = getattr(report, section)
        if not isinstance(text, str) or not text:
            continue
        for st in statements(text):
            if (st.quantity, st.value) in seen:
                continue
            seen.add((st.quantity, st.value))
            table = _table_value(report, st.quantity)
            if table is None or st.value == table:
                continue
            if st.quantity == "received":
                carried = _table_value(report, "carried_over")
                if carried is not None and st.value == table + carried:
                    continue
            zh_name, en_name = _NAMES[st.quantity]
            yield NARRATIVE_MISMATCH(
                paths=(*_TABLE[st.quantity], section),
                expected=table,
                actual=st.value,
                message_zh=f"“{name}”称{zh_name} {st.value} 件，表格为 {table} 件",
                message_en=f"section {name} states {st.value} {en_name}; the table shows {table}",
            )
