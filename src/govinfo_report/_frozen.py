"""Read-only mappings for :class:`~govinfo_report.ParseResult`: picklable, and lazily built.

``types.MappingProxyType`` cannot be pickled, so results could not cross process boundaries
without a ``copyreg`` hook. :class:`FrozenMap` is a small immutable ``Mapping`` that pickles as
the plain dict it wraps. :class:`LazyProvenance` holds each table's cells as the tokenizer gave
them and builds a :class:`~govinfo_report.Provenance` only when a value is asked for (most
callers never look at most cells' provenance).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["FrozenMap", "LazyProvenance"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMap(Mapping[_K, _V]):
    """An immutable mapping over a private dict; equal to any mapping with the same items."""

    __slots__ = ("_data",)

    _data: dict[_K, _V]

    def __init__(self, data: Mapping[_K, _V] | None = None) -> None:
        self._data = dict(data) if data is not None else {}

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._items() == other._items()
        if isinstance(other, Mapping):
            return self._items() == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as for dict and MappingProxyType

    def _items(self) -> dict[_K, _V]:
        return self._data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items()!r})"

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return FrozenMap, (dict(self._items()),)


class LazyProvenance(FrozenMap[str, _V]):
    """Paths to provenance records built on first access from the parser's own cell records.

    ``parts`` are ``(entries, context)`` pairs, one per table read: ``entries`` maps each path
    to its source cell, ``context`` is what turns the cell's region-relative line and offsets
    into the text's. ``make(path, cell, context)`` builds one record; the records built are
    kept, so asking twice gives the same object. A path is in one part at most. Keys, length
    and membership never build anything; iteration follows the parts, then each part's order.
    """

    __slots__ = ("_complete", "_make", "_parts")

    def __init__(
        self,
        parts: Sequence[tuple[Mapping[str, Any], Any]],
        make: Callable[[str, Any, Any], _V],
    ) -> None:
        super().__init__()
        self._parts = tuple(parts)
        self._make = make
        self._complete = not any(entries for entries, _ in self._parts)

    def __getitem__(self, key: str) -> _V:
        try:
            return self._data[key]
        except KeyError:
            pass
        for entries, context in self._parts:
            if key in entries:
                value = self._data[key] = self._make(key, entries[key], context)
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return itertools.chain.from_iterable(entries for entries, _ in self._parts)

    def __len__(self) -> int:
        return sum(len(entries) for entries, _ in self._parts)

    def __contains__(self, key: object) -> bool:
        return any(key in entries for entries, _ in self._parts)

    def _items(self) -> dict[str, _V]:
        if not self._complete:
            get = self.__getitem__
            self._data = {k: get(k) for k in self}  # in the parts' order
            self._complete = True
        return self._data
