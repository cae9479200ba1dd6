"""Conversions: flatten/unflatten, the dict form, its JSON Schema, and their round trips."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import cattrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import (
    SCHEMA_VERSION,
    AnnualReport,
    Edition,
    ExtraRow,
    ExtraRowKind,
    Meta,
    empty_report,
    flatten,
    from_dict,
    json_schema,
    template,
    to_dict,
    unflatten,
)
from govinfo_report.strategies import reports
from tests.helpers import gold_cells, load_gold, seed_paths


def _json_round(data: object) -> object:
    return json.loads(json.dumps(data, ensure_ascii=False))


@given(reports())
def test_from_dict_inverts_to_dict(report: AnnualReport) -> None:
    """from_dict(to_dict(r)) == r, also through a JSON text round trip."""
    assert from_dict(to_dict(report)) == report
    assert from_dict(_json_round(to_dict(report))) == report  # type: ignore[arg-type]


@given(reports(with_text=False))
def test_unflatten_inverts_flatten(report: AnnualReport) -> None:
    """unflatten(flatten(r)) == r for reports without prose (flatten holds cells only)."""
    assert unflatten(flatten(report), edition=report.edition, meta=report.meta) == report


@given(reports(with_text=False).map(lambda r: attrs.evolve(r, meta=Meta(edition=r.edition))))
def test_unflatten_flatten_literal(report: AnnualReport) -> None:
    """With default meta, unflatten(flatten(r), edition=...) == r exactly."""
    assert unflatten(flatten(report), edition=report.edition) == report


@given(reports(consistent=False))
def test_to_dict_validates_against_json_schema(report: AnnualReport) -> None:
    """to_dict(r) validates against json_schema(edition) for both editions."""
    jsonschema.validate(to_dict(report), json_schema(report.edition))


@given(reports(), st.sampled_from(list(Edition)))
def test_json_schema_rejects_other_edition(report: AnnualReport, other: Edition) -> None:
    """A report's dict is rejected by the other edition's schema (paths differ)."""
    if other is report.edition:
        return
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(to_dict(report), json_schema(other))


def test_json_schema_is_valid_draft_2020_12() -> None:
    """Both schemas are themselves valid JSON Schema documents."""
    for ed in Edition:
        jsonschema.Draft202012Validator.check_schema(json_schema(ed))


def test_decimal_kept_exact() -> None:
    """Amounts survive the dict form with their exact digits, including trailing zeros."""
    r = unflatten({"active.fees.amount_10k_yuan": Decimal("20.30")}, edition="2021")
    d = to_dict(r)
    assert d["active"]["fees"]["amount_10k_yuan"] == "20.30"
    back = from_dict(d).active.fees.amount_10k_yuan
    assert isinstance(back, Decimal)
    assert str(back) == "20.30"


def test_dict_form_keys_and_version() -> None:
    """The dict form is keyed by canonical names and carries the schema version."""
    d = to_dict(empty_report("2021"))
    assert d["schema_version"] == SCHEMA_VERSION
    assert list(d) == [
        "schema_version",
        "meta",
        "overview",
        "active",
        "applications",
        "review",
        "litigation_direct",
        "litigation_after_review",
        "problems",
        "other_matters",
        "extra_rows",
    ]
    assert d["applications"]["withheld"]["state_secret"]["natural_person"] is None


def test_from_dict_rejects_lossy_values() -> None:
    """Floats, bools and numeric strings are errors, never silent conversions."""
    base = to_dict(empty_report("2021"))
    for bad in (1.5, True, "3"):
        data = json.loads(json.dumps(base))
        data["review"]["upheld"] = bad
        with pytest.raises(cattrs.BaseValidationError):
            from_dict(data)
    data = json.loads(json.dumps(base))
    data["active"]["fees"]["amount_10k_yuan"] = 2.03
    with pytest.raises((cattrs.BaseValidationError, KeyError)):
        from_dict(data)


def test_from_dict_rejects_unknown_keys() -> None:
    """An unknown key is an error: a typo in a path must not vanish."""
    data = to_dict(empty_report("2021"))
    data["review"]["uphold"] = 1
    with pytest.raises((cattrs.BaseValidationError, KeyError)):
        from_dict(data)


def test_extra_rows_round_trip_and_are_not_flattened() -> None:
    """Extra rows survive the dict form and are not canonical paths."""
    extra = ExtraRow(
        table="applications",
        label="（六）其他处理",
        values=(1, 0, None, 0, 0, 0, 1),
        columns=template("2021").row("applications.new_received").columns,
        kind=ExtraRowKind.MERGED,
        group="applications.other_handling",
        lines=(40,),
    )
    r = attrs.evolve(empty_report("2021"), extra_rows=(extra,))
    assert from_dict(_json_round(to_dict(r))) == r  # type: ignore[arg-type]
    assert len(flatten(r)) == 200
    jsonschema.validate(to_dict(r), json_schema("2021"))


def test_unflatten_misuse() -> None:
    """Unknown paths raise KeyError; wrong value types raise TypeError."""
    with pytest.raises(KeyError):
        unflatten({"active.procurement.items": 1}, edition="2021")
    with pytest.raises(TypeError):
        unflatten({"review.upheld": 1.0}, edition="2021")  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        unflatten({"review.upheld": True}, edition="2021")
    with pytest.raises(TypeError):
        unflatten([("review.upheld", 1)], edition="2021")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        flatten({"review.upheld": 1})  # type: ignore[arg-type]


def test_tables_must_match_edition() -> None:
    """A report cannot hold tables of the other edition."""
    r19 = empty_report("2019")
    with pytest.raises(TypeError):
        AnnualReport(meta=Meta(edition="2021"), active=r19.active, applications=r19.applications)


def test_gold_files_round_trip() -> None:
    """Every bundled seed gold file unflattens and flattens back to the same cells."""
    for txt in seed_paths():
        gold = load_gold(txt.with_suffix(".gold.json"))
        cells = gold_cells(gold)
        report = unflatten(cells, edition=gold["meta"]["edition"])
        assert flatten(report) == cells
        assert list(flatten(report)) == list(gold["cells"])


def test_schema_doc_is_up_to_date() -> None:
    """docs/schema.md lists every path, as generated from the template data."""
    from pathlib import Path

    from govinfo_report._schema_doc import paths_markdown

    doc = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text("utf-8")
    assert paths_markdown().strip() in doc, "run: python -m govinfo_report._schema_doc"


def _rebuilt(obj: object) -> object:
    """``obj`` built again through the attrs-made ``__init__`` of each class (recursively)."""
    if not attrs.has(type(obj)):
        return obj
    args = {f.alias: _rebuilt(getattr(obj, f.name)) for f in attrs.fields(type(obj))}
    return type(obj)(**args)


@given(reports(with_text=False))
def test_unflatten_fills_tables_as_their_init(report: AnnualReport) -> None:
    """The tables unflatten fills without calling their ``__init__`` equal, hash and repr
    as the ones ``__init__`` builds, and evolve as usual."""
    built = unflatten(flatten(report), edition=report.edition, meta=report.meta)
    again = _rebuilt(built)
    assert built == again and hash(built) == hash(again) and repr(built) == repr(again)
    for name in ("active", "applications", "review"):
        table = getattr(built, name)
        assert repr(table) == repr(getattr(again, name))
        assert attrs.evolve(table) == table
