"""Conversions of :class:`AnnualReport`: flat cells, a JSON-compatible dict, and its JSON Schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from types import MemberDescriptorType
from typing import Any

import attrs
import cattrs

from ._schema import (
    AnnualReport,
    ExtraRow,
    ExtraRowKind,
    Meta,
    OutcomeCounts,
    Value,
    table_types,
)
from ._template import Edition, template

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "empty_report",
    "flatten",
    "from_dict",
    "json_schema",
    "to_dict",
    "unflatten",
]

SCHEMA_VERSION = "1.0"
"""Version of the dict/JSON form. See docs/schema.md for the stability policy."""

_DECIMAL_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


@attrs.frozen
class _Node:
    """One attribute of the report tree: a leaf cell (``cls`` None) or a nested table class."""

    name: str
    path: str
    cls: type | None
    children: tuple[_Node, ...]


def _children(cls: type, prefix: str) -> tuple[_Node, ...]:
    attrs.resolve_types(cls)
    out = []
    for f in attrs.fields(cls):
        path = f"{prefix}.{f.name}" if prefix else f.name
        ftype = f.type
        if isinstance(ftype, type) and attrs.has(ftype):
            out.append(_Node(f.name, path, ftype, _children(ftype, path)))
        else:
            out.append(_Node(f.name, path, None, ()))
    return tuple(out)


@cache
def _tree(edition: Edition) -> tuple[_Node, ...]:
    types = table_types(edition)
    roots = [
        ("active", types["active"]),
        ("applications", types["applications"]),
        ("review", OutcomeCounts),
        ("litigation_direct", OutcomeCounts),
        ("litigation_after_review", OutcomeCounts),
    ]
    tree = tuple(_Node(name, name, cls, _children(cls, name)) for name, cls in roots)
    paths = tuple(_leaf_paths(tree))
    if paths != template(edition).paths:  # the schema classes must mirror the TSV exactly
        raise RuntimeError(f"schema classes and cells-{edition.value}.tsv disagree")
    return tree


def _leaf_paths(nodes: tuple[_Node, ...]) -> list[str]:
    out: list[str] = []
    for n in nodes:
        if n.cls is None:
            out.append(n.path)
        else:
            out.extend(_leaf_paths(n.children))
    return out


@cache
def _decimal_paths(edition: Edition) -> frozenset[str]:
    return frozenset(c.path for c in template(edition).cells if c.type == "decimal")


def empty_report(edition: Edition | str | int, *, meta: Meta | None = None) -> AnnualReport:
    """A report of ``edition`` with every cell blank (``None``) and no text."""
    ed = Edition.coerce(edition)
    types = table_types(ed)
    if meta is None:
        meta = Meta(edition=ed)
    elif meta.edition is not ed:
        raise ValueError(f"meta.edition is {meta.edition.value}, not {ed.value}")
    return AnnualReport(meta=meta, active=types["active"](), applications=types["applications"]())


def flatten(report: AnnualReport) -> dict[str, Value]:
    """Every canonical path of the report's edition with its value, in the TSV's order.

    Extra rows (printed rows the template lacks) are not canonical paths and are left out.
    """
    if not isinstance(report, AnnualReport):
        raise TypeError(f"flatten() takes an AnnualReport, not {type(report).__name__}")
    out: dict[str, Value] = {}
    _flatten_into(report, _tree(report.meta.edition), out)
    return out


def _flatten_into(obj: object, nodes: tuple[_Node, ...], out: dict[str, Value]) -> None:
    for n in nodes:
        value = getattr(obj, n.name)
        if n.cls is None:
            out[n.path] = value
        else:
            _flatten_into(value, n.children, out)


def _check_value(path: str, value: object, decimal: bool) -> Value:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"{path}: a bool is not a count")
    if decimal:
        if isinstance(value, Decimal):
            return value
        if isinstance(value, int):
            return Decimal(value)
        raise TypeError(f"{path}: expected Decimal, int or None, not {type(value).__name__}")
    if isinstance(value, int):
        return value
    raise TypeError(f"{path}: expected int or None, not {type(value).__name__}")


def unflatten(
    cells: Mapping[str, Value],
    *,
    edition: Edition | str | int,
    meta: Meta | None = None,
) -> AnnualReport:
    """Build a report of ``edition`` from ``{path: value}``; missing paths are blank (``None``).

    Raises ``KeyError`` for a path the edition does not have and ``TypeError`` for a value of
    the wrong type (counts take ``int``; amounts take ``Decimal`` or ``int``).
    """
    if not isinstance(cells, Mapping):
        raise TypeError(f"unflatten() takes a mapping of paths, not {type(cells).__name__}")
    ed = Edition.coerce(edition)
    known = template(ed)
    unknown = [p for p in cells if p not in _path_set(ed)]
    if unknown:
        raise KeyError(f"not a canonical path of the {ed.value} edition: {unknown[0]!r}")
    dec = _decimal_paths(ed)
    checked = {p: _check_value(p, v, p in dec) for p, v in cells.items()}
    del known
    if meta is None:
        meta = Meta(edition=ed)
    elif meta.edition is not ed:
        raise ValueError(f"meta.edition is {meta.edition.value}, not {ed.value}")
    return AnnualReport(meta=meta, **_builder(ed)(checked.get))


def build_report(
    cells: Mapping[str, Value], edition: Edition, meta: Meta, **fields: Any
) -> AnnualReport:
    """:func:`unflatten` for the parser's own cells, known to be valid paths with values of the
    right type (no checks), with the report's other fields (prose, extra rows) set at once."""
    return AnnualReport(meta=meta, **_builder(edition)(cells.get), **fields)


def _plain(cls: type) -> bool:
    """Whether the attrs-made ``__init__`` of ``cls`` only stores its arguments, each in a slot
    of ``cls`` (no validator, converter, init hook or cached hash): :func:`_builder` may then
    fill a bare instance."""
    fields = attrs.fields(cls)
    return (
        set(cls.__dict__.get("__slots__", ())) - {"__weakref__"} == {f.name for f in fields}
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and all(
            f.init
            and f.validator is None
            and f.converter is None
            and f.alias == f.name
            and isinstance(cls.__dict__[f.name], MemberDescriptorType)
            for f in fields
        )
    )


@cache
def _builder(edition: Edition) -> Any:
    """A function ``build(get) -> {table name: table object}`` for ``edition``, compiled once,
    reading each leaf with ``get(path)``.

    A table class whose ``__init__`` only stores its arguments (:func:`_plain`; all of them
    today) is filled without it: a bare instance (``object.__new__``) gets each field through
    its slot's descriptor, as that ``__init__`` would, in a fraction of the time; any other
    class is called as usual."""
    namespace: dict[str, Any] = {"_new": object.__new__}
    body: list[str] = []

    def emit(node: _Node) -> str:
        """Code giving ``node``'s value; the statements building a table go to ``body``."""
        if node.cls is None:
            return f"get({node.path!r})"
        args = [(c.name, emit(c)) for c in node.children]
        var = f"_o{len(body)}"
        cls = f"_c{len(namespace)}"
        namespace[cls] = node.cls
        if _plain(node.cls):
            body.append(f"{var} = _new({cls})")
            for name, value in args:
                setter = f"_s{len(namespace)}"
                namespace[setter] = node.cls.__dict__[name].__set__
                body.append(f"{setter}({var}, {value})")
        else:
            body.append(f"{var} = {cls}({', '.join(f'{n}={v}' for n, v in args)})")
        return var

    tables = ", ".join(f"{n.name!r}: {emit(n)}" for n in _tree(edition))
    code = "\n    ".join([*body, f"return {{{tables}}}"])
    exec(f"def build(get):\n    {code}\n", namespace)
    return namespace["build"]


@cache
def _path_set(edition: Edition) -> frozenset[str]:
    return frozenset(template(edition).paths)


# -- dict / JSON form ------------------------------------------------------------------------------


def _make_converter() -> cattrs.Converter:
    """The converter behind :func:`to_dict` and :func:`from_dict`.

    Differences from cattrs' default converter:

    - ``Decimal`` unstructures to its exact string (``"20.30"``) and structures only from a string
      of digits or an int, never from a float, so amounts stay exact;
    - ``int`` structures only from an int (a bool, a float or a string is an error, not a
      conversion);
    - tuples unstructure to lists;
    - the ``active`` and ``applications`` tables are structured by ``meta.edition``;
    - enums unstructure to their values.
    """
    conv = cattrs.Converter(forbid_extra_keys=True)

    def _struct_int(value: Any, _: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"expected an integer, not {value!r}")
        return value

    def _struct_decimal(value: Any, _: type) -> Decimal:
        if isinstance(value, bool):
            raise TypeError(f"expected a decimal string, not {value!r}")
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, str) and _DECIMAL_RE.fullmatch(value):
            try:
                return Decimal(value)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
                pass
        raise TypeError(f"expected a decimal string such as '20.3', not {value!r}")

    def _struct_value(value: Any, _: type) -> Value:
        if value is None:
            return None
        if isinstance(value, str):
            return _struct_decimal(value, Decimal)
        return _struct_int(value, int)

    conv.register_structure_hook(int, _struct_int)
    conv.register_structure_hook(Value, _struct_value)
    conv.register_structure_hook(Decimal, _struct_decimal)
    conv.register_unstructure_hook(Decimal, str)

    def _struct_report(data: Any, _: type) -> AnnualReport:
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a mapping, not {type(data).__name__}")
        body = dict(data)
        body.pop("schema_version", None)
        meta = conv.structure(body.pop("meta", None), Meta)
        types = table_types(meta.edition)
        kwargs: dict[str, Any] = {"meta": meta}
        for name in ("active", "applications"):
            kwargs[name] = conv.structure(body.pop(name, {}), types[name])
        for name in ("review", "litigation_direct", "litigation_after_review"):
            kwargs[name] = conv.structure(body.pop(name, {}), OutcomeCounts)
        for name in ("overview", "problems", "other_matters"):
            text = body.pop(name, None)
            if text is not None and not isinstance(text, str):
                raise TypeError(f"{name}: expected a string or null")
            kwargs[name] = text
        kwargs["extra_rows"] = tuple(
            conv.structure(r, ExtraRow) for r in body.pop("extra_rows", [])
        )
        if body:
            raise KeyError(f"unknown keys in report: {sorted(body)}")
        return AnnualReport(**kwargs)

    conv.register_structure_hook(AnnualReport, _struct_report)
    return conv


converter = _make_converter()
"""The library's one configured cattrs converter (see :func:`_make_converter` for its rules)."""


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """A JSON-compatible dict of ``report``: canonical names as keys, amounts as exact strings."""
    if not isinstance(report, AnnualReport):
        raise TypeError(f"to_dict() takes an AnnualReport, not {type(report).__name__}")
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(converter.unstructure(report))
    return data


def from_dict(data: Mapping[str, Any]) -> AnnualReport:
    """The inverse of :func:`to_dict`. Raises ``cattrs`` structuring errors on malformed data."""
    if not isinstance(data, Mapping):
        raise TypeError(f"from_dict() takes a mapping, not {type(data).__name__}")
    return converter.structure(data, AnnualReport)


# -- JSON Schema -----------------------------------------------------------------------------------


def _leaf_schema(path: str, decimal: bool) -> dict[str, Any]:
    spec = None
    for ed in Edition:
        if path in _path_set(ed):
            spec = template(ed).cell(path)
    title = f"{spec.row} | {spec.column}" if spec else path
    if decimal:
        return {"title": title, "type": ["string", "null"], "pattern": _DECIMAL_PATTERN}
    return {"title": title, "type": ["integer", "null"]}


def _node_schema(nodes: tuple[_Node, ...], dec: frozenset[str]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for n in nodes:
        if n.cls is None:
            props[n.name] = _leaf_schema(n.path, n.path in dec)
        else:
            props[n.name] = _node_schema(n.children, dec)
    return {
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


def json_schema(edition: Edition | str | int) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of :func:`to_dict`'s output for reports of ``edition``."""
    ed = Edition.coerce(edition)
    dec = _decimal_paths(ed)
    tables = {n.name: _node_schema(n.children, dec) for n in _tree(ed)}
    value = {
        "anyOf": [
            {"type": "integer"},
            {"type": "string", "pattern": _DECIMAL_PATTERN},
            {"type": "null"},
        ]
    }
    text = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://govinfo-report.invalid/schema/{SCHEMA_VERSION}/report-{ed.value}.json",
        "title": f"govinfo_report AnnualReport, {ed.value} edition",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "meta": {
                "type": "object",
                "properties": {
                    "edition": {"const": ed.value},
                    "organ": text,
                    "year": {"type": ["integer", "null"]},
                    "title": text,
                },
                "required": ["edition", "organ", "year", "title"],
                "additionalProperties": False,
            },
            "overview": text,
            **tables,
            "problems": text,
            "other_matters": text,
            "extra_rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "table": {"enum": ["active", "applications", "appeals"]},
                        "label": {"type": "string"},
                        "values": {"type": "array", "items": value},
                        "columns": {"type": "array", "items": {"type": "string"}},
                        "kind": {"enum": [k.value for k in ExtraRowKind]},
                        "group": text,
                        "lines": {"type": "array", "items": {"type": "integer", "minimum": 1}},
                    },
                    "required": ["table", "label", "values", "columns", "kind", "group", "lines"],
                    "additionalProperties": False,
                },
            },
        },
        "required": [
            "schema_version",
            "meta",
            "overview",
            *tables,
            "problems",
            "other_matters",
            "extra_rows",
        ],
        "additionalProperties": False,
    }
