"""Speed of the repair helpers on whole reports: milliseconds per report.

Run: ``python benchmarks/bench_repair.py``. Each line is the best of several rounds of
``decode`` + ``fix_mojibake`` + ``normalize`` on one report (seed 001, about 6 KB of text), from
bytes in the named encoding; then the broken-font repair of seed 000.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govinfo_report.repair import decode, fix_mojibake, learn_glyph_map, normalize

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "repair" / "fixtures"
ROUNDS = 7
REPEAT = 20


def _best_ms(function: Callable[[], object]) -> float:
    """Best of ROUNDS rounds, in milliseconds per call."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(REPEAT):
            function()
        best = min(best, (time.perf_counter() - start) / REPEAT)
    return best * 1000


def _pipeline(data: bytes) -> Callable[[], object]:
    def run() -> object:
        return normalize(fix_mojibake(decode(data).text).text)

    return run


def _label_pairs(garbled: str, clean: str) -> list[tuple[str, str]]:
    def table(text: str) -> list[str]:
        lines = text.splitlines()
        start = next(n for n, line in enumerate(lines) if "二、主动公开政府信息情况" in line)
        end = next(n for n, line in enumerate(lines) if "五、存在的主要问题" in line)
        return [
            line for line in lines[start + 1 : end] if line.strip() and not line.startswith("#")
        ]

    pairs = []
    for g_line, c_line in zip(table(garbled), table(clean), strict=True):
        for g, c in zip(g_line.split("\t"), c_line.split("\t"), strict=False):
            if g.strip() and c.strip() and not re.fullmatch(r"[\d.]+", g.strip()):
                pairs.append((g.strip(), c.strip()))
    return pairs


def main() -> int:
    report = (FIXTURES / "seed001_clean.txt").read_text(encoding="utf-8")
    traditional = (FIXTURES / "traditional.txt").read_text(encoding="utf-8") * 8
    garbled = (FIXTURES / "seed000_garbled.txt").read_text(encoding="utf-8")
    cases = {
        "utf-8": report.encode("utf-8"),
        "gb18030": report.encode("gb18030"),
        "utf-16-le, no BOM": report.encode("utf-16-le"),
        "big5 (traditional)": traditional.encode("big5"),
        "utf-8 read as latin-1": report.encode("utf-8").decode("latin-1").encode("utf-8"),
        "gbk read as latin-1": report.encode("gbk").decode("latin-1").encode("utf-8"),
        "broken font (seed 000)": garbled.encode("utf-8"),
    }
    print(f"decode + fix_mojibake + normalize, best of {ROUNDS}x{REPEAT} (text size in chars)")
    for name, data in cases.items():
        size = len(decode(data).text)
        print(f"  {name:26} {_best_ms(_pipeline(data)):7.2f} ms/report  ({size} chars)")
    print("parts, on the UTF-8 report:")
    data = cases["utf-8"]
    print(f"  {'decode':26} {_best_ms(lambda: decode(data)):7.2f} ms")
    print(f"  {'fix_mojibake':26} {_best_ms(lambda: fix_mojibake(report)):7.2f} ms")
    print(f"  {'normalize':26} {_best_ms(lambda: normalize(report)):7.2f} ms")
    clean = report
    pairs = _label_pairs(garbled, clean)
    glyphs = learn_glyph_map(pairs)
    print("broken-font repair of seed 000:")
    print(f"  {'learn_glyph_map':26} {_best_ms(lambda: learn_glyph_map(pairs)):7.2f} ms")
    apply_ms = _best_ms(lambda: glyphs.apply(garbled, only_garbled=True))
    print(f"  {'GlyphMap.apply (document)':26} {apply_ms:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
