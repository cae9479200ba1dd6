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

__all__ = ["Statement", "check_narrative", "narrative_findings", "statements"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")
_SENTENCE_ENDS = "。；;！!？?"
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
"""A comma between a digit and exactly three digits (the comma first: ``re`` skips to commas)."""
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
_NEEDLES = {
    "received": "申请",
    "handled": "办结",
    "carried_over": "结转",
    "carried_forward": "结转",
    "review": "行政复议",
    "litigation": "行政诉讼",
}
"""Text every match of the quantity's pattern contains (a sentence without it is not searched)."""
_TRIGGER = re.compile(
    r"[件起宗未没](?:(?<=\d[件起宗])|(?<=未)(?:收到|受理|接到)|(?<=没)有(?:收到|受理|接到))"
)
"""In normalised text (no spaces): a count (a digit, then 件, 起 or 宗) or 未/没有 + 收到/受理/接到.
It starts with one class of five characters, so ``re`` skips quickly to the candidates."""
_UNITS = "件起宗"
_CANDIDATES = "件起宗未没"
"""The characters every ``_TRIGGER`` match starts with."""
_LAST_END = re.compile(f"(?s:.*)[{_SENTENCE_ENDS}]")
"""Matches a span up to its last sentence end."""
_NONE_PHRASE = re.compile(r"未(?:收到|受理|接到)|没有(?:收到|受理|接到)")
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


def _normalise(text: str) -> str:
    """``text`` with full-width digits made ASCII, whitespace removed, thousands commas dropped."""
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH)
    text = "".join(text.split())
    if "," in text:
        text = _THOUSANDS.sub("", text)
    return text


def _candidates(text: str) -> list[int]:
    """Positions of 件, 起, 宗, 未 and 没 in ``text``, in order (``str.find`` scans fastest)."""
    out: list[int] = []
    for c in _CANDIDATES:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _may_start(text: str, p: int) -> bool:
    """False when the candidate ``text[p]`` cannot start a match once the sentence is normalised.

    件/起/宗 needs a digit before it (spaces between are dropped), 未 needs 收/受/接 after it and
    没 needs 有 (again past any spaces).
    """
    c = text[p]
    if c in _UNITS:
        q = p - 1
        while q >= 0 and text[q].isspace():  # str.isspace and re's \s agree
            q -= 1
        return q >= 0 and text[q].isdecimal()  # str.isdecimal and re's \d agree
    q, n = p + 1, len(text)
    while q < n and text[q].isspace():
        q += 1
    return q < n and text[q] in ("收受接" if c == "未" else "有")


def _sentence_start(text: str, lo: int, p: int) -> int:
    """Where the sentence holding ``text[p]`` starts, given that none starts before ``lo``."""
    width = 64  # look back a little first: sentences are short
    while True:
        a = max(lo, p - width)
        m = _LAST_END.match(text, a, p)
        if m:
            return m.end()
        if a == lo:
            return lo
        width *= 8


def _trigger_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that state a count or 未收到 …, normalised, in order.

    A sentence is a run between two of ``_SENTENCE_ENDS``; normalising it alone gives the same
    text as normalising the whole and splitting. Only sentences holding one of ``_CANDIDATES`` can
    match ``_TRIGGER``. Nothing is read unless ``text`` itself states a count (a digit, maybe
    spaces, then 件/起/宗) or the phrase: a count in a normalised sentence is one in ``text`` (only
    spaces are dropped between digit and unit), but a phrase may have been joined by dropping a
    space, so then ``text`` is searched for the phrase.
    """
    out: list[str] = []
    count = False
    end = -1  # where the last sentence looked at ends (its sentence end, or the text's end)
    for p in _candidates(text):
        if p < end or not _may_start(text, p):
            continue
        start = _sentence_start(text, end + 1, p)
        stop = _SENTENCE_END.search(text, p)
        end = stop.start() if stop else len(text)
        sentence = _normalise(text[start:end])
        if _TRIGGER.search(sentence) is None:
            continue
        out.append(sentence)
        if not count:
            count = any(sentence[m.start()] in _UNITS for m in _TRIGGER.finditer(sentence))
    if not count and out and not _NONE_PHRASE.search(text):
        return []
    return out


def statements(text: str) -> tuple[Statement, ...]:
    """The totals ``text`` states, in order of appearance (duplicates kept)."""
    out: list[Statement] = []
    for sentence in _trigger_sentences(text):
        found: list[tuple[int, Statement]] = []
        for quantity, pattern in _PATTERNS:
            if _NEEDLES[quantity] not in sentence:
                continue
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
        if "申请" in sentence:  # in every match of _NONE_RECEIVED
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
    yield from narrative_findings(report, context)


def narrative_findings(report: AnnualReport, context: object) -> list[Discrepancy]:
    """What :func:`check_narrative` yields, as a list."""
    out: list[Discrepancy] = []
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
            out.append(
                NARRATIVE_MISMATCH(
                    paths=(*_TABLE[st.quantity], section),
                    expected=table,
                    actual=st.value,
                    message_zh=f"“{name}”称{zh_name} {st.value} 件，表格为 {table} 件",
                    message_en=f"section {name} states {st.value} {en_name}; "
                    f"the table shows {table}",
                )
            )
    return out
