"""The arithmetic identities of tables 三 and 四, precomputed once per edition as index tuples.

A report is read into a flat list of values (one slot per canonical path, in the template's order,
plus seven slots for a merged （六）其他处理 row); each identity is two tuples of slots whose sums
must agree. Everything here is computed once per edition and cached (:func:`structure`,
:func:`slots`), so the per-report work is a few C-level passes over the values: :func:`sides`
evaluates every identity at once, :func:`facts` scans the types the rules care about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from operator import add, attrgetter, itemgetter
from typing import Any, NamedTuple, cast

from attrs import field, frozen

from .._schema import AnnualReport, ExtraRowKind, Value
from .._template import Edition, template

__all__ = [
    "APPLICANTS",
    "COLUMNS",
    "MERGED_GROUP",
    "Facts",
    "Identity",
    "Slots",
    "Structure",
    "facts",
    "merged_values",
    "read_values",
    "sides",
    "slots",
    "structure",
]

APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
)
COLUMNS = (*APPLICANTS, "total")
OUTCOMES = ("upheld", "corrected", "other", "pending")
APPEAL_GROUPS = ("review", "litigation_direct", "litigation_after_review")
_ROW = len(COLUMNS)
"""Cells per row of table 三."""
_GROUP = len(OUTCOMES) + 1
"""Cells per group of table 四 (the outcomes, then 总计)."""
MERGED_GROUP = "applications.other_handling"
"""The group a merged （六）其他处理 row stands for (2021 edition)."""

NEW = "applications.new_received"
CARRIED_OVER = "applications.carried_over"
HANDLED = "applications.total_handled"
FORWARD = "applications.carried_forward"
_FRAME_ROWS = (NEW, CARRIED_OVER, HANDLED, FORWARD)


@frozen(kw_only=True)
class Identity:
    """``sum(lhs) == sum(rhs)``: one arithmetic rule applied to one row, column or group."""

    code: str
    """The catalogue code of the rule (``application_row_sum`` …)."""
    key: str
    """The row path, column name or group the identity is about."""
    block: str
    """``applications`` or the appeal group: identities of different blocks share no cell."""
    lhs: tuple[int, ...]
    rhs: tuple[int, ...]
    cells: tuple[int, ...] = field(init=False)
    """Every slot of the identity, left side first."""

    @cells.default
    def _cells(self) -> tuple[int, ...]:
        return self.lhs + self.rhs


@frozen(kw_only=True)
class Structure:
    """The slots and identities of one edition (with or without a merged （六） row)."""

    edition: Edition
    merged: bool
    paths: tuple[str, ...]
    """Slot index -> path; the merged row's slots are ``applications.other_handling.<column>``."""
    index: dict[str, int]
    identities: tuple[Identity, ...]
    by_cell: dict[int, tuple[int, ...]]
    """Slot -> indices of the identities it appears in."""
    checked: tuple[int, ...]
    """The slots of tables 三 and 四 that take part in identities, in slot order."""
    hidden: frozenset[int]
    """Slots replaced by the merged row (the three （六） sub-rows), empty when not merged."""
    zero: int
    """A slot past the last path that holds 0: every side getter includes it, so each getter
    returns a tuple (``itemgetter`` of one index would return a bare value)."""
    getters: tuple[tuple[Callable[[Any], tuple[Any, ...]], Callable[[Any], tuple[Any, ...]]], ...]
    """Per identity: ``itemgetter``s of its left and right slots (plus the zero slot)."""
    checked_getter: Callable[[Any], tuple[Any, ...]]
    cell_paths: tuple[tuple[str, ...], ...]
    """Per identity: the paths of its cells, left side first (what a finding about it names)."""
    grid: Callable[[Any], Sequence[Any]]
    """Every cell of table 三, row by row (the rows of the row-sum identities, in their order),
    each row in ``COLUMNS`` order."""
    row_parts: tuple[slice, ...]
    """Per row, its six applicant cells in ``grid``."""
    column_parts: tuple[slice, ...]
    """Per column, its cells in the result rows (those summed into （七）) in ``grid``."""
    frame: tuple[slice, slice, slice, slice]
    """The rows 一 (new), 二 (carried over), （七） (handled) and 四 (forward) in ``grid``."""
    appeals: Callable[[Any], Sequence[Any]]
    """Every cell of table 四, group by group, each group's ``OUTCOMES`` then its 总计."""
    outcome_parts: tuple[slice, ...]
    """Per group, its four outcomes in ``appeals``."""


def _row_paths(edition: Edition) -> list[str]:
    return [r.key for r in template(edition).rows_of("applications")]


@cache
def structure(edition: Edition, merged: bool = False) -> Structure:
    """The cached structure of ``edition``; ``merged`` only exists for the 2021 edition."""
    t = template(edition)
    paths = list(t.paths)
    rows = _row_paths(edition)
    hidden: set[int] = set()
    if merged:
        sub = [r for r in rows if r.startswith(MERGED_GROUP + ".")]
        first = rows.index(sub[0])
        rows = [r for r in rows if r not in sub]
        rows.insert(first, MERGED_GROUP)
        hidden = {i for i, p in enumerate(paths) if p.startswith(MERGED_GROUP + ".")}
        paths += [f"{MERGED_GROUP}.{c}" for c in COLUMNS]
    index = {p: i for i, p in enumerate(paths)}
    results = [r for r in rows if r not in _FRAME_ROWS]
    ids: list[Identity] = []
    for r in rows:
        ids.append(
            Identity(
                code="application_row_sum",
                key=r,
                block="applications",
                lhs=(index[f"{r}.total"],),
                rhs=tuple(index[f"{r}.{c}"] for c in APPLICANTS),
            )
        )
    for c in COLUMNS:
        ids.append(
            Identity(
                code="application_column_sum",
                key=c,
                block="applications",
                lhs=(index[f"{HANDLED}.{c}"],),
                rhs=tuple(index[f"{r}.{c}"] for r in results),
            )
        )
    for c in COLUMNS:
        ids.append(
            Identity(
                code="application_balance",
                key=c,
                block="applications",
                lhs=(index[f"{HANDLED}.{c}"], index[f"{FORWARD}.{c}"]),
                rhs=(index[f"{NEW}.{c}"], index[f"{CARRIED_OVER}.{c}"]),
            )
        )
    for g in APPEAL_GROUPS:
        ids.append(
            Identity(
                code="appeal_group_sum",
                key=g,
                block=g,
                lhs=(index[f"{g}.total"],),
                rhs=tuple(index[f"{g}.{o}"] for o in OUTCOMES),
            )
        )
    zero = len(paths)
    getters = tuple((itemgetter(*ident.lhs, zero), itemgetter(*ident.rhs, zero)) for ident in ids)
    by_cell: dict[int, list[int]] = {}
    for n, ident in enumerate(ids):
        for i in ident.cells:
            by_cell.setdefault(i, []).append(n)
    new, carried_over, handled, forward = (rows.index(r) for r in _FRAME_ROWS)
    if (new, carried_over, handled, forward) != (0, 1, len(rows) - 2, len(rows) - 1):
        raise RuntimeError(f"table 三 of the {edition.value} edition is not framed by 一, 二 … 四")
    return Structure(
        edition=edition,
        merged=merged,
        paths=tuple(paths),
        index=index,
        identities=tuple(ids),
        by_cell={i: tuple(v) for i, v in by_cell.items()},
        checked=tuple(sorted(by_cell)),
        hidden=frozenset(hidden),
        zero=zero,
        getters=getters,
        checked_getter=itemgetter(*sorted(by_cell)),
        cell_paths=tuple(tuple(paths[i] for i in ident.cells) for ident in ids),
        grid=_picker([index[f"{r}.{c}"] for r in rows for c in COLUMNS]),
        row_parts=tuple(slice(n * _ROW, n * _ROW + len(APPLICANTS)) for n in range(len(rows))),
        column_parts=tuple(
            slice((carried_over + 1) * _ROW + c, handled * _ROW, _ROW) for c in range(_ROW)
        ),
        frame=(_row(new), _row(carried_over), _row(handled), _row(forward)),
        appeals=_picker([index[f"{g}.{o}"] for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")]),
        outcome_parts=tuple(
            slice(n * _GROUP, n * _GROUP + len(OUTCOMES)) for n in range(len(APPEAL_GROUPS))
        ),
    )


def _row(n: int) -> slice:
    return slice(n * _ROW, (n + 1) * _ROW)


def _picker(indices: list[int]) -> Callable[[Any], Sequence[Any]]:
    """The items at ``indices`` (two or more): a slice when they are consecutive."""
    if indices == list(range(indices[0], indices[0] + len(indices))):
        return itemgetter(slice(indices[0], indices[0] + len(indices)))
    return itemgetter(*indices)


def sides(s: Structure, nums: Sequence[Value]) -> tuple[list[int], list[int]] | None:
    """Both sides of every identity of ``s`` in order (left, right), or None when a cell is blank.

    The same sums as ``s.getters``, computed over slices of each table. Every checked slot of
    ``nums`` must hold an int or None.
    """
    grid = s.grid(nums)  # table 三, row after row
    appeals = s.appeals(nums)
    if None in appeals:
        return None
    part, outcomes = grid.__getitem__, appeals.__getitem__
    try:  # every cell of table 三 is summed or added below, so a None raises TypeError
        new, carried_over, handled, forward = map(part, s.frame)
        left = [
            *grid[_ROW - 1 :: _ROW],
            *handled,
            *map(add, handled, forward),
            *appeals[_GROUP - 1 :: _GROUP],
        ]
        right = [
            *map(sum, map(part, s.row_parts)),
            *map(sum, map(part, s.column_parts)),
            *map(add, new, carried_over),
            *map(sum, map(outcomes, s.outcome_parts)),
        ]
    except TypeError:
        return None
    return left, right


def _single(getter: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    return lambda obj: (getter(obj),)


@cache
def _readers(edition: Edition) -> tuple[tuple[Callable[[Any], Any], Callable[[Any], Any]], ...]:
    out = []
    for row in template(edition).rows:
        cols = row.columns
        values = attrgetter(*cols) if len(cols) > 1 else _single(attrgetter(cols[0]))
        out.append((attrgetter(row.key), values))
    return tuple(out)


def read_values(report: AnnualReport) -> list[Value]:
    """Every canonical cell of ``report`` in the template's order (a fast :func:`flatten`)."""
    out: list[Value] = []
    extend = out.extend
    for row, values in _readers(report.meta.edition):
        extend(values(row(report)))
    return out


@frozen(kw_only=True, eq=False)
class Slots:
    """Slot indices of one edition by what the rules check in them."""

    edition: Edition
    paths: tuple[str, ...]
    """Slot -> path (the template's paths, in order)."""
    index: dict[str, int]
    """Path -> slot."""
    counts: tuple[int, ...]
    """Count cells (type ``int``) except the signed 本年增/减 column."""
    signed: tuple[int, ...]
    """The 2019 本年增/减 cells (counts that may be negative)."""
    amounts: tuple[int, ...]
    """Amount cells (type ``decimal``)."""
    others: tuple[int, ...]
    """The slots that are not ``counts`` (the signed and amount cells, few)."""
    tables: dict[str, tuple[int, ...]]
    """Table (``active``, ``applications``, ``appeals``) -> its slots."""


@cache
def slots(edition: Edition) -> Slots:
    """The cached :class:`Slots` of ``edition``."""
    cells = template(edition).cells
    tables: dict[str, list[int]] = {}
    for i, c in enumerate(cells):
        tables.setdefault(c.table, []).append(i)
    counts = tuple(i for i, c in enumerate(cells) if c.type == "int" and c.column_key != "change")
    signed = tuple(i for i, c in enumerate(cells) if c.column_key == "change")
    amounts = tuple(i for i, c in enumerate(cells) if c.type == "decimal")
    if sorted(counts + signed + amounts) != list(range(len(cells))):
        raise RuntimeError(f"cells of the {edition.value} edition that are neither int nor decimal")
    paths = tuple(c.path for c in cells)
    return Slots(
        edition=edition,
        paths=paths,
        index={p: i for i, p in enumerate(paths)},
        counts=counts,
        signed=signed,
        amounts=amounts,
        others=tuple(sorted(signed + amounts)),
        tables={k: tuple(v) for k, v in tables.items()},
    )


_NONE = type(None)
_PLAIN = frozenset((int, _NONE))


class Facts(NamedTuple):
    """What one scan of a report's values tells every rule (see :func:`facts`)."""

    plain: bool
    """Every ``int`` cell holds an int or None (no float, bool, Decimal …)."""
    amounts_valid: bool
    """Every amount cell holds None, an int or a finite Decimal."""
    blank: bool
    """Some cell is None."""
    negative: bool
    """Some count (not a 本年增/减 cell) may be below zero (False only when ``plain``)."""


def facts(sl: Slots, values: Sequence[Value]) -> Facts:
    """:class:`Facts` of ``values`` (a report's :func:`read_values`; ``sl``: its edition's)."""
    counts = list(values)
    for i in sl.others:
        counts[i] = 0  # leaves the count cells to look at (zeros are neither blank nor negative)
    types = set(map(type, counts))
    plain = types <= _PLAIN and all(type(values[i]) in _PLAIN for i in sl.signed)
    # the counts are ints or None when plain: filter(None, …) keeps the nonzero ints
    negative = not plain or min(filter(None, cast("list[int | None]", counts)), default=0) < 0
    return Facts(
        plain=plain,
        amounts_valid=all(_amount(values[i]) for i in sl.amounts),
        blank=_NONE in types or any(values[i] is None for i in sl.others),
        negative=negative,
    )


def _amount(v: Value) -> bool:
    return v is None or type(v) is int or (isinstance(v, Decimal) and v.is_finite())


def merged_values(report: AnnualReport, values: list[Value]) -> list[Value] | None:
    """The seven values of a usable merged （六） row, or ``None`` when the report has none.

    Usable means: a 2021 report, every cell of the three （六） sub-rows blank, and an extra row of
    kind ``merged`` for ``applications.other_handling`` whose values are counts (or blanks) given
    by column name or as seven values in column order.
    """
    if report.meta.edition is not Edition.E2021 or not report.extra_rows:
        return None
    if any(values[i] is not None for i in _merged_hidden()):
        return None
    for extra in report.extra_rows:
        if extra.kind is not ExtraRowKind.MERGED or extra.group != MERGED_GROUP:
            continue
        vals = tuple(extra.values)
        if extra.columns and len(extra.columns) == len(vals):
            named = dict(zip(extra.columns, vals, strict=True))
            if not set(named) <= set(COLUMNS):
                continue
            row = [named.get(c) for c in COLUMNS]
        elif len(vals) == len(COLUMNS):
            row = list(vals)
        else:
            continue
        if all(v is None or (type(v) is int) for v in row):
            return row
    return None


@cache
def _merged_hidden() -> tuple[int, ...]:
    return tuple(sorted(structure(Edition.E2021, True).hidden))
