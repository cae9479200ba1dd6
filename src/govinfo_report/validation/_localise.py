"""Evaluate the identities of one report: broken ones, blanks they imply, single-cell fixes.

The analysis is computed once per report and shared by the arithmetic and completeness rules:

- an identity whose cells are all printed either holds or is *broken*;
- an identity with blanks is not broken; its blanks are solved for where one identity leaves a
  single unknown (repeatedly, so chains of blanks resolve). A blank solved for two different
  values, or for a negative one, has no implied value, and an identity that still fails once its
  blanks are filled is reported as broken;
- a *fix* is one printed cell whose change would make every broken identity of its block hold
  without breaking one that holds. In table 三 a single wrong cell is always the only fix; in a
  group of table 四 every cell of the group that can absorb the difference is one.
"""

from __future__ import annotations

from operator import eq
from typing import NamedTuple, cast

from attrs import frozen

from .._schema import AnnualReport, Value
from ._discrepancy import CellFix
from ._identities import Structure, merged_values, read_values, sides, structure

__all__ = ["Analysis", "Broken", "analyse", "localise"]


class Broken(NamedTuple):
    """One identity that does not hold: ``actual`` (left side) against ``expected`` (right).

    A named tuple rather than an attrs class: a report can break dozens of identities, and a
    tuple is several times cheaper to make.
    """

    identity: int
    actual: int
    expected: int
    filled: bool
    """True when blanks were filled with implied values to evaluate it."""


@frozen(kw_only=True)
class Analysis:
    """What the identities say about one report."""

    structure: Structure
    values: tuple[Value, ...]
    """Slot values: the canonical cells, then the merged （六） row's when there is one."""
    invalid: frozenset[int]
    """Slots of tables 三/四 holding something other than an int (or None)."""
    broken: tuple[Broken, ...]
    implied: dict[int, int | None]
    """Each blank (or invalid) slot of an identity: its implied value, None when undetermined."""
    fixes: dict[str, tuple[CellFix, ...]]
    """Block -> single-cell fixes of its broken identities (empty tuple when there is none)."""


_COUNT_TYPES = {int, type(None)}


def analyse(
    report: AnnualReport, values: list[Value] | None = None, *, plain: bool = False
) -> Analysis:
    """Evaluate every identity of ``report`` (``values``: its :func:`read_values`, if known).

    ``plain=True`` tells that every ``int`` cell holds an int or None (``Facts.plain``), which
    spares a type check.
    """
    vals = read_values(report) if values is None else values
    merged = merged_values(report, vals)
    s = structure(report.meta.edition, merged is not None)
    if merged is not None:
        vals = [*vals, *merged]
    nums = vals  # what the identities read: invalid values are taken as blanks
    invalid: set[int] = set()
    if not plain and not set(map(type, s.checked_getter(vals))) <= _COUNT_TYPES:
        nums = list(vals)
        for i in s.checked:
            v = nums[i]
            if v is not None and type(v) is not int:
                nums[i] = None
                invalid.add(i)
    broken: list[Broken] = []
    implied: dict[int, int | None] = {}
    both = sides(s, nums)
    if both is not None:  # no blank: every identity holds or is broken
        left, right = both
        holds: list[bool] = []
        if left != right:
            holds = list(map(eq, left, right))
            broken = [
                Broken(n, left[n], right[n], False)  # (identity, actual, expected, filled)
                for n, ok in enumerate(holds)
                if not ok
            ]
    else:  # blanks: the identities without one are evaluated with the blanks set to 0
        blanks = [i for i in s.checked if nums[i] is None]
        incomplete = sorted({n for i in blanks for n in s.by_cell[i]})
        filled = list(nums)
        for i in blanks:
            filled[i] = 0
        both = sides(s, filled)
        assert both is not None  # every checked slot of ``filled`` is an int
        skip = set(incomplete)
        holds = [False] * len(s.identities)
        for n, (a, b) in enumerate(zip(*both, strict=True)):
            if n in skip:
                continue
            if a != b:
                broken.append(Broken(n, a, b, False))
            else:
                holds[n] = True
        nums = [*nums, 0]  # with the zero slot that ``s.getters`` read
        broken.extend(_fill(s, nums, incomplete, implied))
        broken.sort(key=lambda b: b.identity)
    fixes = _fixes(s, nums, broken, holds) if broken else {}
    return Analysis(
        structure=s,
        values=tuple(vals),
        invalid=frozenset(invalid),
        broken=tuple(broken),
        implied=implied,
        fixes=fixes,
    )


def _fill(
    s: Structure, nums: list[Value], incomplete: list[int], implied: dict[int, int | None]
) -> list[Broken]:
    """Solve blanks identity by identity; return the identities still broken once filled.

    Pass after pass over ``incomplete`` (in order), an identity left with one unknown cell
    determines it; a blank solved for a negative value, or in an identity that still fails, has
    no implied value.
    """
    work = list(nums)  # the blanks' solved values are written in as they are found
    blank = {n: [i for i in s.identities[n].cells if nums[i] is None] for n in incomplete}
    unknown = {n: len(cells) for n, cells in blank.items()}  # of each identity's blanks, unsolved
    bad: set[int] = set()
    progress = True
    while progress:
        progress = False
        for n in incomplete:
            if unknown[n] != 1:
                continue
            (i,) = (j for j in blank[n] if work[j] is None)
            work[i] = 0
            lhs, rhs = s.getters[n]
            a = sum(lhs(work))
            b = sum(rhs(work))
            v = b - a if i in s.identities[n].lhs else a - b
            work[i] = v
            for m in s.by_cell[i]:
                if m in unknown:
                    unknown[m] -= 1
            if v < 0:
                bad.add(i)
            progress = True
    out: list[Broken] = []
    for n in incomplete:
        if unknown[n]:  # a blank no identity determines
            continue
        lhs, rhs = s.getters[n]
        a = sum(lhs(work))
        b = sum(rhs(work))
        if a != b:
            out.append(Broken(n, a, b, True))
            bad.update(blank[n])
    for n in incomplete:
        for i in blank[n]:
            if i not in implied:
                implied[i] = None if i in bad else cast("int | None", work[i])
    return out


def _fixes(
    s: Structure, nums: list[Value], broken: list[Broken], holds: list[bool]
) -> dict[str, tuple[CellFix, ...]]:
    by_block: dict[str, list[Broken]] = {}
    for b in broken:
        if not b.filled:
            by_block.setdefault(s.identities[b.identity].block, []).append(b)
    out: dict[str, tuple[CellFix, ...]] = {}
    for block, items in by_block.items():
        idents = [s.identities[b.identity] for b in items]
        common = set(idents[0].cells).intersection(*(ident.cells for ident in idents[1:]))
        fixes: list[CellFix] = []
        for i in sorted(common):
            current = nums[i]
            if not isinstance(current, int):
                continue
            if any(holds[n] for n in s.by_cell[i]):
                continue
            deltas = {
                (b.expected - b.actual) if i in ident.lhs else (b.actual - b.expected)
                for b, ident in zip(items, idents, strict=True)
            }
            if len(deltas) != 1:
                continue
            suggested = current + deltas.pop()
            if suggested >= 0:
                fixes.append(CellFix(path=s.paths[i], current=current, suggested=suggested))
        out[block] = tuple(fixes)
    return out


def localise(report: AnnualReport) -> tuple[CellFix, ...]:
    """Single-cell changes that would make every broken identity of their block hold.

    Blocks are table 三 and each group of table 四. A block with no broken identity contributes
    nothing; a block whose broken identities no single change can repair (two wrong cells)
    contributes nothing either. Fixes are in template order.
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"localise() takes an AnnualReport, not {type(report).__name__}")
    a = analyse(report)
    index = a.structure.index
    fixes = [f for block in a.fixes.values() for f in block]
    return tuple(sorted(fixes, key=lambda f: index[f.path]))
