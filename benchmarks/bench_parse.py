"""Parser throughput: reports per second and peak memory over the seeds and the corpus.

Run: ``python benchmarks/bench_parse.py [--repeat N]``. Reads tests/fixtures/seeds and, when
present, ../shared/corpus; parses every text ``N`` times on one core.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from govinfo_report._parse import parse

ROOT = Path(__file__).resolve().parents[1]


def load() -> list[str]:
    """The benchmark texts: the seeds plus the corpus sources when available."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(corpus.glob("t*__*/source.txt"))]
    return texts


def main() -> None:
    """Print reports/s, KB/s and peak traced memory."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = load()
    for t in texts[:3]:
        parse(t)  # warm caches (template, label indexes)
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for _ in range(args.repeat):
        for t in texts:
            parse(t)
    elapsed = time.perf_counter() - start
    n = len(texts) * args.repeat
    tracemalloc.start()
    for t in texts:
        parse(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"texts: {len(texts)} ({size / len(texts) / 1024:.1f} KB mean), repeats: {args.repeat}")
    print(f"reports/s: {n / elapsed:.0f}")
    print(f"KB/s: {size * args.repeat / elapsed / 1024:.0f}")
    print(f"peak traced memory: {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
