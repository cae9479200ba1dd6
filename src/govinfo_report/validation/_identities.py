"""The arithmetic identities of tables 三 and 四, precomputed once per edition as index tuples.

A report is read into a flat list of values (one slot per canonical path, in the template's order,
plus seven slots for a merged （六）其他处理 row); each identity is two tuples of slots whose sums
must agree. Everything here is computed once per edition and cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any

from attrs import frozen

from .._schema import AnnualReport, ExtraRowKind, Value
from .._template import Edition, template

__all__ = [
    "APPLICANTS",
    "COLUMNS",
    "MERGED_GROUP",
    "Identity",
    "Structure",
    "merged_values",
    "read_values",
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

    @property
    def cells(self) -> tuple[int, ...]:
        """Every slot of the identity, left side first."""
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
    )


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
    for row, values in _readers(report.meta.edition):
        out.extend(values(row(report)))
    return out


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
