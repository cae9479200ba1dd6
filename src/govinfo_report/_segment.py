"""Section segmentation and meta: where the six sections and three tables are, who and when.

Headings are recognised by their words (the template's section keywords), not their numbers:
real reports number sections wrongly, repeat headings, or put a heading on the same line as its
first sentence. Tables are located by their content (anchors such as ``第二十条`` or ``申请人情况``)
so a table is found even under a wrong or missing heading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, count
from typing import Final, TypeAlias

from attrs import frozen

from ._template import Edition, template

__all__ = ["Line", "Region", "Segments", "detect_edition", "find_meta", "segment", "split_lines"]

TABLES = ("active", "applications", "appeals")
_SECTION_ORDER = ("overview", "active", "applications", "appeals", "problems", "other_matters")

_STRIP = " \t\u3000#*>|│┃-=_`·•"
_TOP = re.compile(r"(?:第?[一二三四五六七八九十]{1,2}[、.．,，]|第[一二三四五六七八九十]部分)")
_SUB = re.compile(r"[(（][一二三四五六七八九十0-9]{1,2}[)）]|[0-9]{1,2}[.、．]")
_ANCHORS = {
    "active": ("第二十条", "信息内容", "本年制发", "本年新制作"),
    "applications": ("勾稽", "申请人情况", "本年新收", "自然人"),
    "appeals": ("结果维持", "行政复议", "复议后起诉"),
}
_HINTS = ("情况", "问题", "事项", "申请", "复议", "诉讼", "主动", "概述", "报告", "说明", "改进")
_HINT_RE = re.compile("|".join(_HINTS))
_YEAR = re.compile(r"(20[0-9]{2}|19[0-9]{2})\s*年")
_TITLE_ORGAN = re.compile(
    r"^(.{2,40}?)\s*(20[0-9]{2})\s*年度?\s*(?:政府信息公开|政务公开|信息公开)"
)
_TITLE_YEAR_FIRST = re.compile(r"^(20[0-9]{2})\s*年度?\s*(.{2,40}?)(?:政府信息公开|政务公开)")
_TITLE_NO_YEAR = re.compile(r"^(.{2,40}?)(?:政府信息公开|政务公开)")
_PERIOD = re.compile(r"统计期限[^0-9]{0,12}(20[0-9]{2})\s*年")
_ORGAN_SUFFIX = (
    "人民政府", "办公室", "委员会", "管理局", "办事处", "政府", "局", "委", "办", "厅", "区", "县",
    "市", "镇", "乡", "街道", "中心", "院", "署", "所", "会", "站", "馆", "队",
)  # fmt: skip
_VERBS = re.compile(
    r"坚持|认真|围绕|深入|全面|按照|高度|紧紧|积极|持续|严格|不断|始终|进一步|在|以|根据|结合|紧扣|聚焦"
)


Line: TypeAlias = tuple[int, int, str]
"""One line of the input: ``(1-based number, start offset, text without its line break)``, a
plain tuple (a report has hundreds of lines; a ``NamedTuple`` costs several times more to build).
Index it with :data:`LINE_NO`, :data:`LINE_START` and :data:`LINE_TEXT`."""

LINE_NO: Final = 0
LINE_START: Final = 1
LINE_TEXT: Final = 2


@frozen(kw_only=True)
class Region:
    """A span of lines ``[first, last)`` (0-based indexes into the line list) of one section."""

    key: str
    first: int
    last: int
    heading: int | None
    """Index of the heading line, when one was found."""


@frozen(kw_only=True)
class Segments:
    """Section headings found and the three table regions."""

    sections: dict[str, Region]
    tables: dict[str, Region]


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their 1-based numbers and start offsets (any line break)."""
    starts = accumulate(map(len, text.splitlines(keepends=True)), initial=0)
    # splitlines() drops exactly each line's break (see tokenizers._flat.line_table)
    return list(zip(count(1), starts, text.splitlines()))


def _heading_key(
    text: str, keywords: Sequence[tuple[str, tuple[tuple[str, ...], ...]]]
) -> str | None:
    marked = text.lstrip().startswith(("#", "**", "<"))
    if "<" in text:  # an HTML line: its words without the markup (tags count no length)
        text = _TAG.sub("", text)
    s = text.strip(_STRIP)
    if not s or len(s) > 400:
        return None
    m = _TOP.match(s)
    if m is None and _SUB.match(s):
        return None
    head = s[m.end() :] if m else s
    cut = len(head)
    for stop in ("。", "：", ":", "；"):
        j = head.find(stop)
        if 0 <= j < cut:
            cut = j
    head = head[:cut].strip(_STRIP)
    if not head or len(head) > 40:
        return None
    if m is None and not marked and len(head) > 24:
        return None
    if m is None and not marked and cut < len(s) - (m.end() if m else 0):
        return None
    for key, alts in keywords:
        for words in alts:
            if all(w in head for w in words):
                return key
    return None


LineIndex = tuple[str, list[int]]
"""A text holding the lines, and the offset of each line in it (then the text's length)."""


def line_index(lines: Sequence[Line], text: str | None = None) -> LineIndex:
    """A text holding ``lines`` with each line's offset in it (and its end): a search for words
    that hold no line break then runs once over the text instead of once per line. ``text``:
    the text ``lines`` were split from (else they are joined)."""
    if text is not None:
        return text, [ln[LINE_START] for ln in lines] + [len(text)]
    texts = [ln[LINE_TEXT] for ln in lines]
    return "\n".join(texts), list(accumulate([len(t) + 1 for t in texts], initial=0))


def _find(
    lines: Sequence[Line], words: tuple[str, ...], lo: int, hi: int, index: LineIndex
) -> int | None:
    """The first line in ``[lo, hi)`` holding one of ``words`` (no word holds a line break).

    One ``str.find`` per word, each stopping where the earliest word found so far starts: a
    literal search in C is many times faster than an alternation of words in ``re``."""
    if lo >= hi:
        return None
    joined, starts = index
    start = starts[lo]
    best = len(joined)
    for w in words:
        j = joined.find(w, start, best + len(w) - 1)
        if j >= 0:
            best = j
    if best == len(joined):
        return None
    i = bisect.bisect_right(starts, best) - 1
    return i if i < hi else None


_HEADINGS: dict[Edition, dict[str, str | None]] = {}
"""Memo of :func:`_heading_key` by edition and line text (headings repeat across reports)."""


@cache
def _keywords(edition: Edition) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    return [(s.key, s.keywords) for s in template(edition).sections]


def _hint_lines(lines: Sequence[Line], index: LineIndex) -> list[int]:
    """Indexes of the lines that may be headings: they hold a hint word, are at most 600
    characters long and hold no tab in their first two characters."""
    joined, starts = index
    out: list[int] = []
    search = _HINT_RE.search
    pos = 0
    n = len(lines)
    while True:
        m = search(joined, pos)
        if m is None:
            return out
        i = bisect.bisect_right(starts, m.start()) - 1
        t = lines[i][LINE_TEXT]
        if not ("\t" in t[:2] or len(t) > 600):
            out.append(i)
        if i + 1 >= n:
            return out
        pos = starts[i + 1]


def segment(lines: Sequence[Line], edition: Edition, index: LineIndex | None = None) -> Segments:
    """Locate section headings and table regions (``index``: :func:`line_index` of ``lines``,
    when the caller has it)."""
    if index is None:
        index = line_index(lines)
    keywords = _keywords(edition)
    memo = _HEADINGS.setdefault(edition, {})
    cands: dict[str, list[int]] = {k: [] for k in _SECTION_ORDER}
    for i in _hint_lines(lines, index):
        t = lines[i][LINE_TEXT]
        try:
            k = memo[t]
        except KeyError:
            k = _heading_key(t, keywords)
            if len(memo) >= 8192:  # bounded: headings repeat across reports, prose does not
                memo.clear()
            memo[t] = k
        if k is not None:
            cands[k].append(i)
    n = len(lines)
    chosen: dict[str, int] = {}
    anchors: dict[str, int] = {}
    prev = -1
    for k in _SECTION_ORDER:
        after = [i for i in cands[k] if i > prev]
        if k in _ANCHORS:
            lo = prev + 1
            a = _find(lines, _ANCHORS[k], lo, n, index)
            if a is not None and after and a < after[0]:
                # an anchor word in the prose before the table's heading is not the table
                a = _find(lines, _ANCHORS[k], after[0], n, index) or a
            # the appeals anchor words are also in its heading: search after a heading line
            if a is not None and k == "appeals":
                headings = set(cands[k])
                while a is not None and a in headings:
                    a = _find(lines, _ANCHORS[k], a + 1, n, index)
            before = [i for i in after if a is None or i <= a]
            if a is not None:
                anchors[k] = a
            pick = before[-1] if before else (after[0] if after and a is None else None)
            if pick is not None:
                chosen[k] = pick
                prev = pick
            if a is not None:
                prev = max(prev, a)
        elif after:
            # a numbered heading (六、...) beats an earlier unnumbered line that merely holds
            # the heading's words (prose such as 其他需要报告)
            numbered = [i for i in after if _TOP.match(lines[i][LINE_TEXT].strip(_STRIP))]
            pick = numbered[0] if numbered else after[0]
            chosen[k] = pick
            prev = pick
    starts = sorted(set(chosen.values()) | set(anchors.values()))

    def _next_stop(i: int) -> int:
        for s in starts:
            if s > i:
                return s
        return n

    sections: dict[str, Region] = {}
    for k, h in chosen.items():
        sections[k] = Region(key=k, first=h + 1, last=_next_stop(h), heading=h)
    tables: dict[str, Region] = {}
    for k in TABLES:
        a = anchors.get(k)
        if a is None and k in chosen:
            a = chosen[k] + 1  # no content anchor (garbled labels): the table follows its heading
        if a is None:
            continue
        last = n
        for s in sorted(set(chosen.values())):
            if s > a:
                last = s
                break
        for other in TABLES:
            oa = anchors.get(other)
            if oa is not None and a < oa < last:
                last = oa
        tables[k] = Region(key=k, first=a, last=last, heading=chosen.get(k))
    return Segments(sections=sections, tables=tables)


def detect_edition(text: str) -> Edition | None:
    """The edition whose table signatures occur more often in ``text``, or ``None`` on a tie."""
    squeezed = "".join(text.split())
    # an absent signature costs a search of the whole text: count the edition whose first
    # signature occurs, then the other one only until the comparison is decided
    e21, e19 = Edition.E2021, Edition.E2019
    first, second = (e21, e19) if template(e21).signatures[0] in squeezed else (e19, e21)
    hits = sum(1 for s in template(first).signatures if s in squeezed)
    rival = 0
    left = len(template(second).signatures)
    for s in template(second).signatures:
        left -= 1
        rival += s in squeezed
        if rival > hits:
            return second
        if rival + left < hits:
            return first
    return first if hits > rival else None


_TAG = re.compile(r"<[^<>]{0,300}>")
_CJK = re.compile("[\u4e00-\u9fff]")
_LONE_YEAR = re.compile(r"(?:20|19)[0-9]{2}")


def _clean(s: str) -> str:
    if "<" in s:
        s = _TAG.sub(" ", s)
    return s.strip(_STRIP).replace("**", "").strip()


def _organ_from_prose(s: str) -> str | None:
    m = _VERBS.search(s, 2)
    cand = s[: m.start()] if m else s[:30]
    cand = cand.strip(" ，,、")
    if not 2 <= len(cand) <= 30 or not cand.endswith(_ORGAN_SUFFIX):
        return None
    return cand


def _is_report(s: str) -> bool:
    return "报告" in s or "年报" in s


def _title_organ(s: str) -> str | None:
    """The organ part of a title: ``《``, and ``关于`` before or after it, removed."""
    s = s.strip("《〈 ")
    s = s.removeprefix("关于").removesuffix("关于")
    return s if len(s) >= 2 else None


def find_meta(
    lines: Sequence[Line], first_section: int | None, index: LineIndex | None = None
) -> tuple[str | None, str | None, int | None]:
    """Title, organ and year from the title lines, the 统计期限 sentence or the first sentence
    (``index``: :func:`line_index` of ``lines``, when the caller has it)."""
    title = organ = None
    year: int | None = None
    limit = first_section if first_section is not None else min(len(lines), 12)
    texts = [_clean(ln[LINE_TEXT]) for ln in lines[: max(limit, 0)]]
    texts = [t for t in texts if t]
    for i, t in enumerate(texts[:8]):
        joined = t
        if (
            not _is_report(t)
            and i + 1 < len(texts)
            and _is_report(texts[i + 1])
            and _CJK.search(t) is not None  # not a markup line (``::: div``, ``.. container::``)
        ):
            joined = t + texts[i + 1]
        if _is_report(joined) and ("公开" in joined or "年度" in joined) and len(joined) <= 80:
            title = " ".join(joined.split())
            if " 年" in title and _YEAR.search(title) is None:
                # the year printed in another font, on its own line (pdfplumber layout=True)
                near = [texts[j] for j in (i - 1, i + 1, i + 2) if 0 <= j < len(texts)]
                lone = next((x for x in near if _LONE_YEAR.fullmatch(x)), None)
                if lone is not None:
                    title = title.replace(" 年", lone + "年", 1)
            break
    if title is not None:
        compact = title.replace(" ", "")
        m = _TITLE_ORGAN.match(compact)
        if m:
            organ, year = _title_organ(m.group(1)), int(m.group(2))
        elif m2 := _TITLE_YEAR_FIRST.match(compact):
            year, organ = int(m2.group(1)), _title_organ(m2.group(2))
        elif (m3 := _TITLE_NO_YEAR.match(compact)) and _YEAR.search(m3.group(1)) is None:
            organ = _title_organ(m3.group(1))  # 交通运输局政府信息公开工作年度报告
    if index is None:
        index = line_index(lines)
    joined, starts = index
    n_body = min(400, len(lines))
    end = starts[n_body]  # the first 400 lines (their words hold no line break)
    if year is None and joined.find("统计期限", 0, end) >= 0:  # the pattern's literal first
        for ln in lines[:n_body]:
            pm = _PERIOD.search(ln[LINE_TEXT])
            if pm:
                year = int(pm.group(1))
                break
    # cleaning only drops characters: a line without 年 holds no year sentence
    at = joined.find("年", 0, end) if organ is None or year is None else -1
    while at >= 0:
        i = bisect.bisect_right(starts, at) - 1
        at = joined.find("年", starts[i + 1], end)
        found = _year_sentence(lines[i][LINE_TEXT])
        if found is None:
            continue
        if organ is None:
            organ = found[0]
        if year is None:
            year = found[1]
        if organ is not None:
            break
    return title, organ or None, year


def _year_sentence(line: str) -> tuple[str | None, int] | None:
    """The organ (or None) and year of a line opening with a year (``2023年，东山区坚持…``)."""
    s = _clean(line)
    ym = _YEAR.match(s)
    if ym is None:
        return None
    return _organ_from_prose(s[ym.end() :].lstrip("度，, 　")), int(ym.group(1))
