"""The typed schema: frozen attrs classes mirroring the template's canonical paths.

Each attribute chain from :class:`AnnualReport` down to a number is a canonical path of
``cells-<edition>.tsv`` (``applications.withheld.state_secret.natural_person``). Counts are
``int | None`` and amounts (万元, or the 2019 procurement total) ``Decimal | None``; ``None`` means
blank or absent in the document, never zero. The schema holds what a document prints, negative or
inconsistent numbers included: judging them is the validator's job.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Union

import attrs
from attrs import Factory, field, frozen

from ._template import Edition

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "AnnualReport",
    "ApplicantCounts",
    "Applications2019",
    "Applications2021",
    "DecisionCount",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "ExtraRow",
    "ExtraRowKind",
    "FeeAmount",
    "FeeItems2019",
    "ItemCounts2019",
    "Meta",
    "NotProcessed",
    "OtherHandling2021",
    "OutcomeCounts",
    "Procurement2019",
    "Unavailable",
    "Value",
    "Withheld",
]

Value = Union[int, Decimal, None]  # noqa: UP007 - a runtime alias that cattrs dispatches on
"""A cell value: a count, an amount, or ``None`` for a blank."""


# -- table 二 (2021) -------------------------------------------------------------------------------


@frozen(kw_only=True)
class DocumentCounts2021:
    """第二十条第（一）项, 2021 edition: 本年制发件数 / 本年废止件数 / 现行有效件数."""

    issued: int | None = None
    repealed: int | None = None
    in_force: int | None = None


@frozen(kw_only=True)
class DecisionCount:
    """第二十条第（五）（六）项, 2021 edition: 本年处理决定数量."""

    decisions: int | None = None


@frozen(kw_only=True)
class FeeAmount:
    """第二十条第（八）项, 2021 edition: 本年收费金额（单位：万元）."""

    amount_10k_yuan: Decimal | None = None


@frozen(kw_only=True)
class ActiveDisclosure2021:
    """二、主动公开政府信息情况, 2021 edition."""

    regulations: DocumentCounts2021 = Factory(DocumentCounts2021)
    normative_documents: DocumentCounts2021 = Factory(DocumentCounts2021)
    licensing: DecisionCount = Factory(DecisionCount)
    penalty: DecisionCount = Factory(DecisionCount)
    coercion: DecisionCount = Factory(DecisionCount)
    fees: FeeAmount = Factory(FeeAmount)


# -- table 二 (2019) -------------------------------------------------------------------------------


@frozen(kw_only=True)
class DocumentCounts2019:
    """第二十条第（一）项, 2019 edition: 本年新制作数量 / 本年新公开数量 / 对外公开总数量."""

    newly_made: int | None = None
    newly_published: int | None = None
    total_published: int | None = None


@frozen(kw_only=True)
class ItemCounts2019:
    """第二十条第（五）（六）项, 2019 edition: 上一年项目数量 / 本年增/减 / 处理决定数量."""

    prior_year_items: int | None = None
    change: int | None = None
    """A signed count: a decrease is printed as a negative number."""
    decisions: int | None = None


@frozen(kw_only=True)
class FeeItems2019:
    """第二十条第（八）项, 2019 edition: 上一年项目数量 / 本年增/减."""

    prior_year_items: int | None = None
    change: int | None = None


@frozen(kw_only=True)
class Procurement2019:
    """第二十条第（九）项, 2019 edition: 采购项目数量 / 采购总金额 (unit as printed)."""

    items: int | None = None
    total_amount: Decimal | None = None


@frozen(kw_only=True)
class ActiveDisclosure2019:
    """二、主动公开政府信息情况, 2019 edition."""

    regulations: DocumentCounts2019 = Factory(DocumentCounts2019)
    normative_documents: DocumentCounts2019 = Factory(DocumentCounts2019)
    licensing: ItemCounts2019 = Factory(ItemCounts2019)
    other_services: ItemCounts2019 = Factory(ItemCounts2019)
    penalty: ItemCounts2019 = Factory(ItemCounts2019)
    coercion: ItemCounts2019 = Factory(ItemCounts2019)
    fees: FeeItems2019 = Factory(FeeItems2019)
    procurement: Procurement2019 = Factory(Procurement2019)


# -- table 三 --------------------------------------------------------------------------------------


@frozen(kw_only=True)
class ApplicantCounts:
    """One row of table 三: the six applicant columns and 总计."""

    natural_person: int | None = None
    commercial_enterprise: int | None = None
    research_institution: int | None = None
    social_welfare_org: int | None = None
    legal_service_org: int | None = None
    other_org: int | None = None
    total: int | None = None


@frozen(kw_only=True)
class Withheld:
    """（三）不予公开: its eight sub-rows."""

    state_secret: ApplicantCounts = Factory(ApplicantCounts)
    prohibited_by_law: ApplicantCounts = Factory(ApplicantCounts)
    security_stability: ApplicantCounts = Factory(ApplicantCounts)
    third_party_rights: ApplicantCounts = Factory(ApplicantCounts)
    internal_affairs: ApplicantCounts = Factory(ApplicantCounts)
    process_info: ApplicantCounts = Factory(ApplicantCounts)
    enforcement_file: ApplicantCounts = Factory(ApplicantCounts)
    query_matter: ApplicantCounts = Factory(ApplicantCounts)


@frozen(kw_only=True)
class Unavailable:
    """（四）无法提供: its three sub-rows."""

    not_held: ApplicantCounts = Factory(ApplicantCounts)
    needs_creation: ApplicantCounts = Factory(ApplicantCounts)
    still_unclear: ApplicantCounts = Factory(ApplicantCounts)


@frozen(kw_only=True)
class NotProcessed:
    """（五）不予处理: its five sub-rows."""

    petition: ApplicantCounts = Factory(ApplicantCounts)
    duplicate: ApplicantCounts = Factory(ApplicantCounts)
    publication: ApplicantCounts = Factory(ApplicantCounts)
    excessive: ApplicantCounts = Factory(ApplicantCounts)
    reconfirmation: ApplicantCounts = Factory(ApplicantCounts)


@frozen(kw_only=True)
class OtherHandling2021:
    """（六）其他处理, 2021 edition: its three sub-rows (the 2019 edition has one row)."""

    overdue_correction: ApplicantCounts = Factory(ApplicantCounts)
    unpaid_fee: ApplicantCounts = Factory(ApplicantCounts)
    other: ApplicantCounts = Factory(ApplicantCounts)


@frozen(kw_only=True)
class Applications2021:
    """三、收到和处理政府信息公开申请情况, 2021 edition (25 rows x 7 columns)."""

    new_received: ApplicantCounts = Factory(ApplicantCounts)
    carried_over: ApplicantCounts = Factory(ApplicantCounts)
    granted: ApplicantCounts = Factory(ApplicantCounts)
    partially_granted: ApplicantCounts = Factory(ApplicantCounts)
    withheld: Withheld = Factory(Withheld)
    unavailable: Unavailable = Factory(Unavailable)
    not_processed: NotProcessed = Factory(NotProcessed)
    other_handling: OtherHandling2021 = Factory(OtherHandling2021)
    total_handled: ApplicantCounts = Factory(ApplicantCounts)
    carried_forward: ApplicantCounts = Factory(ApplicantCounts)


@frozen(kw_only=True)
class Applications2019:
    """三、收到和处理政府信息公开申请情况, 2019 edition (23 rows x 7 columns)."""

    new_received: ApplicantCounts = Factory(ApplicantCounts)
    carried_over: ApplicantCounts = Factory(ApplicantCounts)
    granted: ApplicantCounts = Factory(ApplicantCounts)
    partially_granted: ApplicantCounts = Factory(ApplicantCounts)
    withheld: Withheld = Factory(Withheld)
    unavailable: Unavailable = Factory(Unavailable)
    not_processed: NotProcessed = Factory(NotProcessed)
    other_handling: ApplicantCounts = Factory(ApplicantCounts)
    total_handled: ApplicantCounts = Factory(ApplicantCounts)
    carried_forward: ApplicantCounts = Factory(ApplicantCounts)


# -- table 四 --------------------------------------------------------------------------------------


@frozen(kw_only=True)
class OutcomeCounts:
    """One group of table 四: 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计."""

    upheld: int | None = None
    corrected: int | None = None
    other: int | None = None
    pending: int | None = None
    total: int | None = None


# -- the report ------------------------------------------------------------------------------------


class ExtraRowKind(str, enum.Enum):
    """Why a printed row has no canonical path."""

    SUBTOTAL = "subtotal"
    """A subtotal the template lacks, e.g. a （三）不予公开 row with its own numbers."""
    MERGED = "merged"
    """A group printed as one row instead of its sub-rows, e.g. a 2021 （六）其他处理 in one row."""
    ADDED = "added"
    """A row the template does not have at all, e.g. 其他主动公开文件 in table 二."""
    UNKNOWN = "unknown"
    """A row with numbers whose label matched no template row."""


@frozen(kw_only=True)
class ExtraRow:
    """A row a document prints that the template lacks: kept, never dropped."""

    table: str
    """``active``, ``applications`` or ``appeals``."""
    label: str
    """The label as printed."""
    values: tuple[int | Decimal | None, ...] = ()
    """The row's numbers in column order (``None`` for a blank)."""
    columns: tuple[str, ...] = ()
    """The canonical column names of ``values`` where known (same length), else empty."""
    kind: ExtraRowKind = ExtraRowKind.UNKNOWN
    group: str | None = None
    """The canonical row or group path it belongs to or stands for, e.g.
    ``applications.other_handling`` for a merged （六）其他处理 row."""
    lines: tuple[int, ...] = ()
    """1-based source line numbers it came from (empty when not parsed from text)."""


def _coerce_edition(value: Edition | str | int) -> Edition:
    return Edition.coerce(value)


@frozen(kw_only=True)
class Meta:
    """Who published the report, for which year, in which template edition."""

    edition: Edition = field(converter=_coerce_edition)
    """The template edition; it decides which canonical paths the report has."""
    organ: str | None = None
    """The publishing organ, e.g. ``红旗区人民政府``."""
    year: int | None = None
    """The year the report covers (not the publication year)."""
    title: str | None = None
    """The title as printed."""


def _check_tables(instance: AnnualReport, attribute: attrs.Attribute[Any], value: object) -> None:
    expected = _TABLE_TYPES[instance.meta.edition][attribute.name]
    if not isinstance(value, expected):
        raise TypeError(
            f"{attribute.name} of a {instance.meta.edition.value}-edition report must be "
            f"{expected.__name__}, not {type(value).__name__}"
        )


@frozen(kw_only=True, repr=False)
class AnnualReport:
    """One annual report: meta, the six sections, and rows the template lacks.

    Build an empty one with :func:`govinfo_report.empty_report`, or from cells with
    :func:`govinfo_report.unflatten`.
    """

    meta: Meta
    overview: str | None = None
    """一、总体情况 (prose)."""
    active: ActiveDisclosure2021 | ActiveDisclosure2019 = field(validator=_check_tables)
    """二、主动公开政府信息情况."""
    applications: Applications2021 | Applications2019 = field(validator=_check_tables)
    """三、收到和处理政府信息公开申请情况."""
    review: OutcomeCounts = Factory(OutcomeCounts)
    """四、行政复议."""
    litigation_direct: OutcomeCounts = Factory(OutcomeCounts)
    """四、行政诉讼 / 未经复议直接起诉."""
    litigation_after_review: OutcomeCounts = Factory(OutcomeCounts)
    """四、行政诉讼 / 复议后起诉."""
    problems: str | None = None
    """五、存在的主要问题及改进情况 (prose)."""
    other_matters: str | None = None
    """六、其他需要报告的事项 (prose)."""
    extra_rows: tuple[ExtraRow, ...] = ()
    """Printed rows the template lacks (not canonical paths; :func:`flatten` leaves them out)."""

    @property
    def edition(self) -> Edition:
        """Shortcut for ``meta.edition``."""
        return self.meta.edition

    def __repr__(self) -> str:
        """A one-line summary; use ``to_dict`` or ``flatten`` for the values."""
        from ._convert import flatten

        cells = flatten(self)
        filled = sum(v is not None for v in cells.values())
        return (
            f"<AnnualReport edition={self.meta.edition.value} organ={self.meta.organ!r} "
            f"year={self.meta.year!r} cells={filled}/{len(cells)} "
            f"extra_rows={len(self.extra_rows)}>"
        )

    def _repr_html_(self) -> str:
        """The three tables as the official form draws them, discrepancies highlighted."""
        from ._html import report_html
        from .validation import validate

        return report_html(self, validate(self))


_TABLE_TYPES: dict[Edition, dict[str, type]] = {
    Edition.E2021: {"active": ActiveDisclosure2021, "applications": Applications2021},
    Edition.E2019: {"active": ActiveDisclosure2019, "applications": Applications2019},
}


def table_types(edition: Edition) -> dict[str, type]:
    """The classes of the ``active`` and ``applications`` tables for ``edition``."""
    return _TABLE_TYPES[edition]
