"""Snapshot of what ``parse`` and ``validate`` return, to prove an optimisation changes nothing.

Run: ``python benchmarks/snapshot.py write FILE`` before a change and
``python benchmarks/snapshot.py check FILE`` after it. The texts: the bundled seeds and unseen
fixtures, ``../shared/seeds`` and ``../shared/corpus`` when present, and ``--rendered N`` random
reports (fixed seed) rendered in every layout. Each text's record holds the report (``to_dict``),
the layout choices, the edition, every provenance entry, every diagnostic and every discrepancy;
``check`` prints the first differences and exits 1 when any text differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from govinfo_report import parse, to_dict, validate
from govinfo_report._render import render, render_layouts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def texts(rendered: int) -> list[tuple[str, str | bytes]]:
    """(name, source) pairs, in a fixed order."""
    out: list[tuple[str, str | bytes]] = []
    for folder in (ROOT / "tests" / "fixtures" / "seeds", ROOT / "tests" / "fixtures" / "unseen"):
        for p in sorted(folder.glob("*.txt")):
            out.append((str(p.relative_to(ROOT)), p.read_text("utf-8")))
    for p in sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "corpus").glob("*/source.txt")
    ):
        out.append((str(p.relative_to(SHARED)), p.read_text("utf-8")))
    for name, text in list(out[:5]):
        for enc in ("gb18030", "utf-16"):
            out.append((f"{name}:{enc}", text.encode(enc)))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_parse import rendered as random_rendered

    for i, text in enumerate(random_rendered(rendered, seed=20261122)):
        out.append((f"rendered/random/{i}", text))
    for name, text in list(out):
        if isinstance(text, str) and name.startswith("corpus/t0"):
            report = parse(text).report
            for layout in render_layouts():
                out.append((f"rendered/{name}/{layout}", render(report, layout)))
    return out


def record(source: str | bytes) -> dict[str, Any]:
    """Everything observable about one parse and validate, as JSON-ready data."""
    result = parse(source)
    discrepancies = validate(result.report)
    return {
        "report": to_dict(result.report),
        "layout": [result.layout, result.layout_confidence, dict(result.layouts)],
        "edition": [str(result.edition), result.edition_source],
        "provenance": {
            k: [list(p.lines), p.raw, p.start, p.end] for k, p in result.provenance.items()
        },
        "diagnostics": [
            [d.code, d.message, list(d.lines), list(d.paths), d.confidence]
            for d in result.diagnostics
        ],
        "discrepancies": [repr(d) for d in discrepancies],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("write", "check"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--rendered", type=int, default=150)
    args = ap.parse_args(argv)
    snap: dict[str, Any] = {}
    for name, source in texts(args.rendered):
        data = record(source)
        snap[name] = {
            "digest": hashlib.sha256(
                json.dumps(data, sort_keys=True, default=str).encode()
            ).hexdigest(),
            "data": data,
        }
    if args.mode == "write":
        args.file.write_text(
            json.dumps(snap, ensure_ascii=False, sort_keys=True, default=str), "utf-8"
        )
        print(f"{len(snap)} texts written to {args.file}")
        return 0
    old = json.loads(args.file.read_text("utf-8"))
    bad = [k for k in old if k not in snap or snap[k]["digest"] != old[k]["digest"]]
    bad += [k for k in snap if k not in old]
    for k in bad[:5]:
        print(f"DIFF {k}")
        a, b = old.get(k, {}).get("data", {}), snap.get(k, {}).get("data", {})
        for part in sorted(set(a) | set(b)):
            if json.dumps(a.get(part), sort_keys=True, default=str) != json.dumps(
                b.get(part), sort_keys=True, default=str
            ):
                print(f"  {part}: before {str(a.get(part))[:600]}")
                print(f"  {part}: after  {str(b.get(part))[:600]}")
    print(f"{len(snap)} texts, {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
