"""The built-in rules: one check per catalogue code, registered in the catalogue's order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from operator import itemgetter

from .._schema import AnnualReport, Value
from .._template import Edition
from . import _catalogue as K
from ._discrepancy import Discrepancy, DiscrepancyKind
from ._identities import (
    CARRIED_OVER,
    COLUMNS,
    FORWARD,
    HANDLED,
    NEW,
    Slots,
    slots,
    structure,
)
from ._labels import SECTION_NAMES, TABLE_NAMES, cell_label, column_label, row_label
from ._narrative import check_narrative, narrative_findings
from ._registry import Findings, Rule, RuleContext, add_builtin

__all__: list[str] = []

Check = Callable[[AnnualReport, RuleContext], Iterator[Discrepancy]]


def _builtin(
    kind: DiscrepancyKind, *, cross_year: bool = False, ordered: bool = True
) -> Callable[[Findings], Check]:
    """Register ``findings`` (returning a list) as the rule of ``kind``.

    The registered check is a generator function yielding the list's items, named and documented
    like ``findings``; :func:`validate` calls ``findings`` directly. ``ordered``: the list is in
    cell order already (as :func:`validate` would sort it).
    """

    def decorate(findings: Findings) -> Check:
        def check(report: AnnualReport, ctx: RuleContext) -> Iterator[Discrepancy]:
            yield from findings(report, ctx)

        check.__name__ = findings.__name__
        check.__qualname__ = findings.__qualname__
        check.__doc__ = findings.__doc__
        add_builtin(Rule(kind=kind, check=check, cross_year=cross_year), findings, ordered=ordered)
        return check

    return decorate


def _int(v: Value) -> int | None:
    return v if type(v) is int else None


@cache
def _picker(sl: Slots, paths: tuple[str, ...]) -> Callable[[list[Value]], tuple[Value, ...]]:
    return itemgetter(*(sl.index[p] for p in paths))  # two or more paths: returns a tuple


def _ints(ctx: RuleContext, paths: tuple[str, ...]) -> list[int | None]:
    """The values at ``paths`` (two or more), with anything but an int as None."""
    return [v if type(v) is int else None for v in _picker(ctx._slots, paths)(ctx.values)]


Group = tuple[str, tuple[str, ...]]
"""A row or column and the paths a rule reads in it."""


def _flat(groups: tuple[Group, ...]) -> tuple[str, ...]:
    """Every path of ``groups`` in turn (to read them all with one :func:`_ints`)."""
    return tuple(p for _, paths in groups for p in paths)


def _per_column(*rows: str) -> tuple[Group, ...]:
    return tuple((c, tuple(f"{r}.{c}" for r in rows)) for c in COLUMNS)


_GRANTED = _per_column("applications.granted", "applications.partially_granted", HANDLED)
_SUPPLY = _per_column(NEW, CARRIED_OVER, FORWARD)
_GRANTED_PATHS, _SUPPLY_PATHS = _flat(_GRANTED), _flat(_SUPPLY)


# -- arithmetic ------------------------------------------------------------------------------------


Messages = Callable[[str, int, int], tuple[str, str]]
"""``(label, actual, expected) -> (message_zh, message_en)`` of a broken identity."""


def _row_sum_messages(row: str, actual: int, expected: int) -> tuple[str, str]:
    return (
        f"{row}：六类申请人之和为 {expected}，总计为 {actual}",
        f"{row}: the six applicant columns sum to {expected}, but 总计 shows {actual}",
    )


def _column_sum_messages(col: str, actual: int, expected: int) -> tuple[str, str]:
    return (
        f"{col}栏：办理结果各项之和为 {expected}，（七）总计为 {actual}",
        f"column {col}: the result rows sum to {expected}, but （七）总计 shows {actual}",
    )


def _balance_messages(col: str, actual: int, expected: int) -> tuple[str, str]:
    return (
        f"{col}栏：第一项加第二项之和为 {expected}，第三项（七）总计加第四项之和为 {actual}，"
        "不符合勾稽关系",
        f"column {col}: 一 + 二 = {expected} but （七）总计 + 四 = {actual}",
    )


def _group_sum_messages(group: str, actual: int, expected: int) -> tuple[str, str]:
    return (
        f"{group}：结果维持、结果纠正、其他结果、尚未审结之和为 {expected}，总计为 {actual}",
        f"{group}: the four outcomes sum to {expected}, but 总计 shows {actual}",
    )


_BY_COLUMN = (K.APPLICATION_COLUMN_SUM.code, K.APPLICATION_BALANCE.code)
"""Identities about a column (the others are about a row or a group)."""


@cache
def _identity_labels(edition: Edition, merged: bool) -> tuple[str, ...]:
    """Per identity of ``structure(edition, merged)``: its row's, column's or group's label."""
    return tuple(
        column_label(edition, ident.key)
        if ident.code in _BY_COLUMN
        else row_label(edition, ident.key)
        for ident in structure(edition, merged).identities
    )


def _identity_rule(kind: DiscrepancyKind, messages: Messages) -> Findings:
    code = kind.code

    def findings(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
        a = ctx.analysis
        if not a.broken:
            return []
        s = a.structure
        labels = _identity_labels(s.edition, s.merged)
        found: list[tuple[tuple[int, ...], Discrepancy]] = []
        for b in a.broken:
            ident = s.identities[b.identity]
            if ident.code != code:
                continue
            zh, en = messages(labels[b.identity], b.actual, b.expected)
            if b.filled:
                zh += "（空白单元格按勾稽关系推算后仍不相符）"
                en += " (still, with blank cells filled by their implied values)"
            d = kind(
                paths=s.cell_paths[b.identity],
                expected=b.expected,
                actual=b.actual,
                message_zh=zh,
                message_en=en,
                fixes=() if b.filled else a.fixes.get(ident.block, ()),
            )
            found.append((ident.cells, d))
        if len(found) > 1:  # into cell order: a merged row's slots come after every path's
            found.sort(key=_first)
        return [d for _, d in found]

    findings.__name__ = findings.__qualname__ = code
    findings.__doc__ = kind.title
    return findings


def _first(item: tuple[tuple[int, ...], Discrepancy]) -> tuple[int, ...]:
    return item[0]


for _kind, _messages in (
    (K.APPLICATION_ROW_SUM, _row_sum_messages),
    (K.APPLICATION_COLUMN_SUM, _column_sum_messages),
    (K.APPLICATION_BALANCE, _balance_messages),
    (K.APPEAL_GROUP_SUM, _group_sum_messages),
):
    _builtin(_kind)(_identity_rule(_kind, _messages))


# -- values ----------------------------------------------------------------------------------------


def _negative(kind: DiscrepancyKind, edition: Edition, path: str, v: int | Decimal) -> Discrepancy:
    """The finding of a negative count or amount."""
    label = cell_label(edition, path)
    return kind(
        paths=(path,),
        actual=v,
        message_zh=f"{label}为负数 {v}",
        message_en=f"{label} is negative ({v})",
    )


@_builtin(K.NEGATIVE_COUNT)
def negative_count(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Counts below zero (the 2019 本年增/减 columns are signed and exempt)."""
    if not ctx._facts.negative:
        return []
    vals = ctx.values
    sl = ctx._slots
    paths = sl.paths
    out = []
    for i in sl.counts:
        v = vals[i]
        if type(v) is int and v < 0:
            out.append(_negative(K.NEGATIVE_COUNT, ctx.edition, paths[i], v))
    return out


@_builtin(K.NEGATIVE_AMOUNT)
def negative_amount(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Amounts below zero."""
    vals = ctx.values
    sl = ctx._slots
    paths = sl.paths
    out = []
    for i in sl.amounts:
        v = vals[i]
        if (type(v) is int or (isinstance(v, Decimal) and v.is_finite())) and v < 0:
            out.append(_negative(K.NEGATIVE_AMOUNT, ctx.edition, paths[i], v))
    return out


def _valid(v: object, amount: bool) -> bool:
    if v is None or type(v) is int:
        return True
    return amount and isinstance(v, Decimal) and v.is_finite()


@_builtin(K.INVALID_VALUE)
def invalid_value(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Cells holding a value of the wrong type (a fraction in a count, a float, a bool)."""
    f = ctx._facts
    if f.plain and f.amounts_valid:
        return []
    vals = ctx.values
    paths = ctx._slots.paths
    amounts = set(ctx._slots.amounts)
    implied = None
    out = []
    # only cells that are neither blank nor an int can be invalid
    for i, v in enumerate(vals):
        if v is None or type(v) is int or _valid(v, i in amounts):
            continue
        if implied is None:
            implied = ctx.analysis.implied
        label = cell_label(ctx.edition, paths[i])
        out.append(
            K.INVALID_VALUE(
                paths=(paths[i],),
                expected=implied.get(i),
                message_zh=f"{label}的值 {v!r} 不是{'金额' if i in amounts else '整数'}",
                message_en=f"{label} holds {v!r}, not {'an amount' if i in amounts else 'a count'}",
            )
        )
    return out


# -- completeness ----------------------------------------------------------------------------------


def _missing_tables(ctx: RuleContext) -> list[str]:
    if not ctx._facts.blank:
        return []
    vals = ctx.values
    out = []
    for table, table_slots in ctx._slots.tables.items():
        if all(vals[i] is None for i in table_slots):
            if table == "applications" and ctx.analysis.structure.merged:
                continue
            out.append(table)
    return out


# Findings are immutable values, so the rules below that often make equal ones (a missing section,
# a blank cell) make each once and hand out the same object again.


@cache
def _missing_table(edition: Edition, table: str) -> Discrepancy:
    sl = slots(edition)
    paths = sl.paths
    name = TABLE_NAMES[table]
    table_slots = sl.tables[table]
    return K.MISSING_TABLE(
        paths=[paths[i] for i in table_slots],
        message_zh=f"缺少{name}（全部单元格空白）",
        message_en=f"table {name} is missing: all {len(table_slots)} cells are blank",
    )


@_builtin(K.MISSING_TABLE)
def missing_table(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Tables 二, 三 or 四 with every cell blank."""
    return [_missing_table(ctx.edition, table) for table in _missing_tables(ctx)]


_MISSING_SECTIONS = {
    key: K.MISSING_SECTION(
        paths=(key,), message_zh=f"缺少“{name}”", message_en=f"section {name} is missing or empty"
    )
    for key, name in SECTION_NAMES.items()
}


@_builtin(K.MISSING_SECTION)
def missing_section(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Prose sections 一, 五 and 六 that are None or only whitespace."""
    out = []
    for key, finding in _MISSING_SECTIONS.items():
        text = getattr(report, key)
        if not isinstance(text, str) or not text.strip():
            out.append(finding)
    return out


_BLANKS: dict[tuple[Edition, str, int | None], Discrepancy] = {}
"""``blank_cell`` findings made so far, by edition, path and implied value."""
_MAX_BLANKS = 4096
"""``_BLANKS`` is emptied when it holds this many."""


def _blank(edition: Edition, path: str, implied: int | None) -> Discrepancy:
    key = (edition, path, implied)
    found = _BLANKS.get(key)
    if found is None:
        label = cell_label(edition, path)
        if implied is None:
            zh, en = f"{label}空白", f"{label} is blank"
        else:
            zh = f"{label}空白；按勾稽关系应为 {implied}"
            en = f"{label} is blank; the identities imply {implied}"
        found = K.BLANK_CELL(paths=(path,), expected=implied, message_zh=zh, message_en=en)
        if len(_BLANKS) >= _MAX_BLANKS:
            _BLANKS.clear()
        _BLANKS[key] = found
    return found


@_builtin(K.BLANK_CELL)
def blank_cell(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Blank cells, with the value the identities imply where they determine it."""
    if not ctx._facts.blank:
        return []
    a = ctx.analysis
    s = a.structure
    skip = set(s.hidden)
    for table in _missing_tables(ctx):
        skip.update(ctx._slots.tables[table])
    edition, implied = ctx.edition, a.implied
    return [
        _blank(edition, s.paths[i], implied.get(i))
        for i, v in enumerate(a.values)
        if v is None and i not in skip
    ]


_MERGED_ROW_USED = K.MERGED_ROW_USED(
    paths=[f"applications.other_handling.{c}" for c in COLUMNS],
    message_zh="（六）其他处理印作一行，按该行计算勾稽关系",
    message_en="（六）其他处理 is printed as one row; it is used as the group's subtotal",
)


@_builtin(K.MERGED_ROW_USED)
def merged_row_used(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """A merged （六）其他处理 row used as the group's subtotal (2021 edition)."""
    return [_MERGED_ROW_USED] if ctx.analysis.structure.merged else []


# -- edition and narrative ---------------------------------------------------------------------


@_builtin(K.EDITION_MISMATCH)
def edition_mismatch(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """A report for 2021 or later in the 2019 edition, or the reverse."""
    year = report.meta.year
    if type(year) is not int:
        return []
    right = Edition.for_year(year)
    if right is report.meta.edition:
        return []
    return [
        K.EDITION_MISMATCH(
            paths=(),
            message_zh=f"{year} 年度报告应使用 {right.value} 年版格式，实际为 "
            f"{report.meta.edition.value} 年版",
            message_en=f"a report for {year} should use the {right.value} edition, not "
            f"{report.meta.edition.value}",
        )
    ]


add_builtin(
    Rule(kind=K.NARRATIVE_MISMATCH, check=check_narrative), narrative_findings, ordered=False
)


# -- plausibility ----------------------------------------------------------------------------------


def _column_identity_blank(ctx: RuleContext, code: str, column: str) -> bool:
    """True when the identity ``code`` of ``column`` has a cell that is not a count."""
    a = ctx.analysis
    s = a.structure
    for ident in s.identities:
        if ident.code == code and ident.key == column:
            return any(type(a.values[i]) is not int for i in ident.cells)
    return False


@_builtin(K.GRANTED_EXCEED_HANDLED)
def granted_exceed_handled(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """（一） + （二） > （七） in a column whose sum cannot be checked because of blanks."""
    if not ctx.analysis.implied:
        return []  # every cell of every identity is a count: no column sum is unchecked
    out = []
    values = iter(_ints(ctx, _GRANTED_PATHS))  # three per column
    for (c, _), g, p, h in zip(_GRANTED, values, values, values, strict=True):
        if g is None or p is None or h is None or g + p <= h:
            continue
        if not _column_identity_blank(ctx, "application_column_sum", c):
            continue
        col = column_label(ctx.edition, c)
        out.append(
            K.GRANTED_EXCEED_HANDLED(
                paths=(
                    f"applications.granted.{c}",
                    f"applications.partially_granted.{c}",
                    f"{HANDLED}.{c}",
                ),
                expected=h,
                actual=g + p,
                message_zh=f"{col}栏：予以公开与部分公开之和 {g + p} 大于（七）总计 {h}",
                message_en=f"column {col}: （一） + （二） = {g + p} exceeds （七）总计 {h}",
            )
        )
    return out


@_builtin(K.CARRIED_FORWARD_EXCEEDS_RECEIVED)
def carried_forward_exceeds_received(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """四 > 一 + 二 in a column whose balance cannot be checked because of blanks."""
    if not ctx.analysis.implied:
        return []  # every cell of every identity is a count: no balance is unchecked
    out = []
    values = iter(_ints(ctx, _SUPPLY_PATHS))  # three per column
    for (c, _), n, o, f in zip(_SUPPLY, values, values, values, strict=True):
        if n is None or o is None or f is None or f <= n + o:
            continue
        if not _column_identity_blank(ctx, "application_balance", c):
            continue
        col = column_label(ctx.edition, c)
        out.append(
            K.CARRIED_FORWARD_EXCEEDS_RECEIVED(
                paths=(f"{NEW}.{c}", f"{CARRIED_OVER}.{c}", f"{FORWARD}.{c}"),
                expected=n + o,
                actual=f,
                message_zh=f"{col}栏：结转下年度 {f} 大于本年新收与上年结转之和 {n + o}",
                message_en=f"column {col}: 四 = {f} exceeds 一 + 二 = {n + o}",
            )
        )
    return out


@_builtin(K.LARGE_BACKLOG)
def large_backlog(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """More than half of 一 + 二 carried forward (总计 column, at least 20 applications)."""
    n, o, f = _ints(ctx, _SUPPLY[-1][1])
    if n is None or o is None or f is None or n + o < 20 or 2 * f <= n + o:
        return []
    return [
        K.LARGE_BACKLOG(
            paths=(f"{NEW}.total", f"{CARRIED_OVER}.total", f"{FORWARD}.total"),
            actual=f,
            message_zh=f"结转下年度 {f} 件，超过本年新收与上年结转之和 {n + o} 件的一半",
            message_en=f"{f} of {n + o} applications (more than half) are carried forward",
        )
    ]


_DOC_ROWS = ("active.regulations", "active.normative_documents")
_DOC_2021 = tuple(
    (row, (f"{row}.issued", f"{row}.repealed", f"{row}.in_force")) for row in _DOC_ROWS
)
_DOC_2019 = tuple(
    (row, (f"{row}.newly_made", f"{row}.newly_published", f"{row}.total_published"))
    for row in _DOC_ROWS
)
_DOC_2021_PATHS, _DOC_2019_PATHS = _flat(_DOC_2021), _flat(_DOC_2019)


@_builtin(K.IN_FORCE_BELOW_NET_ISSUED)
def in_force_below_net_issued(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """2021: 现行有效 < 本年制发 − 本年废止."""
    if ctx.edition is not Edition.E2021:
        return []
    out = []
    values = iter(_ints(ctx, _DOC_2021_PATHS))  # three per row
    for (row, paths), i, r, f in zip(_DOC_2021, values, values, values, strict=True):
        if i is None or r is None or f is None or f >= i - r:
            continue
        label = row_label(ctx.edition, row)
        out.append(
            K.IN_FORCE_BELOW_NET_ISSUED(
                paths=paths,
                expected=i - r,
                actual=f,
                message_zh=f"{label}：现行有效件数 {f} 小于本年制发 {i} 减本年废止 {r}",
                message_en=f"{label}: {f} in force, fewer than {i} issued − {r} repealed",
            )
        )
    return out


@_builtin(K.TOTAL_PUBLISHED_BELOW_NEW)
def total_published_below_new(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """2019: 对外公开总数量 < 本年新公开数量."""
    if ctx.edition is not Edition.E2019:
        return []
    out = []
    values = iter(_ints(ctx, _DOC_2019_PATHS))  # three per row
    for (row, paths), _, new, total in zip(_DOC_2019, values, values, values, strict=True):
        if new is None or total is None or total >= new:
            continue
        label = row_label(ctx.edition, row)
        out.append(
            K.TOTAL_PUBLISHED_BELOW_NEW(
                paths=paths[1:],
                expected=new,
                actual=total,
                message_zh=f"{label}：对外公开总数量 {total} 小于本年新公开数量 {new}",
                message_en=f"{label}: total published {total} is below newly published {new}",
            )
        )
    return out


@_builtin(K.PUBLISHED_EXCEEDS_MADE)
def published_exceeds_made(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """2019: 本年新公开数量 > 本年新制作数量."""
    if ctx.edition is not Edition.E2019:
        return []
    out = []
    values = iter(_ints(ctx, _DOC_2019_PATHS))  # three per row
    for (row, paths), made, pub, _ in zip(_DOC_2019, values, values, values, strict=True):
        if made is None or pub is None or pub <= made:
            continue
        label = row_label(ctx.edition, row)
        out.append(
            K.PUBLISHED_EXCEEDS_MADE(
                paths=paths[:2],
                actual=pub,
                message_zh=f"{label}：本年新公开数量 {pub} 大于本年新制作数量 {made}",
                message_en=f"{label}: {pub} newly published, more than {made} newly made",
            )
        )
    return out


_ITEM_ROWS = tuple(
    (row, (f"{row}.prior_year_items", f"{row}.change"))
    for row in (
        "active.licensing",
        "active.other_services",
        "active.penalty",
        "active.coercion",
        "active.fees",
    )
)
_ITEM_PATHS = _flat(_ITEM_ROWS)


@_builtin(K.ITEM_COUNT_NEGATIVE)
def item_count_negative(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """2019: 上一年项目数量 + 本年增/减 < 0."""
    if ctx.edition is not Edition.E2019:
        return []
    out = []
    values = iter(_ints(ctx, _ITEM_PATHS))  # two per row
    for (row, paths), prior, change in zip(_ITEM_ROWS, values, values, strict=True):
        if prior is None or change is None or prior + change >= 0:
            continue
        label = row_label(ctx.edition, row)
        out.append(
            K.ITEM_COUNT_NEGATIVE(
                paths=paths,
                actual=prior + change,
                message_zh=f"{label}：上一年项目数量 {prior} 加本年增/减 {change} 为负数",
                message_en=f"{label}: {prior} prior-year items plus a change of {change} "
                "is negative",
            )
        )
    return out


# -- across years ----------------------------------------------------------------------------------


def _consecutive(report: AnnualReport, previous: AnnualReport) -> bool:
    y, p = report.meta.year, previous.meta.year
    return y is None or p is None or p == y - 1


@_builtin(K.PREVIOUS_YEAR_MISMATCH, cross_year=True)
def previous_year_mismatch(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """``previous`` is not the report for the year before (cross-year rules then skip)."""
    prev = ctx.previous
    if prev is None or _consecutive(report, prev):
        return []
    y, p = report.meta.year, prev.meta.year
    return [
        K.PREVIOUS_YEAR_MISMATCH(
            paths=(),
            expected=None if y is None else y - 1,
            actual=p,
            message_zh=f"上一年度报告应为 {y and y - 1} 年度，实际为 {p} 年度",
            message_en=f"the previous report should be for {y and y - 1}, not {p}",
        )
    ]


@_builtin(K.PREVIOUS_ORGAN_MISMATCH, cross_year=True)
def previous_organ_mismatch(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """``previous`` names another organ."""
    prev = ctx.previous
    if prev is None:
        return []
    a, b = report.meta.organ, prev.meta.organ
    if not (a and b and a.strip() != b.strip()):
        return []
    return [
        K.PREVIOUS_ORGAN_MISMATCH(
            paths=(),
            message_zh=f"上一年度报告的发布机关为“{b}”，本报告为“{a}”",
            message_en=f"the previous report is by {b}, this one by {a}",
        )
    ]


@_builtin(K.CARRY_OVER_MISMATCH, cross_year=True)
def carry_over_mismatch(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """Last year's 四 differs from this year's 二, per column."""
    prev = ctx.previous
    if prev is None or not _consecutive(report, prev):
        return []
    this_app, prev_app = report.applications, prev.applications
    out = []
    for c in COLUMNS:
        before = _int(getattr(prev_app.carried_forward, c))
        now = _int(getattr(this_app.carried_over, c))
        if before is None or now is None or before == now:
            continue
        col = column_label(ctx.edition, c)
        out.append(
            K.CARRY_OVER_MISMATCH(
                paths=(f"{CARRIED_OVER}.{c}",),
                expected=before,
                actual=now,
                message_zh=f"{col}栏：上年结转 {now} 件，上一年度报告结转下年度 {before} 件",
                message_en=f"column {col}: {now} carried over, but last year's report carried "
                f"{before} forward",
            )
        )
    return out


@_builtin(K.IN_FORCE_STOCK_MISMATCH, cross_year=True)
def in_force_stock_mismatch(report: AnnualReport, ctx: RuleContext) -> list[Discrepancy]:
    """现行有效 ≠ last year's 现行有效 + 制发 − 废止 (2021 edition in both years)."""
    prev = ctx.previous
    if (
        prev is None
        or not _consecutive(report, prev)
        or ctx.edition is not Edition.E2021
        or prev.meta.edition is not Edition.E2021
    ):
        return []
    out = []
    values = iter(_ints(ctx, _DOC_2021_PATHS))  # three per row
    for (row, paths), i, r, f in zip(_DOC_2021, values, values, values, strict=True):
        name = row.rpartition(".")[2]
        before = _int(getattr(prev.active, name).in_force)
        if before is None or i is None or r is None or f is None or before + i - r == f:
            continue
        label = row_label(ctx.edition, row)
        out.append(
            K.IN_FORCE_STOCK_MISMATCH(
                paths=paths,
                expected=before + i - r,
                actual=f,
                message_zh=f"{label}：上年现行有效 {before} 件加本年制发 {i} 件减废止 {r} 件应为 "
                f"{before + i - r} 件，实际为 {f} 件",
                message_en=f"{label}: {before} in force last year + {i} issued − {r} repealed = "
                f"{before + i - r}, but {f} are in force",
            )
        )
    return out
