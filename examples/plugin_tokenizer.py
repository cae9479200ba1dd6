"""A third-party tokenizer: reports whose tables arrive as CSV (comma-separated cells).

    python examples/plugin_tokenizer.py

A tokenizer is any object with a ``name``, ``sniff(text) -> float`` and ``tokenize(text) ->
rows of cells``: it says where the cells are, and the library aligns them to the template. Register
it with ``govinfo_report.register_tokenizer`` (as here), or ship it in a package and name it in the
entry-point group ``govinfo_report.tokenizers``::

    [project.entry-points."govinfo_report.tokenizers"]
    csv = "my_package.tokenizers:CSV"

Once registered, ``parse(text)`` picks it when its ``sniff`` wins, and ``parse(text, layout="csv")``
uses it directly.
"""

from __future__ import annotations

from collections.abc import Sequence

import govinfo_report as gr


class CsvTokenizer:
    """Cells separated by commas, one printed row per line; ``col`` is the cell's index."""

    name = "csv"

    def sniff(self, text: str) -> float:
        """Confident when most lines with digits hold several commas."""
        lines = [line for line in text.splitlines() if any(ch.isdigit() for ch in line)]
        if not lines:
            return 0.0
        return 0.95 * sum(line.count(",") >= 2 for line in lines) / len(lines)

    def tokenize(self, text: str) -> Sequence[gr.TokenRow]:
        """One TokenRow per non-empty line; empty cells keep their column index."""
        rows: list[gr.TokenRow] = []
        offset = 0
        for number, line in enumerate(text.splitlines(keepends=True), start=1):
            body = line.rstrip("\r\n")
            if body.strip():
                cells = []
                start = offset
                for col, raw in enumerate(body.split(",")):
                    end = start + len(raw)
                    cell = gr.Cell(text=raw.strip(), line=number, start=start, end=end, col=col)
                    cells.append(cell)
                    start += len(raw) + 1
                rows.append(gr.TokenRow(cells=tuple(cells), line=number))
            offset += len(line)
        return rows


CSV = gr.register_tokenizer(CsvTokenizer(), replace=True)


def sample() -> str:
    """A small report whose tables are CSV lines (a blank 自然人 cell in the first row)."""
    report = gr.unflatten(
        {
            "active.regulations.issued": 2,
            "active.regulations.in_force": 14,
            "applications.new_received.commercial_enterprise": 3,
            "applications.new_received.total": 3,
            "review.upheld": 1,
            "review.total": 1,
        },
        edition="2021",
    )
    tab = gr.render(report, "tab")
    return "\n".join(line.replace("\t", ",") for line in tab.splitlines())


def main() -> None:
    """Parse the CSV sample with the plug-in, by detection and by name, and print the cells."""
    text = sample()
    found = gr.parse(text)
    named = gr.parse(text, layout="csv")
    print(f"detected layout: {found.layout}; by name: {named.layout}")
    cells = {p: v for p, v in gr.flatten(named.report).items() if v}
    for path, value in cells.items():
        print(f"{path} = {value}")
    blank = named.report.applications.new_received.natural_person
    print(f"applications.new_received.natural_person = {blank} (blank stays blank)")


if __name__ == "__main__":
    main()
