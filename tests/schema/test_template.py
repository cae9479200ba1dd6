"""The template data: canonical paths, order and labels match the published TSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from govinfo_report import Edition, empty_report, flatten, template
from tests.helpers import FIXTURES, SHARED


def _tsv_rows(edition: str) -> list[dict[str, str]]:
    shared = SHARED / "spec" / f"cells-{edition}.tsv"
    path = shared if shared.exists() else FIXTURES / f"cells-{edition}.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.mark.parametrize(("edition", "count"), [("2021", 200), ("2019", 198)])
def test_flatten_yields_exactly_the_tsv_paths_in_order(edition: str, count: int) -> None:
    """flatten() of an empty report gives exactly the TSV's paths, in the TSV's order."""
    rows = _tsv_rows(edition)
    assert len(rows) == count
    assert list(flatten(empty_report(edition))) == [r["path"] for r in rows]


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_template_labels_match_tsv(edition: str) -> None:
    """Every cell's type, section, row and column labels are the TSV's, unchanged."""
    specs = template(edition).cells
    for spec, row in zip(specs, _tsv_rows(edition), strict=True):
        assert (spec.path, spec.type, spec.section, spec.row, spec.column) == (
            row["path"],
            row["type"],
            row["section"],
            row["row"],
            row["column"],
        )


def test_shared_spec_is_the_bundled_data() -> None:
    """The package's bundled TSV files are byte-identical to ../shared/spec when present."""
    if not (SHARED / "spec").exists():
        pytest.skip("../shared/spec is not present in this checkout")
    for ed in ("2021", "2019"):
        bundled = Path(__file__).resolve().parents[2] / "src/govinfo_report/data"
        assert (bundled / f"cells-{ed}.tsv").read_bytes() == (
            SHARED / "spec" / f"cells-{ed}.tsv"
        ).read_bytes()


def test_row_counts_per_edition() -> None:
    """Table 三 has 25 rows in the 2021 edition and 23 in the 2019 edition; table 四 has 3."""
    assert len(template("2021").rows_of("applications")) == 25
    assert len(template("2019").rows_of("applications")) == 23
    for ed in Edition:
        assert [r.key for r in template(ed).rows_of("appeals")] == [
            "review",
            "litigation_direct",
            "litigation_after_review",
        ]


def test_rows_carry_official_labels_and_groups() -> None:
    """A sub-row knows its own label and its group labels, outermost first."""
    row = template("2021").row("applications.withheld.state_secret")
    assert row.label == "1.属于国家秘密"
    assert row.groups == ("三、本年度办理结果", "（三）不予公开")
    assert "总记" in template("2021").row("applications.total_handled").aliases


def test_sections_and_signatures() -> None:
    """Both editions know the six sections and table signatures that tell them apart."""
    for ed in Edition:
        t = template(ed)
        assert [s.key for s in t.sections] == [
            "overview",
            "active",
            "applications",
            "appeals",
            "problems",
            "other_matters",
        ]
    assert "本年制发件数" in template("2021").signatures
    assert "本年新制作数量" in template("2019").signatures


@pytest.mark.parametrize("value", ["2021", 2021, Edition.E2021, " 2021 "])
def test_edition_coerce_accepts_spellings(value: object) -> None:
    """Edition.coerce accepts the str, int and enum spellings of an edition."""
    assert Edition.coerce(value) is Edition.E2021  # type: ignore[arg-type]


def test_edition_coerce_rejects_misuse() -> None:
    """An unknown edition is a ValueError and a wrong type a TypeError."""
    with pytest.raises(ValueError, match="unknown template edition"):
        Edition.coerce("2018")
    with pytest.raises(TypeError):
        Edition.coerce(True)
    with pytest.raises(TypeError):
        Edition.coerce(2021.0)  # type: ignore[arg-type]


def test_edition_for_year() -> None:
    """Reports for 2021 onwards use the 2021 edition, earlier ones the 2019 edition."""
    assert Edition.for_year(2021) is Edition.E2021
    assert Edition.for_year(2020) is Edition.E2019
