"""Atheris fuzz harness over the public entry points (not part of the normal test run).

Usage (after ``pip install atheris``; set ``GOVINFO_FUZZ_INSTRUMENT=0`` for fast blind runs)::

    python tests/fuzz/fuzz_targets.py -atheris_runs=1000000 -max_len=20000 -timeout=1 \
        tests/fuzz/corpus

Each input is routed by its first byte to one target: ``decode``, ``fix_mojibake``,
``normalize``, ``parse`` (str), ``parse`` (bytes), or ``validate`` of the parsed report. The
invariants checked for every input: no exception escapes (only the documented TypeError on wrong
argument types, which the harness never triggers), the outputs have the documented types, the
repairs are idempotent where documented, and a prefix of a text never yields a cell value the full
text does not (no invented numbers). ``-timeout=1`` makes libFuzzer report any input that takes
longer than one second as a hang.
"""

from __future__ import annotations

import contextlib
import os
import sys
from decimal import Decimal

import atheris

# GOVINFO_FUZZ_INSTRUMENT=0 runs without coverage instrumentation: blind mutation, but 10-50 times
# more executions per second, which is how the million-execution runs are done.
_INSTRUMENT = os.environ.get("GOVINFO_FUZZ_INSTRUMENT", "1") != "0"

with atheris.instrument_imports() if _INSTRUMENT else contextlib.nullcontext():
    import govinfo_report as gr
    from govinfo_report import repair
    from govinfo_report.validation import Discrepancy, validate

_TARGETS = 6


def _check_report(result: gr.ParseResult) -> None:
    assert isinstance(result.report, gr.AnnualReport)
    cells = gr.flatten(result.report)
    for path, value in cells.items():
        assert value is None or isinstance(value, (int, Decimal)), (path, value)
        if value is not None:
            assert path in result.provenance, path
    for d in result.diagnostics:
        assert isinstance(d.code, str) and d.code


def _subset(small: dict[str, object], full: dict[str, object]) -> bool:
    return all(v is None or full.get(p) == v for p, v in small.items())


def test_one_input(data: bytes) -> None:
    """Route one fuzz input to a target and check its invariants."""
    if not data:
        return
    which, body = data[0] % _TARGETS, data[1:]
    fdp = atheris.FuzzedDataProvider(body)
    if which == 0:
        decoded = repair.decode(body)
        assert isinstance(decoded.text, str)
        return
    text = fdp.ConsumeUnicodeNoSurrogates(len(body))
    if which == 1:
        fixed = repair.fix_mojibake(text)
        assert isinstance(fixed.text, str)
        assert repair.fix_mojibake(fixed.text).text == fixed.text
    elif which == 2:
        once = repair.normalize(text)
        assert repair.normalize(once) == once
    elif which == 3:
        full = gr.parse(text)
        _check_report(full)
        cut = len(text) // 2
        part = gr.parse(text[:cut])
        _check_report(part)
        if cut and "\n" in text[:cut]:
            # a cut at a line boundary must not invent numbers
            at = text.rfind("\n", 0, cut) + 1
            head = gr.parse(text[:at])
            assert _subset(dict(gr.flatten(head.report)), dict(gr.flatten(full.report)))
    elif which == 4:
        _check_report(gr.parse(body))
    else:
        result = gr.parse(text)
        for d in validate(result.report):
            assert isinstance(d, Discrepancy)


def main() -> None:
    """Run the fuzzer with libFuzzer's command line."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
