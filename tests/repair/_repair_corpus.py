"""The repair tests' corpus: real report text and the codec round trips that garble it."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from govinfo_report.repair._vocab import template_labels

FIXTURES = Path(__file__).resolve().parent / "fixtures"

ENCODINGS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 BOM": (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    "gb18030": (lambda t: t.encode("gb18030"), "gb18030"),
    "gbk": (lambda t: t.encode("gbk"), "gb18030"),
    "utf-16-le BOM": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be BOM": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    "utf-16-le": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
}
"""Encodings ``decode`` must recognise: name -> (encoder, the encoding ``decode`` reports)."""


def sentences() -> list[str]:
    """The real report sentences of the fixtures."""
    text = (FIXTURES / "sentences.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def traditional() -> list[str]:
    """Traditional-character lines, all encodable in Big5."""
    text = (FIXTURES / "traditional.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def texts() -> list[str]:
    """Sentences, their clauses, 2- and 4-character pieces, template labels; no duplicates."""
    found: dict[str, None] = {}
    for line in sentences():
        found[line] = None
        for clause in re.split(r"[，。；：、]", line):
            if len(clause) >= 2:
                found[clause] = None
            for word in re.findall(r"[\u4e00-\u9fff]{2,}", clause):
                for size in (2, 4):
                    for start in range(0, len(word) - size + 1, size):
                        found[word[start : start + size]] = None
    for label in template_labels():
        found[label] = None
    return list(found)


def sloppy_cp1252(data: bytes) -> str:
    """Decode as browsers do: windows-1252, its five undefined bytes read as latin-1 controls."""
    holes = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    return "".join(chr(b) if b in holes else bytes([b]).decode("cp1252") for b in data)


GARBLERS: dict[str, Callable[[str], str]] = {
    "utf8_as_gbk": lambda t: t.encode("utf-8").decode("gbk"),
    "utf8_as_gb18030": lambda t: t.encode("utf-8").decode("gb18030"),
    "gbk_as_latin1": lambda t: t.encode("gbk").decode("latin-1"),
    "gbk_as_cp1252": lambda t: t.encode("gbk").decode("cp1252"),
    "utf8_as_latin1": lambda t: t.encode("utf-8").decode("latin-1"),
    "utf8_as_cp1252": lambda t: t.encode("utf-8").decode("cp1252"),
    "utf8_as_cp1252_sloppy": lambda t: sloppy_cp1252(t.encode("utf-8")),
    "double_utf8_latin1": lambda t: (
        t.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    ),
    "double_utf8_cp1252": lambda t: sloppy_cp1252(sloppy_cp1252(t.encode("utf-8")).encode("utf-8")),
    "utf8_as_big5": lambda t: t.encode("utf-8").decode("big5"),
    "utf8_as_shift_jis": lambda t: t.encode("utf-8").decode("shift_jis"),
}
"""Each kind of wrong decode, as a function from clean text to garbled text (strict codecs)."""


def cases(kind: str) -> list[tuple[str, str]]:
    """The reversible (clean, garbled) cases of one kind: every step strict, the text changed."""
    garble = GARBLERS[kind]
    found = []
    for text in texts():
        try:
            garbled = garble(text)
        except UnicodeDecodeError:
            continue
        if garbled != text:
            found.append((text, garbled))
    return found


def _table_lines(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if "二、主动公开政府信息情况" in line)
    end = next(n for n, line in enumerate(lines) if "五、存在的主要问题" in line)
    return [line for line in lines[start + 1 : end] if line.strip() and not line.startswith("#")]


def seed_texts() -> tuple[str, str]:
    """Seed 000 (broken font) and seed 001 (same template, clean)."""
    garbled = (FIXTURES / "seed000_garbled.txt").read_text(encoding="utf-8")
    clean = (FIXTURES / "seed001_clean.txt").read_text(encoding="utf-8")
    return garbled, clean


def label_pairs() -> list[tuple[str, str]]:
    """(garbled, clean) table cells of seeds 000 and 001, paired by line and column position."""
    garbled, clean = seed_texts()
    pairs = []
    for g_line, c_line in zip(_table_lines(garbled), _table_lines(clean), strict=True):
        for g, c in zip(g_line.split("\t"), c_line.split("\t"), strict=False):
            g, c = g.strip(), c.strip()
            if g and c and not re.fullmatch(r"[\d.]+", g):
                pairs.append((g, c))
    return pairs


def section_five(text: str) -> str:
    """The body of section 五 (up to the next heading)."""
    start = text.index("五、存在的主要问题及改进情况")
    body = text[text.index("\n", start) + 1 :]
    end = body.find("\n#")
    return body if end < 0 else body[:end]
