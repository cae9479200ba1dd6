"""Label normalisation and matching: printed row labels to template rows.

A label is normalised (:func:`normalize`) by folding widths (NFKC), mapping a few traditional
characters and known typos, dropping numbering prefixes (``一、`` ``（一）`` ``1.`` ``1、``), and
removing spaces, line breaks, quotes and punctuation. Matching first looks the normalised text up
in an index of every official label and alias (exact), then scores character bigrams weighted by
how rare they are among the table's labels (fuzzy), so wrapped, truncated or slightly misspelled
labels still find their row.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from attrs import frozen

from ._template import Edition, template

__all__ = ["LabelIndex", "Match", "RowTarget", "index_for", "normalize"]

_TRAD = str.maketrans(
    "總計結轉繼續辦處開請數讓於機關門規範許決當證書與確認類護屬執務資訊報複議訟審維糾費額",
    "总计结转继续办处开请数让于机关门规范许决当证书与确认类护属执务资讯报复议讼审维纠费额",
)
_TYPOS = (("总记", "总计"), ("合计", "总计"), ("总数", "总计"))
_PREFIX = re.compile(
    r"(?:第?[一二三四五六七八九十]{1,3}[、.,]|[(\[]?[一二三四五六七八九十]{1,3}[)\]]|"
    r"[(]?[0-9]{1,2}[)]|[0-9]{1,2}[.、,](?![0-9]))"
)
_KEEP = re.compile(r"[^0-9a-zA-Z\u3400-\u9fff]+")


def normalize(text: str) -> str:
    """The comparable form of a label.

    >>> normalize("（三）不予公开")
    '不予公开'
    >>> normalize("3. 危及“三安全一稳定”")
    '危及三安全一稳定'
    >>> normalize("(七) 总记")
    '总计'
    """
    if len(text) <= 200:  # labels repeat across reports; long texts are never cached
        return _normalize_cached(text)
    return _normalize(text)


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_TRAD)
    s = "".join(s.split())
    for _ in range(3):
        m = _PREFIX.match(s)
        if m is None or m.end() == len(s):
            break
        s = s[m.end() :]
    s = _KEEP.sub("", s)
    for bad, good in _TYPOS:
        if bad in s:
            s = s.replace(bad, good)
    return s


_normalize_cached = lru_cache(maxsize=16384)(_normalize)


def _bigrams(s: str) -> frozenset[str]:
    if len(s) < 2:
        return frozenset({s}) if s else frozenset()
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


@frozen(kw_only=True)
class RowTarget:
    """A row a label may stand for: a template row, or a known extra row (``kind`` not None)."""

    key: str
    order: int
    """Position in the table, for the sequential matcher."""
    columns: tuple[str, ...]
    labels: tuple[str, ...]
    """Normalised official label and aliases."""
    kind: str | None = None
    """``None`` for a template row; else an :class:`~govinfo_report.ExtraRowKind` value."""


@frozen(kw_only=True)
class Match:
    """A label matched to a target with its score in ``[0, 1]``; ``exact`` for an index hit."""

    target: RowTarget
    score: float
    exact: bool


_EXTRA: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = {
    # table: (before-row key, pseudo key, kind, labels)
    "active": (("active.licensing", "active.other_documents", "added", ("其他主动公开文件",)),),
    "applications": (
        ("applications.withheld.state_secret", "applications.withheld", "subtotal", ("不予公开",)),
        (
            "applications.unavailable.not_held",
            "applications.unavailable",
            "subtotal",
            ("无法提供",),
        ),
        (
            "applications.not_processed.petition",
            "applications.not_processed",
            "subtotal",
            ("不予处理",),
        ),
        (
            "applications.other_handling.overdue_correction",
            "applications.other_handling",
            "merged",
            ("其他处理",),
        ),
    ),
}


class LabelIndex:
    """The rows of one table of one edition, with an exact index and a bigram scorer."""

    def __init__(self, edition: Edition, table: str) -> None:
        tpl = template(edition)
        rows = [r for r in tpl.rows if r.table == table]
        keys = {r.key for r in rows}
        targets: list[RowTarget] = []
        extras = {before: (k, kind, labels) for before, k, kind, labels in _EXTRA.get(table, ())}
        for r in rows:
            if r.key in extras and extras[r.key][0] not in keys:
                k, kind, labels = extras[r.key]
                norm = tuple(dict.fromkeys(normalize(x) for x in labels))
                # an added row has the shape of the row before it; a group that of its children
                shape = rows[max(0, rows.index(r) - 1)] if kind == "added" else r
                targets.append(
                    RowTarget(key=k, order=0, columns=shape.columns, labels=norm, kind=kind)
                )
            norm = tuple(dict.fromkeys(n for n in map(normalize, (r.label, *r.aliases)) if n))
            targets.append(RowTarget(key=r.key, order=0, columns=r.columns, labels=norm))
        self.targets: tuple[RowTarget, ...] = tuple(
            RowTarget(key=t.key, order=i, columns=t.columns, labels=t.labels, kind=t.kind)
            for i, t in enumerate(targets)
        )
        self.exact: dict[str, RowTarget] = {}
        for t in self.targets:
            for lab in t.labels:
                self.exact.setdefault(lab, t)
        df: dict[str, int] = {}
        # bigrams in sorted order: float sums must not depend on set order (hash seed)
        self._grams: list[list[tuple[str, ...]]] = []
        for t in self.targets:
            gs = [tuple(sorted(_bigrams(lab))) for lab in t.labels]
            self._grams.append(gs)
            for g in sorted(frozenset().union(*gs)):
                df[g] = df.get(g, 0) + 1
        self._weight = {g: 1.0 / n for g, n in df.items()}
        self._totals = [[sum(self._weight[g] for g in gs) for gs in tgs] for tgs in self._grams]
        self._exact_match = {t.key: Match(target=t, score=1.0, exact=True) for t in self.targets}
        self._fuzzy: dict[tuple[str, int], Match | None] = {}

    def match(self, text: str, start: int = 0) -> Match | None:
        """The best target at or after position ``start`` for a raw label text, or ``None``."""
        norm = normalize(text)
        if not norm:
            return None
        hit = self.exact.get(norm)
        if hit is not None and hit.order >= start:
            return self._exact_match[hit.key]
        if len(norm) > 200:
            return self._score(norm, start)
        key = (norm, start)
        try:
            return self._fuzzy[key]
        except KeyError:
            pass
        found = self._score(norm, start)
        if len(self._fuzzy) >= 8192:  # bounded: labels repeat across reports, garbage does not
            self._fuzzy.clear()
        self._fuzzy[key] = found
        return found

    def _score(self, norm: str, start: int) -> Match | None:
        grams = _bigrams(norm)
        best: tuple[float, float, int] | None = None
        best_t: RowTarget | None = None
        for t in self.targets[start:]:
            for lab, gs, total in zip(
                t.labels, self._grams[t.order], self._totals[t.order], strict=True
            ):
                if total <= 0:
                    continue
                got = sum(self._weight[g] for g in gs if g in grams)
                frac = got / total
                if t.kind is not None and lab not in norm:
                    continue  # a group label stands for an extra row only when printed whole
                if len(gs) <= 2:
                    # short labels (规章, 其他, 总计) must end the text, not just occur in it
                    if not norm.endswith(lab):
                        continue
                    frac = 1.0
                if frac < 0.62:
                    continue
                # prefer more matched evidence, then the higher fraction, then the earlier row
                key = (got + (0.5 if lab in norm else 0.0), frac, -t.order)
                if best is None or key > best:
                    best, best_t = key, t
        if best is None or best_t is None:
            return None
        return Match(target=best_t, score=round(min(1.0, best[1]), 3), exact=False)


@cache
def index_for(edition: Edition, table: str) -> LabelIndex:
    """The (cached) label index of one table of one edition."""
    return LabelIndex(edition, table)


def similarity(a: str, b: str) -> float:
    """Bigram Dice similarity of two normalised strings (for diagnostics)."""
    ga, gb = _bigrams(a), _bigrams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))
