"""Parser throughput: reports per second, per-report median and p99, and peak memory.

Run: ``python benchmarks/bench_parse.py [--repeat N] [--validate] [--rendered N] [--values V]``.
Reads tests/fixtures/seeds and, when present, ../shared/corpus, plus ``--rendered`` reports (400 by
default) rendered in every layout of :func:`govinfo_report.render`. ``--values strategies`` (the
default) draws the reports from :func:`govinfo_report.strategies.reports` (a fixed seed; half of
them consistent, half with one cell of table 三 or 四 off, as real reports that do not add up);
``--values random`` fills every cell with an independent random value (3% blank), so no table adds
up and every recovery path of the aligner runs: a stress case, not a typical report. Parses every
text ``N`` times on one core (``--validate``: also validates each report, timed separately and
together). Each group is also timed on its own. Reports/s is over CPU time; the median and p99 are
wall-clock times of single reports.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench_pipeline import machine_reference, time_calls

from govinfo_report import Value, empty_report, flatten, render, render_layouts, unflatten, validate
from govinfo_report._parse import parse

ROOT = Path(__file__).resolve().parents[1]


def load() -> list[str]:
    """The benchmark texts: the seeds plus the corpus sources when available."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(corpus.glob("t*__*/source.txt"))]
    return texts


def rendered(count: int, seed: int = 0) -> list[str]:
    """``count`` reports with random values (deterministic), each rendered in every layout."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(count):
        edition = "2021" if i % 4 else "2019"
        cells: dict[str, Value] = {}
        for path in flatten(empty_report(edition)):
            cells[path] = None if rng.random() < 0.03 else rng.choice((0, 0, 0, rng.randrange(500)))
        report = unflatten(cells, edition=edition)
        out += [render(report, layout) for layout in render_layouts()]
    return out


def from_strategies(count: int) -> list[str]:
    """``count`` reports drawn from the public strategies (fixed seed, half of them consistent),
    each rendered in every layout."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    from govinfo_report.strategies import reports

    drawn: list[Any] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(st.booleans().flatmap(lambda ok: reports(consistent=ok)))
    def draw(report: Any) -> None:
        drawn.append(report)

    draw()
    return [render(r, layout) for r in drawn[:count] for layout in render_layouts()]


def _time(fn: Callable[[Any], object], items: Sequence[Any], repeat: int) -> str:
    r = time_calls(fn, items, repeat)
    return (
        f"{r['per_s']:.0f} reports/s per core; median {r['median_ms']:.3f} ms, "
        f"p99 {r['p99_ms']:.2f} ms"
    )


def main() -> None:
    """Print reports/s, median and p99 ms per report, KB/s and peak traced memory."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--validate", action="store_true", help="time validate() too")
    ap.add_argument("--rendered", type=int, default=400, help="reports x every layout")
    ap.add_argument("--values", choices=("strategies", "random"), default="strategies")
    args = ap.parse_args()
    real = load()
    made = (
        from_strategies(args.rendered) if args.values == "strategies" else rendered(args.rendered)
    )
    texts = real + made
    for t in texts:
        parse(t)  # warm caches (template, label indexes, number and heading memos)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        f"texts: {len(texts)} ({size / len(texts) / 1024:.1f} KB mean; values: {args.values}), "
        f"repeats: {args.repeat}"
    )
    print(f"machine reference loop: {machine_reference():.0f} ms (see bench_pipeline)")
    start = time.perf_counter()
    print(f"parse: {_time(parse, texts, args.repeat)}")
    elapsed = time.perf_counter() - start
    print(f"  seeds + corpus ({len(real)}): {_time(parse, real, args.repeat)}")
    print(f"  rendered ({len(made)}): {_time(parse, made, args.repeat)}")
    print(f"KB/s: {size * args.repeat / elapsed / 1024:.0f}")
    if args.validate:
        reports = [parse(t).report for t in texts]
        print(f"validate: {_time(validate, reports, args.repeat)}")
        print(f"parse + validate: {_time(lambda t: validate(parse(t).report), texts, args.repeat)}")
    print(f"machine reference loop after the timing: {machine_reference():.0f} ms")
    tracemalloc.start()
    for t in texts:
        parse(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory: {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
