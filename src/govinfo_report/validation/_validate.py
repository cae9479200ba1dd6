"""The entry points: ``validate``, ``iter_discrepancies``, ``validate_parsed`` and the series."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import attrs

from .._schema import AnnualReport
from . import _rules  # noqa: F401  (registers the built-in rules)
from ._catalogue import SERIES_DUPLICATE_YEAR, SERIES_GAP
from ._discrepancy import Discrepancy
from ._identities import structure
from ._labels import SECTION_NAMES
from ._registry import (
    Check,
    Rule,
    RuleContext,
    Step,
    cross_year_checks,
    resolve_steps,
    steps,
)

__all__ = [
    "Discrepancies",
    "HasLines",
    "ParsedReport",
    "iter_discrepancies",
    "validate",
    "validate_parsed",
    "validate_series",
]

RuleSelection = Iterable["str | Rule | Check"] | None
_AFTER = 1_000_000


class HasLines(Protocol):
    """A provenance record: the 1-based source lines a value was read from."""

    @property
    def lines(self) -> tuple[int, ...]: ...


class ParsedReport(Protocol):
    """What :func:`validate_parsed` needs of a parse result."""

    @property
    def report(self) -> AnnualReport: ...

    @property
    def provenance(self) -> Mapping[str, HasLines]: ...


def _check_args(report: object, previous: object) -> None:
    if not isinstance(report, AnnualReport):
        raise TypeError(f"validate() takes an AnnualReport, not {type(report).__name__}")
    if previous is not None and not isinstance(previous, AnnualReport):
        raise TypeError(f"previous must be an AnnualReport or None, not {type(previous).__name__}")


def _order(report: AnnualReport, ctx: RuleContext) -> Mapping[str, int]:
    return structure(report.meta.edition, ctx.analysis.structure.merged).index


def _sorted(found: list[Discrepancy], index: Mapping[str, int]) -> list[Discrepancy]:
    sections = list(SECTION_NAMES)

    def key(d: Discrepancy) -> tuple[int, ...]:
        return tuple(
            index[p] if p in index else _AFTER + (sections.index(p) if p in sections else 99)
            for p in d.paths
        )

    return sorted(found, key=key)


def _not_a_discrepancy(check: Check, d: object) -> TypeError:
    return TypeError(
        f"rule {getattr(check, '__name__', check)!r} yielded {type(d).__name__}, not a Discrepancy"
    )


def _findings(report: AnnualReport, ctx: RuleContext, step: Step) -> list[Any]:
    """One rule's findings in cell order (a third-party rule's are not type-checked yet)."""
    check, findings, ordered = step
    if findings is not None:  # a built-in rule
        found = findings(report, ctx)
        if ordered:
            return found
    else:
        found = list(check(report, ctx))
    if len(found) > 1:
        found = _sorted(found, _order(report, ctx))
    return found


def _run(report: AnnualReport, ctx: RuleContext, plan: Sequence[Step]) -> Iterator[Discrepancy]:
    for step in plan:
        found = _findings(report, ctx, step)
        if step[1] is not None:
            yield from found
            continue
        for d in found:
            if not isinstance(d, Discrepancy):
                raise _not_a_discrepancy(step[0], d)
            yield d


def _collect(report: AnnualReport, ctx: RuleContext, plan: Sequence[Step]) -> list[Discrepancy]:
    """``list(_run(...))``, without a generator step per finding."""
    out: list[Discrepancy] = []
    for step in plan:
        found = _findings(report, ctx, step)
        if step[1] is None:
            for d in found:
                if not isinstance(d, Discrepancy):
                    raise _not_a_discrepancy(step[0], d)
        out += found
    return out


def iter_discrepancies(
    report: AnnualReport,
    *,
    previous: AnnualReport | None = None,
    rules: RuleSelection = None,
) -> Iterator[Discrepancy]:
    """Lazily yield what :func:`validate` returns (rule by rule, so the first is cheap)."""
    _check_args(report, previous)
    plan = resolve_steps(rules)
    return _run(report, RuleContext(report, previous), plan)


class Discrepancies(tuple[Discrepancy, ...]):
    """The tuple :func:`validate` returns; in a notebook it draws itself as a table."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from .._html import discrepancies_html

        return discrepancies_html(self)


def validate(
    report: AnnualReport,
    *,
    previous: AnnualReport | None = None,
    rules: RuleSelection = None,
) -> tuple[Discrepancy, ...]:
    """Every discrepancy of ``report``, by rule order and then by cell order.

    ``previous`` is the same organ's report for the year before (enables the cross-year rules).
    ``rules`` selects rules by code, :class:`Rule` or plain check ``(report, context) ->
    Iterable[Discrepancy]``, run in the given order; by default every registered rule runs.
    Pure: the result depends only on the arguments and the registered rules.
    """
    _check_args(report, previous)
    plan = resolve_steps(rules)
    return Discrepancies(_collect(report, RuleContext(report, previous), plan))


def validate_parsed(
    parsed: ParsedReport,
    *,
    previous: AnnualReport | None = None,
    rules: RuleSelection = None,
) -> tuple[Discrepancy, ...]:
    """:func:`validate` of ``parsed.report``, each finding with its cells' source lines."""
    report = getattr(parsed, "report", None)
    provenance = getattr(parsed, "provenance", None)
    if not isinstance(report, AnnualReport) or not isinstance(provenance, Mapping):
        raise TypeError(
            "validate_parsed() takes a parse result with .report (an AnnualReport) and "
            f".provenance (a mapping), not {type(parsed).__name__}"
        )
    out = []
    for d in validate(report, previous=previous, rules=rules):
        lines: set[int] = set()
        for p in d.paths:
            prov = provenance.get(p)
            if prov is not None:
                lines.update(prov.lines)
        out.append(attrs.evolve(d, lines=tuple(sorted(lines))) if lines else d)
    return Discrepancies(out)


def validate_series(
    reports: Iterable[AnnualReport], *, rules: RuleSelection = None
) -> tuple[Discrepancy, ...]:
    """Cross-year findings of one organ's reports, sorted by ``meta.year``.

    Reports gaps (``series_gap``) and repeated years (``series_duplicate_year``), and runs the
    cross-year rules (those registered with ``cross_year=True``, among ``rules`` when given) on
    each pair of consecutive years. Each report's own findings come from :func:`validate`.
    Raises ValueError for a report without ``meta.year``.
    """
    if isinstance(reports, AnnualReport) or not isinstance(reports, Iterable):
        raise TypeError("validate_series() takes an iterable of AnnualReport")
    items = list(reports)
    for r in items:
        if not isinstance(r, AnnualReport):
            raise TypeError(f"validate_series() takes AnnualReport items, not {type(r).__name__}")
        if type(r.meta.year) is not int:
            raise ValueError("every report of a series needs meta.year")
    items.sort(key=lambda r: r.meta.year or 0)
    plan = steps(cross_year_checks(rules))
    out: list[Discrepancy] = []
    for prev, this in itertools.pairwise(items):
        y, p = this.meta.year, prev.meta.year
        assert y is not None and p is not None
        if y == p:
            out.append(
                SERIES_DUPLICATE_YEAR(
                    paths=(),
                    actual=y,
                    year=y,
                    message_zh=f"{y} 年度有多份报告",
                    message_en=f"more than one report for {y}",
                )
            )
        elif y > p + 1:
            missing = "、".join(str(v) for v in range(p + 1, y))
            out.append(
                SERIES_GAP(
                    paths=(),
                    expected=p + 1,
                    actual=y,
                    year=y,
                    message_zh=f"缺少 {missing} 年度报告",
                    message_en=f"no report for {missing.replace('、', ', ')}",
                )
            )
        else:
            out.extend(
                d if d.year is not None else attrs.evolve(d, year=y)
                for d in _run(this, RuleContext(this, prev), plan)
            )
    return tuple(out)
