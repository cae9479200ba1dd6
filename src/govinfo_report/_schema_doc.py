"""Markdown reference of the canonical paths, generated from the template data."""

from __future__ import annotations

from ._template import Edition, template

__all__ = ["BEGIN_MARKER", "END_MARKER", "paths_markdown"]

BEGIN_MARKER = "<!-- BEGIN GENERATED PATHS: python -m govinfo_report._schema_doc -->"
END_MARKER = "<!-- END GENERATED PATHS -->"


def paths_markdown() -> str:
    """Every canonical path of both editions with its type and official Chinese labels."""
    out = [BEGIN_MARKER, ""]
    for ed in Edition:
        t = template(ed)
        out.append(f"### {ed.value} edition ({len(t.cells)} cells)")
        out.append("")
        out.append("| # | path | type | row (行) | column (列) |")
        out.append("|---|---|---|---|---|")
        for i, c in enumerate(t.cells, 1):
            row = c.row.replace("|", "\\|")
            out.append(f"| {i} | `{c.path}` | {c.type} | {row} | {c.column} |")
        out.append("")
    out.append(END_MARKER)
    return "\n".join(out) + "\n"


def update(path: str) -> bool:
    """Rewrite the generated block of the markdown file at ``path``; True if it changed."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    head, _, rest = text.partition(BEGIN_MARKER)
    _, _, tail = rest.partition(END_MARKER)
    new = head + paths_markdown().rstrip("\n") + tail
    if new != text:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(new)
        return True
    return False


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import sys

    changed = update(sys.argv[1] if len(sys.argv) > 1 else "docs/schema.md")
    print("docs/schema.md updated" if changed else "docs/schema.md already up to date")
