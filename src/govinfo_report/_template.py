"""The national annual-report template as data: editions, canonical cell paths, labels, aliases.

Everything the library knows about the form (国办公开办函〔2021〕30号 and the 2019 试行 edition) is
read here from the data files shipped in ``govinfo_report/data``: ``cells-2021.tsv`` and
``cells-2019.tsv`` (canonical paths, in order, with their official Chinese labels) and
``labels.json`` (section headings and the label variants seen in real reports). Change those files,
not code, when the national format changes.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources

import attrs

__all__ = [
    "CellSpec",
    "Edition",
    "RowSpec",
    "SectionSpec",
    "Template",
    "template",
]


class Edition(str, enum.Enum):
    """A template edition, named by the year of the notice that issued it."""

    E2021 = "2021"
    """国办公开办函〔2021〕30号: the reports for 2021 onwards."""
    E2019 = "2019"
    """国办公开办函〔2019〕60号 (试行): the reports for 2019 and 2020."""

    @classmethod
    def coerce(cls, value: Edition | str | int) -> Edition:
        """Return the edition for ``"2021"``, ``2021``, ``Edition.E2021`` and the like."""
        if isinstance(value, Edition):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise TypeError(f"edition must be an Edition, str or int, not {type(value).__name__}")
        try:
            return cls(str(value).strip())
        except ValueError:
            raise ValueError(f"unknown template edition {value!r}; known: 2021, 2019") from None

    @classmethod
    def for_year(cls, year: int) -> Edition:
        """The edition that applies to the report for ``year`` (2021 onwards: E2021)."""
        return cls.E2021 if year >= 2021 else cls.E2019


@attrs.frozen(kw_only=True)
class CellSpec:
    """One canonical cell: its path, value type and official labels (one row of the TSV)."""

    path: str
    type: str
    """``"int"`` for counts, ``"decimal"`` for amounts."""
    section: str
    row: str
    """The row label with its group labels, joined by `` / ``, as the official form prints them."""
    column: str
    """The column label with its group label, joined by `` / ``."""

    @property
    def row_key(self) -> str:
        """The path of the row: the cell path without its last segment."""
        return self.path.rpartition(".")[0]

    @property
    def column_key(self) -> str:
        """The last segment of the path: the column's canonical name."""
        return self.path.rpartition(".")[2]

    @property
    def table(self) -> str:
        """``"active"``, ``"applications"`` or ``"appeals"`` (review and litigation)."""
        head = self.path.partition(".")[0]
        return head if head in ("active", "applications") else "appeals"


@attrs.frozen(kw_only=True)
class RowSpec:
    """One data row of a template table, with the labels a parser may meet for it."""

    key: str
    """Canonical row path, e.g. ``applications.withheld.state_secret``."""
    table: str
    label: str
    """The row's own official label, e.g. ``1.属于国家秘密``."""
    groups: tuple[str, ...]
    """Labels of the groups above it, outermost first.

    For example ``("三、本年度办理结果", "（三）不予公开")``.
    """
    aliases: tuple[str, ...]
    """Label variants seen in real reports (the official label is not repeated here)."""
    columns: tuple[str, ...]
    """Canonical column names of the row's cells, in order."""
    cells: tuple[CellSpec, ...]


@attrs.frozen(kw_only=True)
class SectionSpec:
    """One of the six report sections, with the core words that identify its heading."""

    key: str
    """One of ``overview``, ``active``, ``applications``, ``appeals``, ``problems``,
    ``other_matters``."""
    number: str
    """The template's number, e.g. ``二``."""
    title: str
    keywords: tuple[tuple[str, ...], ...]
    """Alternatives; a heading matches when it contains every word of one alternative."""


@attrs.frozen(kw_only=True)
class Template:
    """The whole template of one edition."""

    edition: Edition
    cells: tuple[CellSpec, ...]
    rows: tuple[RowSpec, ...]
    sections: tuple[SectionSpec, ...]
    column_labels: Mapping[str, tuple[str, ...]]
    """For each canonical column name of tables 二 to 四: official label first, then variants."""
    signatures: tuple[str, ...]
    """Labels that occur in this edition's tables and not in the other's."""

    @property
    def paths(self) -> tuple[str, ...]:
        """Every canonical cell path, in the TSV's order."""
        return tuple(c.path for c in self.cells)

    def cell(self, path: str) -> CellSpec:
        """The spec of one path; KeyError when the edition has no such path."""
        return _cell_index(self.edition)[path]

    def row(self, key: str) -> RowSpec:
        """The spec of one row; KeyError when the edition has no such row."""
        return _row_index(self.edition)[key]

    def rows_of(self, table: str) -> tuple[RowSpec, ...]:
        """The rows of one table (``active``, ``applications`` or ``appeals``), in order."""
        return tuple(r for r in self.rows if r.table == table)


def _read_tsv(edition: Edition) -> tuple[CellSpec, ...]:
    text = resources.files("govinfo_report.data").joinpath(f"cells-{edition.value}.tsv")
    lines = text.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    if header != ["path", "type", "section", "row", "column"]:
        raise RuntimeError(f"unexpected header in cells-{edition.value}.tsv: {header}")
    out = []
    for line in lines[1:]:
        if not line.strip():
            continue
        path, typ, section, row, column = line.split("\t")
        out.append(CellSpec(path=path, type=typ, section=section, row=row, column=column))
    return tuple(out)


@cache
def _labels() -> dict[str, object]:
    raw = resources.files("govinfo_report.data").joinpath("labels.json").read_text("utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def _strs(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value)


def _build(edition: Edition) -> Template:
    cells = _read_tsv(edition)
    labels = _labels()
    row_aliases = labels.get("row_aliases", {})
    assert isinstance(row_aliases, dict)
    grouped: dict[str, list[CellSpec]] = {}
    for c in cells:
        grouped.setdefault(c.row_key, []).append(c)
    rows = []
    for key, members in grouped.items():
        parts = [p.strip() for p in members[0].row.split(" / ")]
        rows.append(
            RowSpec(
                key=key,
                table=members[0].table,
                label=parts[-1],
                groups=tuple(parts[:-1]),
                aliases=_strs(row_aliases.get(key, [])),
                columns=tuple(m.column_key for m in members),
                cells=tuple(members),
            )
        )
    col_aliases = labels.get("column_aliases", {})
    assert isinstance(col_aliases, dict)
    columns: dict[str, tuple[str, ...]] = {}
    for c in cells:
        official = c.column.split(" / ")[-1].strip()
        if c.column_key not in columns:
            columns[c.column_key] = (official, *_strs(col_aliases.get(c.column_key, [])))
    sections_raw = labels.get("sections", [])
    assert isinstance(sections_raw, list)
    sections = tuple(
        SectionSpec(
            key=str(s["key"]),
            number=str(s["number"]),
            title=str(s["title"]),
            keywords=tuple(tuple(str(w) for w in alt) for alt in s["keywords"]),
        )
        for s in sections_raw
    )
    sig = labels.get("signatures", {})
    assert isinstance(sig, dict)
    return Template(
        edition=edition,
        cells=cells,
        rows=tuple(rows),
        sections=sections,
        column_labels=columns,
        signatures=_strs(sig.get(edition.value, [])),
    )


@cache
def template(edition: Edition | str | int) -> Template:
    """The template of ``edition`` (cached; the objects are immutable)."""
    return _build(Edition.coerce(edition))


@cache
def _cell_index(edition: Edition) -> dict[str, CellSpec]:
    return {c.path: c for c in template(edition).cells}


@cache
def _row_index(edition: Edition) -> dict[str, RowSpec]:
    return {r.key: r for r in template(edition).rows}
