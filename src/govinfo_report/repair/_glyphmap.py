"""Broken-font repair: learn a glyph substitution from known labels and undo it elsewhere.

When a PDF's font maps glyphs to wrong code points, the extracted text is a consistent
substitution (``= 许可`` for ``行政许可``) while numbers survive. Given (garbled, known) pairs,
which a parser has from the positions of the template's labels, :func:`learn_glyph_map` aligns
them character by character, counts votes and keeps the evidence-backed mappings;
:meth:`GlyphMap.apply` undoes the substitution in the rest of the document and marks with U+FFFD
every garbled character it cannot restore.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import attrs

from ._types import Fix, Repaired
from ._vocab import is_ideograph

__all__ = [
    "UNKNOWN",
    "GlyphConflict",
    "GlyphMap",
    "garble_score",
    "learn_glyph_map",
    "looks_garbled",
]

UNKNOWN = "\ufffd"
"""What :meth:`GlyphMap.apply` writes for a garbled character it cannot restore."""

# Kept as they are, in learning and in applying: a cell that is a number, and the item number
# at the start of a cell ("1." in "1.属于国家秘密").
_NUMBER_CELL = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")
_ITEM_NUMBER = re.compile(r"\d{1,2}\.(?!\d)")

# Alignment costs.
_MATCH = 0.0
_SUBSTITUTE = 1.0
_SUBSTITUTE_KNOWN = 0.2  # the substitution the previous round voted for
_SUBSTITUTE_CONTRADICTED = 1.6  # a substitution against the previous round's vote
_SUBSTITUTE_IDEOGRAPH = 2.5  # an ideograph in garbled text is normally a correct glyph
_DROP_SPACE = 0.3  # a space the extractor inserted
_DROP_GARBLED = 1.5  # a garbled character that stands for nothing
_LOST = 1.2  # an original character with no garbled counterpart
_ROUNDS = 3


@attrs.frozen(kw_only=True)
class GlyphConflict:
    """Evidence that does not make a one-to-one mapping.

    ``kind`` is ``"space"`` when several original characters all became a space, or
    ``"ambiguous"`` when one garbled character was seen for several originals. ``originals``
    holds ``(character, votes)``, most votes first.
    """

    garbled: str
    kind: str
    originals: tuple[tuple[str, int], ...]


@attrs.frozen(kw_only=True)
class GlyphMap:
    """A learned glyph substitution: garbled character -> original character.

    ``mapping`` holds only evidence-backed entries, identity ones included (``第`` -> ``第``);
    ``votes`` the number of aligned occurrences behind each entry; ``conflicts`` what could not
    be resolved.
    """

    mapping: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    votes: Mapping[str, int] = attrs.field(factory=dict, hash=False)
    conflicts: tuple[GlyphConflict, ...] = ()
    contexts: Mapping[tuple[str, str], Mapping[str, int]] = attrs.field(factory=dict, hash=False)
    """Votes by context, for the characters ``mapping`` leaves open: ``(" ", left)`` is what a
    space after the original ``left`` stood for (``""``: nothing), ``(glyph, ">" + right)`` and
    ``(glyph, "<" + left)`` what an ambiguous glyph stood for before the garbled ``right`` or
    after the original ``left``."""

    def _from_context(self, keys: Iterable[tuple[str, str]], min_votes: int) -> tuple[str, str]:
        """The original a context votes for unanimously (or ``""``), and the evidence."""
        for key in keys:
            votes = self.contexts.get(key)
            if not votes:
                continue
            (top, top_votes), *rest = sorted(votes.items(), key=lambda i: (-i[1], i[0]))
            if top_votes >= min_votes and not rest:
                return top, f"context {key[1]!r}: {top!r} x{top_votes}"
        return "", ""

    def apply(self, text: str, *, only_garbled: bool = False) -> Repaired:
        """Undo the substitution in ``text``; mark what cannot be restored with U+FFFD.

        The whole of ``text`` is taken as garbled. With ``only_garbled=True``, lines that do
        not look garbled (:func:`looks_garbled` with ``min_odd=1``) are left alone, so that a
        whole document can be passed; a garbled label without any odd character (``8章`` for
        ``规章``) is then missed, so a parser that knows which cells are garbled should pass
        those.

        Per character, in this order:

        - tabs, line breaks and the protected tokens (a tab-separated cell that is a number, an item
          number such as ``1.`` at the start of a cell) are kept;
        - a space becomes the original that spaces after the same original character stood for,
          when at least 2 votes and no other outcome (extra space included) back it (a fix
          ``glyph_space``); otherwise it stays a space, since a space is mostly an extractor's
          artefact;
        - a character of ``mapping`` becomes its original (a fix ``glyph_map`` when it changes);
        - an ideograph, CJK punctuation or an ASCII digit that is not a mapped key is kept: in this
          failure mode those glyphs come out right;
        - an ambiguous glyph whose next garbled character, or previous original character, was
          always seen with one same original becomes that original (a fix ``glyph_context``);
        - any other character becomes U+FFFD (a fix ``glyph_unknown``, or ``glyph_ambiguous``
          with the candidates when the evidence conflicts). Nothing is guessed silently.

        >>> glyphs = learn_glyph_map([("= 许可", "行政许可"), ("= 处罚", "行政处罚")])
        >>> glyphs.apply("= 许可与= 处罚，另有#").text
        '行政许可与行政处罚，另有\\ufffd'
        """
        if not isinstance(text, str):
            raise TypeError(f"apply() expects str, not {type(text).__name__}")
        ambiguous = {c.garbled: c for c in self.conflicts if c.kind == "ambiguous"}
        parts: list[str] = []
        fixes: list[Fix] = []
        characters = list(_characters(text))
        if only_garbled:
            skipped = _clean_lines(text)
            characters = [(i, c, p or skipped[i]) for i, c, p in characters]
        for position, (index, char, protected) in enumerate(characters):
            out = char
            left = parts[-1] if parts else ""
            if protected or char in "\t\n":
                pass
            elif char == " ":
                found, evidence = self._from_context([(" ", left)], 2)
                if found:
                    out = found
                    reason = f"a space after {left!r} stood for {found!r} ({evidence})"
                    fixes.append(_fix("glyph_space", index, len(parts), char, out, reason, 0.5))
            elif char.isspace():
                pass
            elif char in self.mapping:
                out = self.mapping[char]
                if out != char:
                    reason = f"learned glyph map: {char!r} -> {out!r} ({self.votes[char]} votes)"
                    fixes.append(_fix("glyph_map", index, len(parts), char, out, reason, 1.0))
            elif _kept_as_is(char):
                pass
            else:
                right = _next_glyph(characters, position)
                found, evidence = self._from_context([(char, ">" + right), (char, "<" + left)], 1)
                conflict = ambiguous.get(char)
                out = found or UNKNOWN
                if found:
                    reason = f"ambiguous glyph resolved by {evidence}"
                    fixes.append(_fix("glyph_context", index, len(parts), char, out, reason, 0.5))
                elif conflict is not None:
                    shown = ", ".join(f"{o!r} x{n}" for o, n in conflict.originals)
                    reason = f"glyph seen for several originals: {shown}"
                    fixes.append(_fix("glyph_ambiguous", index, len(parts), char, out, reason))
                else:
                    reason = "garbled glyph with no learned mapping"
                    fixes.append(_fix("glyph_unknown", index, len(parts), char, out, reason))
            parts.append(out)
        return Repaired(text="".join(parts), fixes=tuple(fixes))


def _fix(
    name: str, index: int, out_index: int, char: str, out: str, reason: str, score: float = 0.0
) -> Fix:
    return Fix(
        name=name,
        source_span=(index, index + 1),
        target_span=(out_index, out_index + len(out)),
        original=char,
        replacement=out,
        reason=reason,
        score=score,
    )


def _clean_lines(text: str) -> list[bool]:
    """Per character of ``text``: whether its line does not look garbled."""
    flags: list[bool] = []
    for line in text.splitlines(keepends=True):
        flags.extend([not looks_garbled(line, min_odd=1)] * len(line))
    return flags


def _next_glyph(characters: list[tuple[int, str, bool]], position: int) -> str:
    for _, char, _ in characters[position + 1 :]:
        if not char.isspace():
            return char
    return ""


def _kept_as_is(char: str) -> bool:
    code = ord(char)
    return (
        is_ideograph(char)
        or (char.isdigit() and code < 0x80)
        or (
            (0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E)
            and unicodedata.category(char).startswith("P")
        )
        or char in "“”‘’—…"
    )


def _characters(text: str) -> Iterable[tuple[int, str, bool]]:
    """Each character of ``text`` with its offset and whether it is part of a protected token."""
    position = 0
    for cell in re.split(r"(\t|\n)", text):
        if cell in ("\t", "\n"):
            yield position, cell, True
            position += 1
            continue
        stripped = cell.strip()
        protected_end = 0
        if stripped and _NUMBER_CELL.fullmatch(stripped):
            protected_end = len(cell)
        else:
            lead = len(cell) - len(cell.lstrip())
            item = _ITEM_NUMBER.match(cell, lead)
            if item is not None:
                protected_end = item.end()
        for offset, char in enumerate(cell):
            yield position + offset, char, offset < protected_end
        position += len(cell)


def _strip_item_numbers(garbled: str, known: str) -> tuple[str, str]:
    """Drop the same leading item number from both sides, so it casts no votes."""
    g = _ITEM_NUMBER.match(garbled.lstrip())
    k = _ITEM_NUMBER.match(known.lstrip())
    if g is not None and k is not None and g.group() == k.group():
        return garbled.lstrip()[g.end() :].strip(), known.lstrip()[k.end() :].strip()
    return garbled, known


def _align(
    garbled: str, known: str, best: Mapping[str, str]
) -> list[tuple[str | None, str | None]]:
    """Minimum-cost alignment of a garbled string with its known original."""
    m, n = len(garbled), len(known)

    def substitute(g: str, k: str) -> float:
        if g == k:
            return _MATCH
        if is_ideograph(g):
            return _SUBSTITUTE_IDEOGRAPH
        guess = best.get(g)
        if guess is None or g == " ":
            return _SUBSTITUTE
        return _SUBSTITUTE_KNOWN if guess == k else _SUBSTITUTE_CONTRADICTED

    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    move = [[0] * (n + 1) for _ in range(m + 1)]  # 1 diagonal, 2 drop garbled, 3 lost original
    cost[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            here = cost[i][j]
            if here == inf:
                continue
            if i < m and j < n:
                value = here + substitute(garbled[i], known[j])
                if value < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1], move[i + 1][j + 1] = value, 1
            if i < m:
                value = here + (_DROP_SPACE if garbled[i] == " " else _DROP_GARBLED)
                if value < cost[i + 1][j]:
                    cost[i + 1][j], move[i + 1][j] = value, 2
            if j < n:
                value = here + _LOST
                if value < cost[i][j + 1]:
                    cost[i][j + 1], move[i][j + 1] = value, 3
    pairs: list[tuple[str | None, str | None]] = []
    i, j = m, n
    while i or j:
        step = move[i][j]
        if step == 1:
            pairs.append((garbled[i - 1], known[j - 1]))
            i, j = i - 1, j - 1
        elif step == 2:
            pairs.append((garbled[i - 1], None))
            i -= 1
        else:
            pairs.append((None, known[j - 1]))
            j -= 1
    pairs.reverse()
    return pairs


_Votes = dict[str, Counter[str]]
_ContextVotes = dict[tuple[str, str], Counter[str]]


def _count(
    pairs: list[tuple[str, str]], best: Mapping[str, str]
) -> tuple[_Votes, Counter[str], _ContextVotes]:
    votes: _Votes = defaultdict(Counter)
    spaces: Counter[str] = Counter()
    contexts: _ContextVotes = defaultdict(Counter)
    for garbled, known in pairs:
        aligned = _align(garbled, known, best)
        left = ""  # the last original character
        for position, (g, k) in enumerate(aligned):
            if g == " ":
                contexts[(" ", left)][k if k not in (None, " ") else ""] += 1
                if k not in (None, " "):
                    spaces[k] += 1
            elif g is not None and k is not None and k != " " and (g == k or not is_ideograph(g)):
                votes[g][k] += 1
                right = next((n for n, _ in aligned[position + 1 :] if n and n != " "), "")
                contexts[(g, ">" + right)][k] += 1
                contexts[(g, "<" + left)][k] += 1
            if k is not None:
                left = k
    return votes, spaces, contexts


def learn_glyph_map(
    pairs: Iterable[tuple[str, str]], *, min_votes: int = 1, min_share: float = 0.6
) -> GlyphMap:
    """Learn a glyph substitution from ``(garbled, known)`` pairs of the same document.

    The pairs are aligned character by character (a weighted edit distance that lets the
    garbled side have extra spaces, lose characters, or turn one into a space), in three rounds
    where each round prefers the mappings the previous one voted for. A garbled character is
    mapped when at least ``min_votes`` aligned occurrences back its most frequent original and
    that original has at least ``min_share`` of its votes; below that share it is reported as an
    ``"ambiguous"`` conflict and left unmapped. Spaces are never mapped: the originals that
    became a space are reported as a ``"space"`` conflict. For what stays open, votes by context
    are kept (``GlyphMap.contexts``): what a space after a given original character stood for,
    and what an ambiguous glyph stood for next to a given neighbour. Ideographs in the garbled
    text vote only for themselves. Leading item numbers (``1.``) identical on both sides are
    skipped.

    >>> glyphs = learn_glyph_map([("= 89xyz", "行政规范性文件"), ("8章", "规章")])
    >>> glyphs.mapping["8"], glyphs.mapping["z"], glyphs.votes["8"]
    ('规', '件', 2)
    """
    cleaned: list[tuple[str, str]] = []
    for garbled, known in pairs:
        if not isinstance(garbled, str) or not isinstance(known, str):
            raise TypeError("learn_glyph_map() expects pairs of str")
        if not garbled.strip() or not known.strip() or _NUMBER_CELL.fullmatch(garbled.strip()):
            continue
        cleaned.append(_strip_item_numbers(garbled.strip(), known.strip()))
    best: dict[str, str] = {}
    votes: _Votes = {}
    spaces: Counter[str] = Counter()
    contexts: _ContextVotes = {}
    for _ in range(_ROUNDS):
        votes, spaces, contexts = _count(cleaned, best)
        best = {g: counter.most_common(1)[0][0] for g, counter in votes.items()}
    mapping: dict[str, str] = {}
    support: dict[str, int] = {}
    conflicts: list[GlyphConflict] = []
    for g in sorted(votes):
        ranked = sorted(votes[g].items(), key=lambda item: (-item[1], item[0]))
        top, top_votes = ranked[0]
        share = top_votes / sum(n for _, n in ranked)
        if len(ranked) > 1:
            conflicts.append(GlyphConflict(garbled=g, kind="ambiguous", originals=tuple(ranked)))
        if top_votes >= min_votes and share >= min_share:
            mapping[g] = top
            support[g] = top_votes
    if spaces:
        ranked = sorted(spaces.items(), key=lambda item: (-item[1], item[0]))
        conflicts.append(GlyphConflict(garbled=" ", kind="space", originals=tuple(ranked)))
    # contexts are kept only for what the mapping leaves open: spaces and unmapped glyphs
    kept = {
        key: dict(counter)
        for key, counter in contexts.items()
        if key[0] == " " or key[0] not in mapping
    }
    return GlyphMap(mapping=mapping, votes=support, conflicts=tuple(conflicts), contexts=kept)


# Characters that a clean Chinese report rarely has next to ideographs.
_ODD = re.compile(r"[!-#&-'*<-@\[-`{-~]|[^\x00-\x7f\u3000-\u303f\uff00-\uffef“”‘’—…·\s]")
_LONE_LETTER = re.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])")


_HEADING_MARK = re.compile(r"^#+[ \t]", re.MULTILINE)


def _counts(text: str) -> tuple[int, int]:
    """(odd characters, ideographs) of ``text``; Markdown heading marks do not count."""
    text = _HEADING_MARK.sub("", text)
    odd = sum(1 for m in _ODD.finditer(text) if not is_ideograph(m.group()))
    odd += len(_LONE_LETTER.findall(text))
    return odd, sum(1 for c in text if is_ideograph(c))


def garble_score(text: str) -> float:
    """Share of odd characters among the odd characters and ideographs of ``text``.

    Odd: ASCII symbols other than the ones prose uses (``$%()+,-./:;``), single ASCII letters
    standing alone, and every non-ASCII character that is neither an ideograph, CJK or
    full-width punctuation, nor typographic quotes and dashes.

    >>> garble_score("政务服务局严格贯彻落实区党工委的部署") == 0.0
    True
    >>> garble_score('意义 识还÷EF ÷ 明! " R仅eB') > 0.3
    True
    """
    odd, ideographs = _counts(text)
    return odd / (odd + ideographs) if odd else 0.0


def looks_garbled(text: str, *, threshold: float = 0.1, min_odd: int = 2) -> bool:
    """Whether a run of text looks like broken-font output (see :func:`garble_score`).

    At least ``min_odd`` odd characters and a score of at least ``threshold`` are needed, so
    that one stray symbol in clean prose does not count.

    >>> looks_garbled("本 Q~z 数"), looks_garbled("利用支付宝小程序、大厅 led 显示屏")
    (True, False)
    """
    odd, ideographs = _counts(text)
    return odd >= min_odd and odd / (odd + ideographs) >= threshold
