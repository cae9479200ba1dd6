"""Many reports at once: read, decode, parse and validate a stream of sources, in parallel if asked.

:func:`parse_many` and :func:`check_many` take any iterable (a generator over millions of files is
fine) and yield results in input order, holding only a bounded window of work in memory: with
``jobs > 1`` at most ``2 * jobs`` chunks of ``chunksize`` sources are in flight at any time. The
per-source work is a plain module-level function, so the same steps run under other schedulers
(see ``examples/dask_bag.py``).
"""

from __future__ import annotations

import functools
import importlib
import os
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
    "imap_ordered",
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
    module = importlib.import_module("govinfo_report.validation")
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

    A file that cannot be read gives ``unreadable=True``; an exception while decoding, parsing or
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


def _apply_chunk(func: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    """Runs in a worker process: ``func`` over one chunk (results pickle as they are)."""
    return [func(item) for item in chunk]


def imap_ordered(
    func: Callable[[_T], _R],
    items: Iterable[_T],
    *,
    jobs: int | None = 1,
    chunksize: int = 16,
) -> Iterator[_R]:
    """``map(func, items)`` in worker processes, lazily, in input order, with bounded memory.

    ``jobs`` workers (``0`` or ``None``: one per CPU; ``1``: no processes at all) each take
    ``chunksize`` items at a time; at most ``2 * jobs`` chunks are in flight, so the input is read
    only a little ahead of the output. ``func`` and the items must be picklable (a module-level
    function, or a ``functools.partial`` of one). An exception in ``func`` is raised here.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if jobs is not None and jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or positive, not {jobs}")
    workers = jobs if jobs else (os.cpu_count() or 1)
    if workers == 1:
        yield from map(func, items)
        return
    executor = ProcessPoolExecutor(max_workers=workers)
    pending: deque[Future[list[_R]]] = deque()
    it = iter(items)
    try:
        while chunk := list(islice(it, chunksize)):
            pending.append(executor.submit(_apply_chunk, func, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _labelled(sources: Iterable[Source]) -> Iterator[tuple[str, Source]]:
    for index, source in enumerate(sources):
        yield _label(index, source), source


def _check_labelled(
    item: tuple[str, Source],
    layout: str | None,
    edition: str | None,
    rules: Sequence[Any] | None,
) -> CheckResult:
    label, source = item
    return check_source(source, label=label, layout=layout, edition=edition, rules=rules)


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
    func = functools.partial(parse_source, layout=layout, edition=edition)
    return imap_ordered(func, sources, jobs=jobs, chunksize=chunksize)


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
    func = functools.partial(_check_labelled, layout=layout, edition=edition, rules=rules)
    return imap_ordered(func, _labelled(sources), jobs=jobs, chunksize=chunksize)
