"""Whole-pipeline throughput: text -> validated report, and bytes -> decode -> repair -> report.

Run: ``python benchmarks/bench_pipeline.py [--repeat N] [--stream N] [--tracemalloc]``.

The corpus: the seeds (``../shared/seeds``, else the bundled ``tests/fixtures/seeds``), the corpus
sources (``../shared/corpus/*/source.txt``) when present, and every one of those reports rendered
by ``govinfo_report._render.render`` in every layout when that module exists. Bytes inputs cycle
through UTF-8, GB18030 and UTF-16 encodings of the same texts.

Prints, for text and for bytes: reports per second of CPU time on one core, milliseconds per
report (median and p99, wall clock), the time of a plain ``re.findall(r"\\d+", text)`` over the
same texts as a floor and the ratio to it; then the peak memory of a streaming run (each result
dropped before the next), after 1/10 of the run and at its end, to show it is flat.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import re
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from govinfo_report import parse, repair

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

try:  # the validator is another component; time it when it imports
    from govinfo_report import validate as _validate
except ImportError:  # pragma: no cover - depends on the checkout
    _validate = None

_DIGITS = re.compile(r"\d+")


def load() -> tuple[list[str], dict[str, int]]:
    """The benchmark texts and how many came from each source."""
    seed_dir = SHARED / "seeds"
    if not seed_dir.is_dir():
        seed_dir = ROOT / "tests" / "fixtures" / "seeds"
    texts = [p.read_text("utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    counts = {"seeds": len(texts)}
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        found = [p.read_text("utf-8") for p in sorted(corpus.glob("*/source.txt"))]
        texts += found
        counts["corpus"] = len(found)
    try:
        from govinfo_report._render import render, render_layouts
    except ImportError:
        counts["rendered"] = 0
        return texts, counts
    rendered: list[str] = []
    for t in list(texts):
        report = parse(t).report
        for layout in render_layouts():
            try:
                rendered.append(render(report, layout))
            except Exception:
                continue
    texts += rendered
    counts["rendered"] = len(rendered)
    return texts, counts


def _text_pipeline(text: str) -> object:
    result = parse(text)
    if _validate is not None:
        return _validate(result.report)
    return result


def _bytes_pipeline(data: bytes) -> object:
    decoded = repair.decode(data)
    fixed = repair.fix_mojibake(decoded.text).text
    result = parse(fixed)
    if _validate is not None:
        return _validate(result.report)
    return result


def _encode(texts: Sequence[str]) -> list[bytes]:
    codecs = ("utf-8", "gb18030", "utf-16")
    out = []
    for t, codec in zip(texts, itertools.cycle(codecs), strict=False):
        try:
            out.append(t.encode(codec))
        except UnicodeEncodeError:
            out.append(t.encode("utf-8"))
    return out


def time_calls(fn: Callable[[Any], object], items: Sequence[Any], repeat: int) -> dict[str, float]:
    """CPU-time throughput over ``repeat`` passes and wall-clock per-item median/p99.

    The objects alive before the timing (the corpus, and whatever the set-up left: hypothesis
    keeps a large state) are moved out of the collector's reach with ``gc.freeze()`` while it
    runs, so that full collections charge each call for what the library allocates, not for the
    benchmark's own heap (which made the same parse about 10% slower after a hypothesis set-up).
    """
    for x in items[:5]:
        fn(x)  # warm caches (template, label indexes)
    per: list[float] = []
    cpu = 0.0
    gc.collect()
    gc.freeze()
    try:
        for _ in range(repeat):
            c0 = time.process_time()
            for x in items:
                t0 = time.perf_counter()
                fn(x)
                per.append(time.perf_counter() - t0)
            cpu += time.process_time() - c0
    finally:
        gc.unfreeze()
    per.sort()
    return {
        "per_s": len(items) * repeat / cpu,
        "median_ms": statistics.median(per) * 1000,
        "p99_ms": per[min(len(per) - 1, int(len(per) * 0.99))] * 1000,
        "cpu_ms": cpu / (len(items) * repeat) * 1000,
    }


def machine_reference() -> float:
    """CPU milliseconds of a fixed pure-Python loop (1,000,000 steps of a dict lookup and a tuple
    built and dropped), best of three: this machine's interpreter speed right now. The reports/s
    figures of two runs compare only after dividing by it (virtual machines here were seen to swing
    by half from one minute to the next). It keeps nothing alive, so it does not raise the peak
    memory the streaming run reports."""
    best = math.inf
    memo = {str(i): i for i in range(64)}
    keys = list(memo)
    get = memo.get
    for _ in range(3):
        c0 = time.process_time()
        for _ in range(1_000_000 // 64):
            for k in keys:
                pair = (k, get(k))
        best = min(best, time.process_time() - c0)
    del pair
    return best * 1000


def _floor(texts: Sequence[str], repeat: int) -> float:
    """CPU milliseconds per text of ``re.findall(r"\\d+", text)``."""
    c0 = time.process_time()
    for _ in range(repeat):
        for t in texts:
            _DIGITS.findall(t)
    return (time.process_time() - c0) / (len(texts) * repeat) * 1000


def _stream(
    fn: Callable[[Any], object], items: Sequence[Any], n: int, trace: bool
) -> tuple[float, float]:
    """Peak memory (MiB) after ``n // 10`` and after ``n`` reports of a streaming run."""
    gc.collect()
    if trace:
        tracemalloc.start()
    marks: list[float] = []
    for i, x in enumerate(itertools.islice(itertools.cycle(items), n), 1):
        fn(x)
        if i in (n // 10, n):
            if trace:
                marks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            else:
                marks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if trace:
        tracemalloc.stop()
    return marks[0], marks[1]


def main() -> None:
    """Print the figures (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--stream", type=int, default=10_000, help="reports in the streaming run")
    ap.add_argument("--tracemalloc", action="store_true", help="trace Python allocations")
    args = ap.parse_args()
    texts, counts = load()
    data = _encode(texts)
    size = sum(len(t) for t in texts) / len(texts)
    print(f"corpus: {len(texts)} texts {counts}, mean {size / 1024:.1f} K characters")
    print(f"validate: {'included' if _validate is not None else 'not importable, skipped'}")
    print(f"machine reference loop: {machine_reference():.0f} ms (see machine_reference)")
    floor = _floor(texts, args.repeat * 5)
    print(f"floor re.findall(r'\\d+'): {floor:.3f} ms/text")
    for name, fn, items in (
        ("text  -> parse -> validate", _text_pipeline, texts),
        ("bytes -> decode -> fix_mojibake -> parse -> validate", _bytes_pipeline, data),
    ):
        r = time_calls(fn, items, args.repeat)
        print(
            f"{name}: {r['per_s']:.0f} reports/s per core; median {r['median_ms']:.2f} ms, "
            f"p99 {r['p99_ms']:.2f} ms; {r['cpu_ms'] / floor:.0f}x the regex floor"
        )
    print(f"machine reference loop after the timing: {machine_reference():.0f} ms")
    what = "traced peak" if args.tracemalloc else "max RSS"
    early, late = _stream(_text_pipeline, texts, args.stream, args.tracemalloc)
    print(
        f"streaming {args.stream} text reports, {what}: {early:.1f} MiB after "
        f"{args.stream // 10}, {late:.1f} MiB after {args.stream}"
    )


if __name__ == "__main__":
    main()
