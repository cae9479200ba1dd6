"""Render a report's notebook HTML (``_repr_html_``) and screenshot it in headless Chromium.

Usage::

    python scripts/screenshot_repr.py [REPORT.txt | GOLD.json] [--out out.png] [--html out.html]

A ``.txt``/``.html`` report is parsed and validated (the ``ParseResult`` view, with source lines
in the tooltips); a ``.json`` file in the seeds' gold format (``{"meta": ..., "cells": ...}``) is
drawn as a report, validated when the validator is available. Needs ``chromium`` on the PATH
(``apt-get install -y chromium``). The image is for a visual check only: do not commit it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from govinfo_report import Meta, unflatten
from govinfo_report._html import parse_result_html, report_html

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "reports" / "000_b632abdf92b6cc95.txt"


def page_for(path: Path) -> str:
    """The HTML fragment for ``path`` (a report text or a gold JSON file)."""
    if path.suffix == ".json":
        gold = json.loads(path.read_text("utf-8"))
        meta = Meta(**gold["meta"])
        report = unflatten(gold["cells"], edition=meta.edition, meta=meta)
        try:
            from govinfo_report.validation import validate
        except ImportError:
            return report_html(report)
        return report_html(report, validate(report))
    from govinfo_report._batch import parse_source

    return parse_result_html(parse_source(path))


def main(argv: list[str] | None = None) -> int:
    """Write the page and the screenshot; return 0 on success."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "govinfo_repr.png")
    ap.add_argument("--html", type=Path, default=None, help="also keep the page here")
    ap.add_argument("--window-size", default="1400,2000")
    args = ap.parse_args(argv)
    fragment = page_for(args.report)
    doc = (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{args.report.name}</title></head><body>{fragment}</body></html>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(args.html) if args.html else Path(tmp) / "page.html"
        page.write_text(doc, encoding="utf-8")
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser is None:
            print("chromium not found; the page is at", page, file=sys.stderr)
            return 1
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp}/profile",
            f"--screenshot={args.out.resolve()}",
            f"--window-size={args.window_size}",
            page.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
