"""The rule registry: :class:`Rule`, the context rules receive, and ``register_rule``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import TypeVar

from attrs import frozen

from .._schema import AnnualReport, Value
from .._template import Edition, template
from ._catalogue import BUILTIN_KINDS
from ._discrepancy import Discrepancy, DiscrepancyKind, Severity
from ._identities import Facts, Slots, facts, read_values, slots
from ._localise import Analysis, analyse

__all__ = [
    "Check",
    "Rule",
    "RuleContext",
    "catalogue",
    "get_rule",
    "register_rule",
    "rules",
    "unregister_rule",
]


@cache
def _path_index(edition: Edition) -> dict[str, int]:
    return {p: i for i, p in enumerate(template(edition).paths)}


class _CellView(Mapping[str, Value]):
    """A read-only ``{path: value}`` view of the flat values (no copy)."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: list[Value], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, path: str) -> Value:
        return self._values[self._index[path]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class RuleContext:
    """What a rule may use besides the report: ``previous`` and shared, lazily computed views.

    One context serves every rule of one :func:`validate` call, so the flat cells and the
    identity analysis are computed at most once per report.
    """

    __slots__ = ("_analysis", "_cells", "_layout", "_scanned", "_values", "previous", "report")

    def __init__(self, report: AnnualReport, previous: AnnualReport | None = None) -> None:
        self.report = report
        self.previous = previous
        """The same organ's report for the year before, when the caller gave one."""
        self._values: list[Value] | None = None
        self._cells: _CellView | None = None
        self._analysis: Analysis | None = None
        self._scanned: Facts | None = None
        self._layout: Slots | None = None

    @property
    def edition(self) -> Edition:
        """The report's template edition."""
        return self.report.meta.edition

    @property
    def values(self) -> list[Value]:
        """Every canonical cell's value, in the template's order (do not modify)."""
        if self._values is None:
            self._values = read_values(self.report)
        return self._values

    @property
    def cells(self) -> Mapping[str, Value]:
        """``{path: value}`` for every canonical path, like :func:`govinfo_report.flatten`."""
        if self._cells is None:
            self._cells = _CellView(self.values, _path_index(self.edition))
        return self._cells

    @property
    def analysis(self) -> Analysis:
        """The identities of tables 三 and 四 evaluated (see :mod:`._localise`)."""
        if self._analysis is None:
            self._analysis = analyse(self.report, self.values, plain=self._facts.plain)
        return self._analysis

    @property
    def _slots(self) -> Slots:
        """The slots of the report's edition (internal)."""
        if self._layout is None:
            self._layout = slots(self.edition)
        return self._layout

    @property
    def _facts(self) -> Facts:
        """What one scan of :attr:`values` tells the built-in rules (internal)."""
        if self._scanned is None:
            self._scanned = facts(self._slots, self.values)
        return self._scanned


Check = Callable[[AnnualReport, RuleContext], Iterable[Discrepancy]]
"""A rule's check: ``(report, context) -> discrepancies``. Plain functions of this shape can be
passed to ``validate(rules=[...])`` directly."""

C = TypeVar("C", bound=Check)

Findings = Callable[[AnnualReport, RuleContext], list[Discrepancy]]
"""A built-in rule's implementation: its check's findings as a list."""


@frozen(kw_only=True)
class Rule:
    """A registered check with the catalogue entry of the kind it reports."""

    kind: DiscrepancyKind
    check: Check
    cross_year: bool = False
    """True when the rule compares the report with ``previous`` (also run by validate_series)."""

    @property
    def code(self) -> str:
        """The code of the kind the rule reports."""
        return self.kind.code


_RULES: dict[str, Rule] = {}
"""Registered rules by code, in run order (the built-ins are added by ``_rules``)."""
_BUILTIN_CODES = frozenset(k.code for k in BUILTIN_KINDS)
_FINDINGS: dict[Check, tuple[Findings, bool]] = {}
"""Built-in check -> (its implementation returning a list, whether that list is in cell order)."""
Step = tuple[Check, Findings | None, bool]
"""A check to run, with its built-in implementation and whether that is in cell order (a check
that is not built in: ``None`` and False)."""
_default: tuple[tuple[Check, ...], tuple[Step, ...]] | None = None
"""Cache of every registered rule's check and step, in run order (reset when the rules change)."""


def add_builtin(rule: Rule, findings: Findings, *, ordered: bool) -> None:
    """Register a built-in rule (used by ``_rules`` at import).

    ``findings`` computes what ``rule.check`` yields, as a list; ``ordered`` tells that the list
    is already in the order :func:`validate` sorts a rule's findings into (by cell).
    """
    global _default
    if rule.code not in _BUILTIN_CODES:
        raise ValueError(f"{rule.code!r} is not in the catalogue")
    _RULES[rule.code] = rule
    _FINDINGS[rule.check] = (findings, ordered)
    _default = None


def steps(checks: Iterable[Check]) -> tuple[Step, ...]:
    """``checks`` with their built-in implementations (see :data:`Step`)."""
    return tuple(_step(c) for c in checks)


def _step(check: Check) -> Step:
    try:
        findings, ordered = _FINDINGS[check]
    except (KeyError, TypeError):  # not built in (TypeError: an unhashable callable object)
        return (check, None, False)
    return (check, findings, ordered)


def _defaults() -> tuple[tuple[Check, ...], tuple[Step, ...]]:
    global _default
    if _default is None:
        checks = tuple(r.check for r in _RULES.values())
        _default = (checks, steps(checks))
    return _default


def register_rule(
    *,
    code: str,
    severity: Severity | str,
    title: str,
    title_zh: str = "",
    formula: str = "",
    description: str = "",
    example: str = "",
    cross_year: bool = False,
    replace: bool = False,
) -> Callable[[C], C]:
    """Register the decorated check as a rule that :func:`validate` runs by default.

    The check is returned unchanged. ``code`` must be new unless ``replace=True`` (built-in
    codes cannot be replaced)::

        @register_rule(code="fee_charged", severity="info", title="A fee was charged")
        def fee_charged(report, context):
            ...
    """
    if not isinstance(code, str) or not code.isidentifier():
        raise TypeError(f"code must be an identifier-like str, not {code!r}")
    kind = DiscrepancyKind(
        code=code,
        severity=Severity(severity),
        title=title,
        title_zh=title_zh,
        formula=formula,
        description=description,
        example=example,
    )

    def decorate(check: C) -> C:
        if not callable(check):
            raise TypeError(f"register_rule() decorates a callable, not {type(check).__name__}")
        if code in _BUILTIN_CODES:
            raise ValueError(f"{code!r} is a built-in code")
        if code in _RULES and not replace:
            raise ValueError(f"a rule {code!r} is already registered; pass replace=True")
        global _default
        _RULES[code] = Rule(kind=kind, check=check, cross_year=cross_year)
        _default = None
        return check

    return decorate


def unregister_rule(code: str) -> None:
    """Remove a rule added with :func:`register_rule` (built-in rules cannot be removed)."""
    global _default
    if code in _BUILTIN_CODES:
        raise ValueError(f"{code!r} is a built-in rule; select rules with validate(rules=...)")
    del _RULES[code]
    _default = None


def rules() -> tuple[Rule, ...]:
    """Every registered rule, built-ins first, in the order :func:`validate` runs them."""
    return tuple(_RULES.values())


def get_rule(code: str) -> Rule:
    """The rule registered under ``code``; KeyError when there is none."""
    try:
        return _RULES[code]
    except KeyError:
        raise KeyError(f"no rule {code!r}; known: {', '.join(_RULES)}") from None


def catalogue() -> tuple[DiscrepancyKind, ...]:
    """Every kind a validator of this package can report: built-ins, then registered ones."""
    extra = tuple(r.kind for c, r in _RULES.items() if c not in _BUILTIN_CODES)
    return BUILTIN_KINDS + extra


def resolve(selection: Iterable[str | Rule | Check] | None) -> tuple[Check, ...]:
    """The checks to run for ``validate(rules=selection)``, in the given order."""
    if selection is None:
        return _defaults()[0]
    if isinstance(selection, (str, bytes)) or not isinstance(selection, Iterable):
        raise TypeError(
            f"rules must be a list of codes, Rule objects or checks, not {type(selection).__name__}"
        )
    out: list[Check] = []
    for item in selection:
        if isinstance(item, str):
            if item not in _RULES:
                raise ValueError(f"no rule {item!r}; known: {', '.join(_RULES)}")
            out.append(_RULES[item].check)
        elif isinstance(item, Rule):
            out.append(item.check)
        elif callable(item):
            out.append(item)
        else:
            raise TypeError(
                f"rules items must be codes, Rule objects or checks, not {type(item).__name__}"
            )
    return tuple(out)


def resolve_steps(selection: Iterable[str | Rule | Check] | None) -> tuple[Step, ...]:
    """:func:`resolve` with each check's :data:`Step`."""
    if selection is None:
        return _defaults()[1]
    return steps(resolve(selection))


def cross_year_checks(selection: Iterable[str | Rule | Check] | None) -> tuple[Check, ...]:
    """The cross-year checks among ``selection`` (all registered ones when None)."""
    cross = {r.check for r in _RULES.values() if r.cross_year}
    if selection is None:
        return tuple(r.check for r in _RULES.values() if r.cross_year)
    return tuple(c for c in resolve(selection) if c in cross)
