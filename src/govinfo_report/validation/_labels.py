"""Short Chinese labels of rows, columns and cells for messages (from the template's data)."""

from __future__ import annotations

from functools import cache

from .._template import Edition, template
from ._identities import MERGED_GROUP

__all__ = ["SECTION_NAMES", "TABLE_NAMES", "cell_label", "column_label", "row_label"]

TABLE_NAMES = {
    "active": "表二 主动公开政府信息情况",
    "applications": "表三 收到和处理政府信息公开申请情况",
    "appeals": "表四 政府信息公开行政复议、行政诉讼情况",
}
SECTION_NAMES = {
    "overview": "一、总体情况",
    "problems": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}
_MERGED_LABEL = "（六）其他处理（合并行）"


@cache
def _rows(edition: Edition) -> dict[str, str]:
    out = {r.key: r.label for r in template(edition).rows}
    for key, label in (
        ("review", "行政复议"),
        ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
        ("litigation_after_review", "行政诉讼（复议后起诉）"),
    ):
        out[key] = label
    out[MERGED_GROUP] = _MERGED_LABEL
    return out


@cache
def _columns(edition: Edition) -> dict[str, str]:
    out = {k: v[0] for k, v in template(edition).column_labels.items()}
    out["other_org"] = "其他法人或其他组织"
    return out


def row_label(edition: Edition, key: str) -> str:
    """The row's own label (``（一）予以公开``), or ``key`` when unknown."""
    return _rows(edition).get(key, key)


def column_label(edition: Edition, key: str) -> str:
    """The column's official label (``自然人``, ``总计``), or ``key`` when unknown."""
    return _columns(edition).get(key, key)


@cache
def cell_label(edition: Edition, path: str) -> str:
    """``row｜column`` for a cell path, e.g. ``一、本年新收政府信息公开申请数量｜自然人``."""
    row, _, col = path.rpartition(".")
    return f"{row_label(edition, row)}｜{column_label(edition, col)}"
