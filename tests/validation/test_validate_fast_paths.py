"""The validator's shortcuts agree with the plain definitions they replace.

``validate`` takes several shortcuts for speed: built-in rules that return their findings already
in cell order (so they are not sorted again), identity sums computed table by table
(``sides``), and prose read only around the characters a stated count can start with. Each test
here compares a shortcut with the straightforward computation on generated input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import (
    AnnualReport,
    Discrepancy,
    Edition,
    ExtraRow,
    ExtraRowKind,
    Severity,
    empty_report,
    flatten,
    unflatten,
    validate,
)
from govinfo_report.strategies import reports
from govinfo_report.validation._identities import sides, structure
from govinfo_report.validation._narrative import _normalise, _trigger_sentences
from govinfo_report.validation._registry import RuleContext, resolve_steps
from govinfo_report.validation._validate import _order, _sorted

from .test_validate_properties import _any_report

# -- built-in findings come in cell order ---------------------------------------------------------


@st.composite
def _with_blanks(draw: st.DrawFn) -> AnnualReport:
    """A report of either kind with some blank cells, sometimes with a merged （六） row."""
    report = draw(reports(consistent=draw(st.booleans())))
    cells = flatten(report)
    blanks = draw(st.sets(st.sampled_from(sorted(cells)), max_size=12))
    changed = unflatten({**cells, **dict.fromkeys(blanks)}, edition=report.meta.edition)
    changed = attrs.evolve(changed, meta=report.meta, overview=report.overview)
    if report.meta.edition is Edition.E2021 and draw(st.booleans()):
        subs = [p for p in cells if p.startswith("applications.other_handling.")]
        values = draw(st.lists(st.none() | st.integers(0, 60), min_size=7, max_size=7))
        row = ExtraRow(
            table="applications",
            label="（六）其他处理",
            values=tuple(values),
            kind=ExtraRowKind.MERGED,
            group="applications.other_handling",
        )
        merged = unflatten({**flatten(changed), **dict.fromkeys(subs)}, edition="2021")
        changed = attrs.evolve(merged, meta=report.meta, extra_rows=(row,))
    return changed


@given(
    st.one_of(_with_blanks(), _any_report()),
    st.none() | _with_blanks() | _any_report(),
)
def test_builtin_findings_are_in_cell_order(
    report: AnnualReport, previous: AnnualReport | None
) -> None:
    """A rule marked ordered returns what sorting its findings by cell would give."""
    ctx = RuleContext(report, previous)
    for check, findings, ordered in resolve_steps(None):
        if findings is None:
            continue
        found = findings(report, ctx)
        assert found == list(check(report, ctx))
        if ordered:
            assert found == _sorted(found, _order(report, ctx)), check.__name__


def test_a_merged_row_sorts_after_the_template_rows() -> None:
    """The merged （六） row's slots come last, so its row-sum finding follows 四's."""
    blank = {p: None for p in flatten(empty_report("2021")) if "other_handling." in p}
    cells = {p: 0 for p in flatten(empty_report("2021")) if p not in blank}
    cells["applications.carried_forward.total"] = 1  # 四's row sum breaks
    row = ExtraRow(
        table="applications",
        label="（六）其他处理",
        values=(1, 0, 0, 0, 0, 0, 5),  # and so does the merged row's
        kind=ExtraRowKind.MERGED,
        group="applications.other_handling",
    )
    report = attrs.evolve(unflatten({**cells, **blank}, edition="2021"), extra_rows=(row,))
    found = [d for d in validate(report) if d.code == "application_row_sum"]
    assert [d.paths[0] for d in found] == [
        "applications.carried_forward.total",
        "applications.other_handling.total",
    ]


# -- identity sums ---------------------------------------------------------------------------------


@given(
    st.sampled_from([(Edition.E2019, False), (Edition.E2021, False), (Edition.E2021, True)]),
    st.data(),
)
def test_sides_are_the_sums_of_each_identity(
    key: tuple[Edition, bool], data: st.DataObject
) -> None:
    """``sides`` gives every identity's two sums, or None as soon as a checked cell is blank."""
    s = structure(*key)
    values = data.draw(
        st.lists(st.integers(-(10**15), 10**15), min_size=len(s.paths), max_size=len(s.paths))
    )
    nums = [*values, 0]  # the getters also read a zero slot
    left = [sum(lhs(nums)) for lhs, _ in s.getters]
    right = [sum(rhs(nums)) for _, rhs in s.getters]
    assert sides(s, values) == (left, right)
    blanked: list[int | None] = list(values)
    blanked[data.draw(st.sampled_from(s.checked))] = None
    assert sides(s, blanked) is None


# -- prose ---------------------------------------------------------------------------------------

_TRIGGER = re.compile(r"\d\s*[件起宗]|(?:未|没有)(?:收到|受理|接到)")
_SENTENCE_END = re.compile(r"[。；;！!？?]")


def _plain_trigger_sentences(text: str) -> list[str]:
    """The definition: when ``text`` states a count or the phrase, its sentences that do."""
    if not _TRIGGER.search(text):
        return []
    return [s for s in _SENTENCE_END.split(_normalise(text)) if s and _TRIGGER.search(s)]


_PIECES = st.sampled_from(
    [
        *"件起宗未没有。；;！!？?，, \u3000\n\t0123５٣",
        "收到",
        "受理",
        "接到",
        "申请",
        "办结",
        "结转下年度",
        "上年结转",
        "行政复议",
        "行政诉讼",
        "1,234",
        "共计",
        "余",
        "约",
        "%",
        "政府信息公开",
        "其中",
        "3 件",
        "4\n起",
        "未 收到",
        "没\u3000有接到",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_trigger_sentences_follow_the_definition(text: str) -> None:
    """Reading only around candidate characters finds exactly the sentences the definition does."""
    assert _trigger_sentences(text) == _plain_trigger_sentences(text)


# -- the rules run ------------------------------------------------------------------------------


@attrs.define
class _Unhashable:  # attrs classes compare by value, so they are not hashable
    def __call__(self, report: AnnualReport, ctx: object) -> Iterator[Discrepancy]:
        yield Discrepancy(
            code="x", severity=Severity.INFO, paths=(), message_zh="甲", message_en="a"
        )


def test_a_check_need_not_be_hashable() -> None:
    """Looking checks up among the built-ins does not require them to be hashable."""
    report = unflatten({}, edition="2021")
    found = validate(report, rules=[_Unhashable(), "missing_table"])
    assert [d.code for d in found] == ["x", "missing_table", "missing_table", "missing_table"]
