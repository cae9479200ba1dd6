"""Broken-font repair: learn a glyph substitution from known labels and undo it elsewhere.

When a PDF's font maps glyphs to wrong code points, the extracted text is a consistent
substitution (``= 许可`` for ``行政许可``) while numbers survive. Given (garbled, known) pairs,
which a parser has from the positions of the template's labels, :func:`learn_glyph_map` aligns
them character by character, counts votes and keeps the evidence-backed mappings;
:meth:`GlyphMap.apply` undoes the substitution in the rest of the document and marks with U+FFFD
every garbled character it cannot restore.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections import defaultdict
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
        fixes: list[Fix] = []
        # every output character stands for the input character at the same offset
        out_chars = list(text)
        protected = _protected(text)
        if only_garbled:
            protected = [p or s for p, s in zip(protected, _clean_lines(text), strict=True)]
        after_space: dict[str, tuple[str, str]] = {}  # _from_context for spaces, by left
        for index in itertools.compress(range(len(text)), map(operator.not_, protected)):
            char = text[index]
            left = out_chars[index - 1] if index else ""
            if char == " ":
                context = after_space.get(left)
                if context is None:
                    context = after_space[left] = self._from_context([(" ", left)], 2)
                found, evidence = context
                if found:
                    out_chars[index] = found
                    reason = f"a space after {left!r} stood for {found!r} ({evidence})"
                    fixes.append(_fix("glyph_space", index, char, found, reason, 0.5))
            elif char.isspace():
                pass
            elif char in self.mapping:
                out = out_chars[index] = self.mapping[char]
                if out != char:
                    reason = f"learned glyph map: {char!r} -> {out!r} ({self.votes[char]} votes)"
                    fixes.append(_fix("glyph_map", index, char, out, reason, 1.0))
            elif _kept_as_is(char):
                pass
            else:
                after = _NON_SPACE.search(text, index + 1)
                right = "" if after is None else after.group()
                found, evidence = self._from_context([(char, ">" + right), (char, "<" + left)], 1)
                conflict = ambiguous.get(char)
                out = out_chars[index] = found or UNKNOWN
                if found:
                    reason = f"ambiguous glyph resolved by {evidence}"
                    fixes.append(_fix("glyph_context", index, char, out, reason, 0.5))
                elif conflict is not None:
                    shown = ", ".join(f"{o!r} x{n}" for o, n in conflict.originals)
                    reason = f"glyph seen for several originals: {shown}"
                    fixes.append(_fix("glyph_ambiguous", index, char, out, reason))
                else:
                    reason = "garbled glyph with no learned mapping"
                    fixes.append(_fix("glyph_unknown", index, char, out, reason))
        return Repaired(text="".join(out_chars), fixes=tuple(fixes))


def _fix(name: str, index: int, char: str, out: str, reason: str, score: float = 0.0) -> Fix:
    """A one-character change at ``index``, in the input and the output alike."""
    return Fix(
        name=name,
        source_span=(index, index + 1),
        target_span=(index, index + len(out)),
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


# str.isspace() is false of exactly the characters \S matches
_NON_SPACE = re.compile(r"\S")


@functools.lru_cache(maxsize=65536)
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


def _protected(text: str) -> list[bool]:
    """Per character of ``text``: whether it is kept as it is (a tab, a line break, or part of
    a protected token: a cell that is a number, an item number at the start of a cell)."""
    flags: list[bool] = []
    for cell in _CELLS.split(text):
        if cell in ("\t", "\n"):
            flags.append(True)
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
        flags += [True] * protected_end
        flags += [False] * (len(cell) - protected_end)
    return flags


_CELLS = re.compile(r"(\t|\n)")


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
    """Minimum-cost alignment of a garbled string with its known original.

    A dynamic programme over (garbled prefix, known prefix). On equal costs a diagonal step is
    preferred to dropping a garbled character, and that to losing an original one.
    """
    m, n = len(garbled), len(known)
    # cost[i][j], built row by row; move: 1 diagonal, 2 drop garbled, 3 lost original
    row = [0.0] * (n + 1)
    for j in range(1, n + 1):
        row[j] = row[j - 1] + _LOST
    moves = [[0] + [3] * n]
    for i in range(1, m + 1):
        g = garbled[i - 1]
        drop = _DROP_SPACE if g == " " else _DROP_GARBLED
        if is_ideograph(g):
            other = _SUBSTITUTE_IDEOGRAPH
            guess = None
        else:
            guess = best.get(g)
            if g == " ":
                guess = None
            other = _SUBSTITUTE if guess is None else _SUBSTITUTE_CONTRADICTED
        diagonal = row[0]  # cost[i - 1][j - 1]
        value = diagonal + drop  # cost[i][j - 1]
        new_row = [value]
        move = [2]
        for k, above in zip(known, row[1:], strict=True):  # above: cost[i - 1][j]
            lost = value + _LOST
            if g == k:
                value = diagonal + _MATCH
            elif k == guess:
                value = diagonal + _SUBSTITUTE_KNOWN
            else:
                value = diagonal + other
            step = 1
            dropped = above + drop
            if dropped < value:
                value, step = dropped, 2
            if lost < value:
                value, step = lost, 3
            new_row.append(value)
            move.append(step)
            diagonal = above
        row = new_row
        moves.append(move)
    pairs: list[tuple[str | None, str | None]] = []
    i, j = m, n
    while i or j:
        step = moves[i][j]
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


_Votes = dict[str, dict[str, int]]
_ContextVotes = dict[tuple[str, str], dict[str, int]]


_Alignment = list[tuple[str | None, str | None]]


def _count(
    pairs: list[tuple[str, str]],
    best: Mapping[str, str],
    cache: dict[tuple[str, str, tuple[str | None, ...]], _Alignment] | None = None,
    *,
    with_contexts: bool = True,
) -> tuple[_Votes, dict[str, int], _ContextVotes]:
    """Votes, originals that became a space, and (``with_contexts``) votes by context."""
    votes: _Votes = defaultdict(dict)
    spaces: dict[str, int] = {}
    contexts: _ContextVotes = defaultdict(dict)
    if cache is None:
        cache = {}
    for garbled, known in pairs:
        # an alignment depends on the pair and on the votes of the garbled characters only
        key = (garbled, known, tuple(map(best.get, garbled)))
        aligned = cache.get(key)
        if aligned is None:
            aligned = cache[key] = _align(garbled, known, best)
        # per position, the next garbled character after it that is not a space
        rights = [""] * len(aligned)
        following = ""
        for position in range(len(aligned) - 1, -1, -1):
            rights[position] = following
            after = aligned[position][0]
            if after and after != " ":
                following = after
        left = ""  # the last original character
        for position, (g, k) in enumerate(aligned):
            if g == " ":
                original = k if k is not None and k != " " else ""  # "": stood for nothing
                if with_contexts:
                    _add(contexts[(" ", left)], original)
                if original:
                    _add(spaces, original)
            elif g is not None and k is not None and k != " " and (g == k or not is_ideograph(g)):
                _add(votes[g], k)
                if with_contexts:
                    _add(contexts[(g, ">" + rights[position])], k)
                    _add(contexts[(g, "<" + left)], k)
            if k is not None:
                left = k
    return votes, spaces, contexts


def _add(counter: dict[str, int], key: str) -> None:
    counter[key] = counter.get(key, 0) + 1


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
    spaces: dict[str, int] = {}
    contexts: _ContextVotes = {}
    alignments: dict[tuple[str, str, tuple[str | None, ...]], _Alignment] = {}
    for round_ in range(_ROUNDS):
        # only the last round's votes by context are kept
        votes, spaces, contexts = _count(
            cleaned, best, alignments, with_contexts=round_ == _ROUNDS - 1
        )
        # the first of the most voted originals, as Counter.most_common(1) picks it
        best = {g: max(c.items(), key=operator.itemgetter(1))[0] for g, c in votes.items()}
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


_LONE_LETTER = re.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])")


_HEADING_MARK = re.compile(r"^#+[ \t]", re.MULTILINE)


# The ideographs of is_ideograph(), as a character class.
_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_IDEOGRAPH = re.compile(f"[{_IDEOGRAPHS}]")
# Characters that a clean Chinese report rarely has next to ideographs (one per match): ASCII
# symbols prose does not use, and what is neither ASCII, CJK or full-width punctuation,
# typographic quotes and dashes, whitespace nor an ideograph.
_ODD_NOT_IDEOGRAPH = re.compile(
    r"[!-#&-'*<-@\[-`{-~]|[^\x00-\x7f\u3000-\u303f\uff00-\uffef“”‘’—…·\s" + _IDEOGRAPHS + "]"
)


def _counts(text: str) -> tuple[int, int]:
    """(odd characters, ideographs) of ``text``; Markdown heading marks do not count."""
    text = _HEADING_MARK.sub("", text)
    odd = len(_ODD_NOT_IDEOGRAPH.findall(text))
    odd += len(_LONE_LETTER.findall(text))
    return odd, len(_IDEOGRAPH.findall(text))


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
