"""ParseResult pickles, and its read-only mappings (layouts, lazily built provenance) behave."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Mapping
from pathlib import Path

import pytest

from govinfo_report import Provenance
from govinfo_report._frozen import FrozenMap
from govinfo_report._parse import parse

from ._gold import seeds


@pytest.mark.parametrize("txt", seeds(), ids=lambda p: p.stem[:3])
def test_parse_result_pickles(txt: Path) -> None:
    """``pickle.loads(pickle.dumps(result)) == result``, as text and as bytes input."""
    text = txt.read_text("utf-8")
    for source in (text, text.encode("gb18030")):
        result = parse(source)
        back = pickle.loads(pickle.dumps(result))
        assert back == result
        assert dict(back.provenance) == dict(result.provenance)
        assert dict(back.layouts) == dict(result.layouts)
        assert copy.deepcopy(result) == result


def test_provenance_is_a_read_only_mapping() -> None:
    """Provenance is a Mapping of Provenance records, consistent with the text, and immutable."""
    result = parse(seeds()[0].read_text("utf-8"))
    prov = result.provenance
    assert isinstance(prov, Mapping)
    assert len(prov) == len(list(prov)) > 0
    first = next(iter(prov))
    assert first in prov
    assert prov[first] is prov[first]  # built once
    for path, p in prov.items():
        assert isinstance(p, Provenance)
        assert p.path == path
        assert result.text[p.start : p.end] == p.raw
    assert prov.get("no.such.path") is None
    with pytest.raises(KeyError):
        prov["no.such.path"]
    with pytest.raises(TypeError):
        prov[first] = prov[first]  # type: ignore[index]
    with pytest.raises(TypeError):
        hash(prov)
    assert prov == dict(prov)
    assert isinstance(result.layouts, FrozenMap)
    assert result.layouts == dict(result.layouts)


def test_lazy_provenance_equals_materialised() -> None:
    """Two parses of one text are equal whether or not their provenance was looked at."""
    text = seeds()[2].read_text("utf-8")
    a, b = parse(text), parse(text)
    _ = list(a.provenance.values())
    assert a == b
    assert b.provenance == a.provenance


def test_lazy_provenance_parts() -> None:
    """Keys follow the parts in order, records are built once from ``make(path, cell, ctx)``,
    and a path in no part is a KeyError; pickling gives the materialised mapping."""
    from govinfo_report._frozen import LazyProvenance

    made: list[str] = []

    def make(path: str, cell: int, ctx: int) -> tuple[int, int]:
        made.append(path)
        return (cell, ctx)

    lazy = LazyProvenance([({"b": 1, "a": 2}, 10), ({}, 20), ({"c": 3}, 30)], make)
    assert list(lazy) == ["b", "a", "c"] and len(lazy) == 3
    assert "c" in lazy and "d" not in lazy and made == []
    assert lazy["c"] == (3, 30) and lazy["c"] is lazy["c"] and made == ["c"]
    with pytest.raises(KeyError):
        lazy["d"]
    assert dict(lazy) == {"b": (1, 10), "a": (2, 10), "c": (3, 30)}
    assert made == ["c", "b", "a"]
    assert pickle.loads(pickle.dumps(lazy)) == lazy
    assert LazyProvenance([], make) == {} and len(LazyProvenance([({}, 0)], make)) == 0
