"""Per-kind restore rates of ``fix_mojibake`` on a corpus built by codec round trips.

Run: ``python benchmarks/repair_accuracy.py`` (ftfy, when installed, is measured alongside on the
kinds it handles; it is never a dependency).

The corpus: the sentences of ``tests/repair/fixtures/sentences.txt`` (real report text), their
clauses (split on Chinese punctuation), consecutive 2- and 4-character pieces of their Chinese
runs, and every template label. Each kind garbles each text
with a codec round trip; a case counts as *reversible* when every step of the round trip was
strict (no byte lost). A case is *restored* when ``fix_mojibake`` returns exactly the original,
both alone and embedded between two clean sentences.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from govinfo_report.repair import fix_mojibake

ROOT = Path(__file__).resolve().parent.parent
# the corpus and the garbling round trips are the repair tests' own (one definition for both)
sys.path.insert(0, str(ROOT / "tests" / "repair"))
from _repair_corpus import GARBLERS, label_pairs, section_five, seed_texts, texts  # noqa: E402

PREFIX = "现将本年度报告如下。"
SUFFIX = "以上为本年度情况。"


def measure(fixer: Callable[[str], str]) -> dict[str, tuple[int, int, int, int]]:
    """Per kind: (cases, reversible, restored alone, restored in context)."""
    results = {}
    corpus = texts()
    for kind, garble in GARBLERS.items():
        reversible = restored = in_context = 0
        for text in corpus:
            try:
                garbled = garble(text)
            except UnicodeDecodeError:
                continue
            if garbled == text:
                continue
            reversible += 1
            restored += fixer(garbled) == text
            in_context += fixer(PREFIX + garbled + SUFFIX) == PREFIX + text + SUFFIX
        results[kind] = (len(corpus), reversible, restored, in_context)
    return results


def _report(name: str, fixer: Callable[[str], str], kinds: tuple[str, ...] | None) -> None:
    print(f"\n{name}")
    print(f"{'kind':28} {'cases':>6} {'revers.':>8} {'alone':>8} {'in text':>8}")
    for kind, (cases, reversible, alone, context) in measure(fixer).items():
        if kinds is not None and kind not in kinds:
            continue
        share_alone = alone / reversible if reversible else float("nan")
        share_context = context / reversible if reversible else float("nan")
        print(f"{kind:28} {cases:6d} {reversible:8d} {share_alone:8.1%} {share_context:8.1%}")


def _broken_font() -> None:
    """Seed 000: labels identified and characters restored, and section 五's glyphs restored."""
    import difflib

    from govinfo_report.repair import UNKNOWN, garble_score, learn_glyph_map

    pairs = label_pairs()
    glyphs = learn_glyph_map(pairs)
    garbled_pairs = [(g, k) for g, k in pairs if garble_score(g) > 0]
    labels = sorted({k for _, k in garbled_pairs})

    def squash(text: str) -> str:
        return "".join(text.split()).replace("(", "（").replace(")", "）").replace(",", "，")

    identified = matched = total = 0
    for garbled, known in garbled_pairs:
        repaired = squash(glyphs.apply(garbled).text)
        ratios = {
            label: difflib.SequenceMatcher(None, repaired, squash(label)).ratio()
            for label in labels
        }
        identified += max(ratios, key=lambda label: ratios[label]) == known
        blocks = difflib.SequenceMatcher(None, repaired, squash(known)).get_matching_blocks()
        matched += sum(block.size for block in blocks)
        total += len(squash(known))
    body = section_five(seed_texts()[0])
    result = glyphs.apply(body)
    odd = [c for c in body if not c.isspace() and garble_score(c) > 0]
    restored = sum(f.name in ("glyph_map", "glyph_context") for f in result.fixes)
    print("\nbroken font, seed 000 (glyph map learned from its table labels)")
    print(f"  garbled labels identified    {identified}/{len(garbled_pairs)}")
    print(f"  label characters restored    {matched / total:.1%}")
    print(f"  section 五 glyphs restored    {restored}/{len(odd)} ({restored / len(odd):.1%})")
    print(f"  section 五 glyphs marked U+FFFD {result.text.count(UNKNOWN)}")
    print(f"  mappings {len(glyphs.mapping)}, conflicts {len(glyphs.conflicts)}")


def main() -> int:
    _report("govinfo_report.repair.fix_mojibake", lambda t: fix_mojibake(t).text, None)
    _broken_font()
    try:
        import ftfy
    except ImportError:
        print("\nftfy is not installed: no comparison")
        return 0
    _report(
        f"ftfy {ftfy.__version__} fix_text (for comparison only)",
        ftfy.fix_text,
        (
            "utf8_as_latin1",
            "utf8_as_cp1252",
            "utf8_as_cp1252_sloppy",
            "double_utf8_latin1",
            "double_utf8_cp1252",
            "gbk_as_latin1",
            "utf8_as_gbk",
        ),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
