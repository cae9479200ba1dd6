"""Many reports at once: read, decode, parse and validate a stream of sources, in parallel if asked.

:func:`parse_many` and :func:`check_many` take any iterable (a generator over millions of files is
fine) and yield results in input order, holding only a bounded window of work in memory: with
``jobs > 1`` at most ``2 * jobs`` chunks of ``chunksize`` sources are in flight at any time. The
per-source work is a plain module-level function, so the same steps run under other schedulers
(see ``examples/dask_bag.py``).
"""

from __future__ import annotations

import copyreg
import importlib
import os
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar, Union

import attrs

from ._records import DiscrepancyLike

__all__ = [
    "CheckResult",
    "Source",
    "check_many",
    "check_source",
    "decode_bytes",
    "parse_many",
    "parse_source",
    "read_source",
]

Source = Union[str, bytes, "os.PathLike[str]"]
"""A report: its text (``str``), its raw bytes, or the path of a file holding it."""

_T = TypeVar("_T")
_R = TypeVar("_R")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of raw report bytes.

    Uses :func:`govinfo_report.repair.decode` (encoding detection and mojibake repair); when that
    module is unavailable, tries UTF-8 and then GB18030, and as a last resort UTF-8 with
    replacement characters.
    """
    try:
        decode = getattr(importlib.import_module("govinfo_report.repair"), "decode", None)
    except ImportError:
        decode = None
    if decode is not None:
        decoded = decode(data)
        return str(decoded.text), str(decoded.encoding)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding.removesuffix("-sig")
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacement characters)"


def read_source(source: Source) -> tuple[str, str | None]:
    """``(text, encoding)`` of a source; the encoding is ``None`` for a source given as text.

    Raises ``OSError`` when a path cannot be read.
    """
    if isinstance(source, str):
        return source, None
    if isinstance(source, bytes):
        return decode_bytes(source)
    return decode_bytes(Path(source).read_bytes())


def _parse_fn() -> Callable[..., Any]:
    module = importlib.import_module("govinfo_report._parse")
    fn: Callable[..., Any] = module.parse
    return fn


def _validate_parsed_fn() -> Callable[..., tuple[Any, ...]]:
    module = importlib.import_module("govinfo_report.validate")
    fn: Callable[..., tuple[Any, ...]] = module.validate_parsed
    return fn


def parse_source(source: Source, *, layout: str | None = None, edition: str | None = None) -> Any:
    """Read (when a path or bytes), decode and parse one source; returns a ``ParseResult``."""
    text, _ = read_source(source)
    return _parse_fn()(text, layout=layout, edition=edition)


@attrs.frozen(kw_only=True)
class CheckResult:
    """The outcome of checking one source: its parse result and discrepancies, or why it failed."""

    source: str
    """The file path, or the source's index in the input for text and bytes."""
    result: Any = None
    """The ``ParseResult``; ``None`` when the source could not be read or parsed."""
    discrepancies: tuple[DiscrepancyLike, ...] = ()
    """What the validator found (``validate_parsed``), in its order."""
    encoding: str | None = None
    """The encoding the bytes were decoded from (``None`` for text input)."""
    error: str | None = None
    """Why there is no result: the exception's type and message."""
    unreadable: bool = False
    """True when the file itself could not be read (as opposed to a failure to parse it)."""

    @property
    def has_errors(self) -> bool:
        """True when parsing failed or a discrepancy has severity ``error``."""
        if self.error is not None:
            return True
        return any(getattr(d.severity, "value", d.severity) == "error" for d in self.discrepancies)


@attrs.frozen(kw_only=True)
class _Options:
    layout: str | None = None
    edition: str | None = None
    rules: Sequence[Any] | None = None


def _label(index: int, source: Source) -> str:
    if isinstance(source, (str, bytes)):
        return str(index)
    return os.fspath(source)


def check_source(
    source: Source,
    *,
    label: str | None = None,
    layout: str | None = None,
    edition: str | None = None,
    rules: Sequence[Any] | None = None,
) -> CheckResult:
    """Read, decode, parse and validate one source; never raises for a bad document.

    A file that cannot be read gives ``unreadable=True``; an exception while parsing or
    validating is kept in ``error`` (a parser bug, most likely: please report it).
    """
    name = label if label is not None else _label(0, source)
    data: str | bytes
    try:
        data = source if isinstance(source, (str, bytes)) else Path(source).read_bytes()
    except OSError as exc:
        return CheckResult(source=name, error=f"{type(exc).__name__}: {exc}", unreadable=True)
    encoding = None
    try:
        text, encoding = read_source(data)
        result = _parse_fn()(text, layout=layout, edition=edition)
        if rules is None:
            found = _validate_parsed_fn()(result)
        else:
            found = _validate_parsed_fn()(result, rules=rules)
    except Exception as exc:  # a crash on one document must not stop a batch of thousands
        return CheckResult(source=name, encoding=encoding, error=f"{type(exc).__name__}: {exc}")
    return CheckResult(
        source=name, result=result, discrepancies=tuple(found), encoding=encoding, error=None
    )


def _mappingproxy(data: dict[Any, Any]) -> types.MappingProxyType[Any, Any]:
    """Rebuilds a read-only mapping sent back by a worker process."""
    return types.MappingProxyType(data)


def _reduce_mappingproxy(
    proxy: types.MappingProxyType[Any, Any],
) -> tuple[Callable[[dict[Any, Any]], types.MappingProxyType[Any, Any]], tuple[dict[Any, Any]]]:
    return _mappingproxy, (dict(proxy),)


def _picklable_results() -> None:
    """Let worker processes send results holding read-only mappings (``ParseResult.provenance``).

    Called in workers only: the parent needs just :func:`_mappingproxy` to unpickle.
    """
    copyreg.pickle(types.MappingProxyType, _reduce_mappingproxy)


def _parse_chunk(chunk: list[tuple[int, Source]], options: _Options) -> list[Any]:
    _picklable_results()
    return [parse_source(s, layout=options.layout, edition=options.edition) for _, s in chunk]


def _check_chunk(chunk: list[tuple[int, Source]], options: _Options) -> list[CheckResult]:
    _picklable_results()
    return [
        check_source(
            s,
            label=_label(i, s),
            layout=options.layout,
            edition=options.edition,
            rules=options.rules,
        )
        for i, s in chunk
    ]


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[tuple[int, _T]]]:
    it = enumerate(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _run(
    work: Callable[[list[tuple[int, Source]], _Options], list[_R]],
    sources: Iterable[Source],
    options: _Options,
    jobs: int | None,
    chunksize: int,
) -> Iterator[_R]:
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    workers = (os.cpu_count() or 1) if jobs is None or jobs == 0 else jobs
    if workers < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or positive, not {jobs}")
    if workers == 1:
        for chunk in _chunks(sources, 1):
            yield from work(chunk, options)
        return
    executor = ProcessPoolExecutor(max_workers=workers)
    pending: deque[Future[list[_R]]] = deque()
    try:
        for chunk in _chunks(sources, chunksize):
            pending.append(executor.submit(work, chunk, options))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def parse_many(
    sources: Iterable[Source],
    *,
    jobs: int | None = 1,
    chunksize: int = 16,
    layout: str | None = None,
    edition: str | None = None,
) -> Iterator[Any]:
    """Parse each source (text, bytes or a file path) and yield its ``ParseResult``, in order.

    ``jobs`` > 1 parses in that many worker processes (``0`` or ``None``: one per CPU), sending
    ``chunksize`` sources to a worker at a time; the input is consumed lazily and at most
    ``2 * jobs`` chunks are in flight. An exception (an unreadable file, say) is raised here, at
    the source that caused it; use :func:`check_many` to collect failures instead.
    """
    return _run(_parse_chunk, sources, _Options(layout=layout, edition=edition), jobs, chunksize)


def check_many(
    sources: Iterable[Source],
    *,
    jobs: int | None = 1,
    chunksize: int = 16,
    layout: str | None = None,
    edition: str | None = None,
    rules: Sequence[Any] | None = None,
) -> Iterator[CheckResult]:
    """Parse and validate each source; yield a :class:`CheckResult` per source, in input order.

    Never raises for a bad document: unreadable files and parser failures come back as results
    with ``error`` set. ``jobs`` and ``chunksize`` work as in :func:`parse_many`; ``rules`` is
    passed to the validator (and must be picklable when ``jobs`` > 1).
    """
    options = _Options(layout=layout, edition=edition, rules=rules)
    return _run(_check_chunk, sources, options, jobs, chunksize)
