"""Text normalization: the documented, idempotent clean-ups applied after decoding.

Each step is a named pure function ``str -> str`` with a doctest, listed in :data:`STEPS` in the
order :func:`normalize` applies them. Nothing else is changed: in particular full-width Chinese
punctuation （，：。；！？ stays as it is, NFKC is never applied to the whole text, and tabs and
runs of spaces (table cell separators) are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import attrs

from ._types import Fix, Repaired, Span

__all__ = [
    "STEPS",
    "NormalizeStep",
    "drop_invisible",
    "fold_compat_ideographs",
    "fold_fullwidth_alnum",
    "fold_presentation_forms",
    "fold_radicals",
    "join_cjk_lines",
    "normalize",
    "normalize_and_explain",
    "remove_cjk_spaces",
]

# An edit: (start, end, replacement, reason) in the step's input.
_Edit = tuple[int, int, str, str]

_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# CJK Radicals Supplement characters that stand for a whole character but have no Unicode
# decomposition (U+2E9F and U+2EF3 do, and are folded by NFKC). Targets follow Unicode's
# EquivalentUnifiedIdeograph.txt.
_RADICAL_SUPPLEMENT: dict[str, str] = {
    "⺁": "厂", "⺄": "乙", "⺅": "亻", "⺆": "冂", "⺇": "几", "⺉": "刂", "⺊": "卜",
    "⺋": "㔾", "⺌": "小", "⺎": "尢", "⺏": "尣", "⺒": "巳", "⺓": "幺", "⺔": "彑",
    "⺕": "彐", "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "旡", "⺝": "月",
    "⺞": "歺", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫", "⺦": "丬",
    "⺧": "牛", "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "目", "⺬": "示", "⺭": "礻",
    "⺮": "竹", "⺯": "糹", "⺰": "纟", "⺲": "罒", "⺳": "网", "⺶": "羊", "⺷": "羊",
    "⺹": "耂", "⺺": "肀", "⺻": "聿", "⺼": "肉", "⺽": "臼", "⺾": "艹", "⻁": "虎",
    "⻂": "衤", "⻃": "覀", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角", "⻈": "讠",
    "⻉": "贝", "⻊": "足", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝",
    "⻐": "钅", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻖": "阝", "⻗": "雨",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻟": "飠",
    "⻠": "饣", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿",
    "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀",
}  # fmt: skip

# Vertical and small presentation forms of brackets, quotes and commas, as some PDF and Word
# converters emit them, to the ordinary full-width forms (NFKC would make them ASCII).
_PRESENTATION_FORMS: dict[str, str] = {
    "︵": "（", "︶": "）", "︷": "｛", "︸": "｝", "︹": "〔", "︺": "〕", "︻": "【", "︼": "】",
    "︽": "《", "︾": "》", "︿": "〈", "﹀": "〉", "﹁": "「", "﹂": "」", "﹃": "『", "﹄": "』",
    "﹙": "（", "﹚": "）", "﹛": "｛", "﹜": "｝", "﹝": "〔", "﹞": "〕", "﹐": "，", "﹑": "、",
    "﹒": "．", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！", "︐": "，", "︑": "、", "︒": "。",
    "︓": "：", "︔": "；", "︕": "！", "︖": "？", "〝": "“", "〞": "”", "〟": "”",
}  # fmt: skip

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_RADICAL_RE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
_COMPAT_RE = re.compile("[\uf900-\ufaff\U0002f800-\U0002fa1f]")
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_PRESENTATION_RE = re.compile("[" + "".join(_PRESENTATION_FORMS) + "]")
_CJK_SPACE_RE = re.compile(f"(?<=[{_IDEOGRAPH}]) (?=[{_IDEOGRAPH}])")
_CJK_NEWLINE_RE = re.compile(f"(?<=[{_IDEOGRAPH}])\r?\n(?=[{_IDEOGRAPH}])")
_TABLE_LIKE_RE = re.compile(r"\t|  ")

# The line that a single newline ends must be at least this long to be taken as wrapped prose.
JOIN_MIN_LINE = 20


def _drop_invisible_edits(text: str) -> Iterator[_Edit]:
    for match in _INVISIBLE_RE.finditer(text):
        name = unicodedata.name(match.group(), f"U+{ord(match.group()):04X}")
        yield match.start(), match.end(), "", f"invisible {name}"


def _fold_radicals_edits(text: str) -> Iterator[_Edit]:
    for match in _RADICAL_RE.finditer(text):
        char = match.group()
        target = _RADICAL_SUPPLEMENT.get(char)
        if target is None:
            folded = unicodedata.normalize("NFKC", char)
            if folded == char:
                continue
            target = folded
        yield match.start(), match.end(), target, f"radical {unicodedata.name(char)}"


def _fold_compat_edits(text: str) -> Iterator[_Edit]:
    for match in _COMPAT_RE.finditer(text):
        char = match.group()
        folded = unicodedata.normalize("NFKC", char)
        if folded != char:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            yield match.start(), match.end(), folded, f"compatibility ideograph {name}"


def _fold_fullwidth_edits(text: str) -> Iterator[_Edit]:
    for match in _FULLWIDTH_RE.finditer(text):
        char = match.group()
        yield match.start(), match.end(), chr(ord(char) - 0xFEE0), "full-width letter or digit"


def _fold_presentation_edits(text: str) -> Iterator[_Edit]:
    for match in _PRESENTATION_RE.finditer(text):
        char = match.group()
        name = unicodedata.name(char)
        yield match.start(), match.end(), _PRESENTATION_FORMS[char], f"presentation form {name}"


def _remove_cjk_spaces_edits(text: str) -> Iterator[_Edit]:
    for match in _CJK_SPACE_RE.finditer(text):
        yield match.start(), match.end(), "", "single space between two ideographs"


def _join_cjk_lines_edits(text: str) -> Iterator[_Edit]:
    line_start = 0  # where the current output line starts, as an input offset
    removed = 0  # characters of the newlines joined since line_start
    previous_end = 0
    for match in _CJK_NEWLINE_RE.finditer(text):
        start, end = match.span()
        kept_break = text.rfind("\n", previous_end, start)
        if kept_break >= 0:
            line_start, removed = kept_break + 1, 0
        previous_end = end
        line = text[line_start:start]
        next_break = text.find("\n", end)
        next_line = text[end:] if next_break < 0 else text[end:next_break]
        if (
            len(line) - removed >= JOIN_MIN_LINE
            and not _TABLE_LIKE_RE.search(line)
            and not _TABLE_LIKE_RE.search(next_line)
        ):
            # the output line goes on past this break: later breaks are judged on all of it
            removed += end - start
            yield start, end, "", "line break inside wrapped prose, between two ideographs"
        else:
            line_start, removed = end, 0


def _apply_text(text: str, edits: Iterable[_Edit]) -> str:
    """What :func:`_apply` returns as text, without building the fixes."""
    parts: list[str] = []
    position = 0
    for start, end, replacement, _ in edits:
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _apply(text: str, edits: Iterable[_Edit], name: str) -> Repaired:
    parts: list[str] = []
    fixes: list[Fix] = []
    position = 0
    out = 0
    for start, end, replacement, reason in edits:
        kept = text[position:start]
        parts.append(kept)
        out += len(kept)
        parts.append(replacement)
        fixes.append(
            Fix(
                name=name,
                source_span=(start, end),
                target_span=(out, out + len(replacement)),
                original=text[start:end],
                replacement=replacement,
                reason=reason,
            )
        )
        out += len(replacement)
        position = end
    if not fixes:
        return Repaired(text=text, fixes=())
    parts.append(text[position:])
    return Repaired(text="".join(parts), fixes=tuple(fixes))


@attrs.frozen(kw_only=True)
class NormalizeStep:
    """A named normalization step: the pure function, its explaining twin and what it does."""

    name: str
    function: Callable[[str], str]
    explain: Callable[[str], Repaired]
    description: str


def _step(
    name: str, edits: Callable[[str], Iterator[_Edit]], description: str
) -> tuple[Callable[[str], Repaired], NormalizeStep]:
    def explain(text: str) -> Repaired:
        return _apply(text, edits(text), name)

    def function(text: str) -> str:
        return _apply_text(text, edits(text))

    return explain, NormalizeStep(
        name=name, function=function, explain=explain, description=description
    )


_drop_invisible, _DROP_INVISIBLE = _step(
    "drop_invisible",
    _drop_invisible_edits,
    "Remove soft hyphens, zero-width spaces and joiners, word joiners and stray BOMs.",
)
_fold_radicals, _FOLD_RADICALS = _step(
    "fold_radicals",
    _fold_radicals_edits,
    "Kangxi radicals (U+2F00-U+2FDF) to their ideographs by NFKC, and the CJK Radicals "
    "Supplement characters (U+2E80-U+2EFF) that stand for a whole character by a fixed map.",
)
_fold_compat, _FOLD_COMPAT = _step(
    "fold_compat_ideographs",
    _fold_compat_edits,
    "CJK compatibility ideographs (U+F900-U+FAFF, U+2F800-U+2FA1F) to their unified ideographs.",
)
_fold_fullwidth, _FOLD_FULLWIDTH = _step(
    "fold_fullwidth_alnum",
    _fold_fullwidth_edits,
    "Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII; no punctuation.",
)
_fold_presentation, _FOLD_PRESENTATION = _step(
    "fold_presentation_forms",
    _fold_presentation_edits,
    "Vertical and small presentation forms of brackets, quotes and commas, and the ideographic "
    "quotes 〝〞〟, to the ordinary full-width forms （）《》，“” and so on.",
)
_remove_cjk_spaces, _REMOVE_CJK_SPACES = _step(
    "remove_cjk_spaces",
    _remove_cjk_spaces_edits,
    "Remove a single ASCII space that stands between two ideographs; two or more spaces, tabs "
    "and ideographic spaces stay.",
)
_join_cjk_lines, _JOIN_CJK_LINES = _step(
    "join_cjk_lines",
    _join_cjk_lines_edits,
    f"Remove a single line break (LF or CRLF) between two ideographs when the line it ends is "
    f"at least {JOIN_MIN_LINE} characters long and neither that line nor the next holds a tab "
    f"or two spaces in a row; blank lines (paragraph breaks) always stay.",
)


def drop_invisible(text: str) -> str:
    """Remove invisible format characters: U+00AD, U+200B-U+200D, U+2060, U+FEFF.

    >>> drop_invisible("政\\u200b府")
    '政府'
    """
    return _drop_invisible(text).text


def fold_radicals(text: str) -> str:
    """Fold radical characters that PDF extractors emit into the ideographs they stand for.

    >>> fold_radicals("⼀⼆⼯⽅⾏ ⻓⻔⻅⻋⻚")
    '一二工方行 长门见车页'
    """
    return _fold_radicals(text).text


def fold_compat_ideographs(text: str) -> str:
    """Fold CJK compatibility ideographs into the unified ideographs (their canonical forms).

    >>> fold_compat_ideographs("\\uf900\\U0002f800")
    '豈丽'
    """
    return _fold_compat(text).text


def fold_fullwidth_alnum(text: str) -> str:
    """Fold full-width digits and Latin letters to ASCII, leaving full-width punctuation alone.

    >>> fold_fullwidth_alnum("２０２３年（ＡＢｃ）：９５％")
    '2023年（ABc）：95％'
    """
    return _fold_fullwidth(text).text


def fold_presentation_forms(text: str) -> str:
    """Fold vertical and small bracket, quote and comma forms into the ordinary full-width ones.

    >>> fold_presentation_forms("﹙一﹚〝公开〞")
    '（一）“公开”'
    """
    return _fold_presentation(text).text


def remove_cjk_spaces(text: str) -> str:
    """Remove a single space between two ideographs (an extractor's artefact).

    >>> remove_cjk_spaces("政 府 信息  公开 2023 年")
    '政府信息  公开 2023 年'
    """
    return _remove_cjk_spaces(text).text


def join_cjk_lines(text: str) -> str:
    """Join lines of wrapped prose that a single line break cut between two ideographs.

    >>> join_cjk_lines("二〇二三年，我局贯彻落实上级部署，持续推进政务公\\n开工作。\\n\\n下一段")
    '二〇二三年，我局贯彻落实上级部署，持续推进政务公开工作。\\n\\n下一段'
    >>> join_cjk_lines("三、收到和处理申请情况\\n本年新收")
    '三、收到和处理申请情况\\n本年新收'
    """
    return _join_cjk_lines(text).text


STEPS: tuple[NormalizeStep, ...] = (
    _DROP_INVISIBLE,
    _FOLD_RADICALS,
    _FOLD_COMPAT,
    _FOLD_FULLWIDTH,
    _FOLD_PRESENTATION,
    _REMOVE_CJK_SPACES,
    _JOIN_CJK_LINES,
)
"""The registry of normalization steps, in the order :func:`normalize` applies them."""

_BY_NAME = {step.name: step for step in STEPS}


def _select(steps: Iterable[str] | None) -> tuple[NormalizeStep, ...]:
    if steps is None:
        return STEPS
    chosen = []
    for name in steps:
        if name not in _BY_NAME:
            raise ValueError(f"unknown normalization step {name!r}; known: {sorted(_BY_NAME)}")
        chosen.append(_BY_NAME[name])
    return tuple(chosen)


def _map(position: int, spans: Iterable[tuple[Span, Span]], *, end: bool) -> int:
    """Map an offset through a step's edits, each given as (span before, span after)."""
    delta = 0
    for (a_start, a_end), (b_start, b_end) in spans:
        if position < a_start:
            break
        if position == a_start == a_end:  # at a pure insertion or deletion point
            return b_start if end else b_end
        if position <= a_end:
            if position == a_start:
                return b_start
            if position == a_end:
                return b_end
            return b_end if end else b_start
        delta = b_end - a_end
    return position + delta


def _to_source(position: int, fixes: tuple[Fix, ...], *, end: bool) -> int:
    """Map an offset in a step's output back to its input."""
    return _map(position, ((f.target_span, f.source_span) for f in fixes), end=end)


def _to_target(position: int, fixes: tuple[Fix, ...], *, end: bool) -> int:
    """Map an offset in a step's input forward to its output."""
    return _map(position, ((f.source_span, f.target_span) for f in fixes), end=end)


def normalize_and_explain(text: str, *, steps: Iterable[str] | None = None) -> Repaired:
    """Apply the normalization steps (all of :data:`STEPS` by default) and list every change.

    Each fix's ``source_span`` indexes ``text`` and its ``target_span`` the returned text; its
    ``name`` is the step that made it.

    >>> result = normalize_and_explain("２０２３ 年⻔户")
    >>> result.text
    '2023 年门户'
    >>> [(f.name, f.source_span, f.original, f.replacement) for f in result.fixes][-1]
    ('fold_radicals', (6, 7), '⻔', '门')
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects str, not {type(text).__name__}")
    history: list[tuple[Fix, ...]] = []
    current = text
    for step in _select(steps):
        result = step.explain(current)
        history.append(result.fixes)
        current = result.text
    fixes: list[Fix] = []
    for index, step_fixes in enumerate(history):
        # a step without fixes maps every offset to itself
        earlier_steps = [earlier for earlier in reversed(history[:index]) if earlier]
        later_steps = [later for later in history[index + 1 :] if later]
        for fix in step_fixes:
            s_start, s_end = fix.source_span
            t_start, t_end = fix.target_span
            for earlier in earlier_steps:
                s_start = _to_source(s_start, earlier, end=False)
                s_end = _to_source(s_end, earlier, end=True)
            for later in later_steps:
                t_start = _to_target(t_start, later, end=False)
                t_end = _to_target(t_end, later, end=True)
            source_span = (s_start, max(s_start, s_end))
            target_span = (t_start, max(t_start, t_end))
            if source_span != fix.source_span or target_span != fix.target_span:
                fix = attrs.evolve(fix, source_span=source_span, target_span=target_span)
            fixes.append(fix)
    fixes.sort(key=lambda f: (f.source_span, f.name))
    return Repaired(text=current, fixes=tuple(fixes))


def normalize(text: str, *, steps: Iterable[str] | None = None) -> str:
    """Normalize report text: exactly the steps of :data:`STEPS`, or those named in ``steps``.

    Idempotent: ``normalize(normalize(t)) == normalize(t)``.

    >>> normalize("⼀、２０２３年⼯作 情况（一）：")
    '一、2023年工作情况（一）：'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects str, not {type(text).__name__}")
    for step in _select(steps):
        text = step.function(text)
    return text
