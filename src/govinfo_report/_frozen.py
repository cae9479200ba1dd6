"""Read-only mappings for :class:`~govinfo_report.ParseResult`: picklable, and lazily built.

``types.MappingProxyType`` cannot be pickled, so results could not cross process boundaries
without a ``copyreg`` hook. :class:`FrozenMap` is a small immutable ``Mapping`` that pickles as
the plain dict it wraps. :class:`LazyProvenance` holds each cell's ``(line, start, end)`` and
builds a :class:`~govinfo_report.Provenance` only when a value is asked for (most callers never
look at most cells' provenance).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
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
    """Paths to provenance records built on first access from ``(line, start, end)`` entries.

    ``make(path, line, start, end)`` builds one record; the records built are kept, so asking
    twice gives the same object. Keys, length and membership never build anything.
    """

    __slots__ = ("_complete", "_make", "_raw")

    def __init__(
        self, raw: dict[str, tuple[int, int, int]], make: Callable[[str, int, int, int], _V]
    ) -> None:
        super().__init__()
        self._raw = raw
        self._make = make
        self._complete = not raw

    def __getitem__(self, key: str) -> _V:
        try:
            return self._data[key]
        except KeyError:
            pass
        line, start, end = self._raw[key]
        value = self._data[key] = self._make(key, line, start, end)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def _items(self) -> dict[str, _V]:
        if not self._complete:
            get = self.__getitem__
            self._data = {k: get(k) for k in self._raw}  # in insertion order
            self._complete = True
        return self._data
