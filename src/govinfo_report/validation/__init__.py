"""Validation of annual reports: the template's identities, completeness, prose and years.

``validate(report)`` returns :class:`Discrepancy` values, never raises on data; the kinds are
listed once in the catalogue (:func:`catalogue`, docs/rules.md).
"""

from ._discrepancy import CellFix, Discrepancy, DiscrepancyKind, Severity, rules_markdown
from ._localise import localise
from ._narrative import Statement, statements
from ._registry import (
    Check,
    Rule,
    RuleContext,
    catalogue,
    get_rule,
    register_rule,
    rules,
    unregister_rule,
)
from ._validate import (
    Discrepancies,
    HasLines,
    ParsedReport,
    iter_discrepancies,
    validate,
    validate_parsed,
    validate_series,
)

__all__ = [
    "CellFix",
    "Check",
    "Discrepancies",
    "Discrepancy",
    "DiscrepancyKind",
    "HasLines",
    "ParsedReport",
    "Rule",
    "RuleContext",
    "Severity",
    "Statement",
    "catalogue",
    "get_rule",
    "iter_discrepancies",
    "localise",
    "register_rule",
    "rules",
    "rules_markdown",
    "statements",
    "unregister_rule",
    "validate",
    "validate_parsed",
    "validate_series",
]
