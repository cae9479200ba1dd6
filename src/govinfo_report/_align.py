"""Alignment: the cells a tokenizer found, assigned to template rows and columns.

The matcher walks a table's cells in reading order. Numbers with no text between them form a
*run*; the text before a run names its row. A run goes to the row its label matches (exact index
hit, else weighted bigrams), looking only at rows after the last one filled, since the template's
row order is fixed; when no label matches (garbled fonts, labels printed after their numbers) it
goes to the next row by position. A run longer than its row spills into the following rows; a
run shorter than its row is placed by the cells' positions (learned from the table's full rows)
or, where positions were lost, by the row-sum identity, with an ``ambiguous_alignment`` note.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import math
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import NamedTuple, TypeAlias

from attrs import frozen

from ._labels import LabelIndex, Match, RowTarget, index_for, normalize
from ._numbers import MISS, NUMBER_CACHE, NumberToken, parse_number
from ._template import Edition, template
from .tokenizers._base import CELLS, COL, LINE, START, TEXT, FastCell, FastRow

__all__ = ["AlignResult", "Note", "Placed", "align_table"]

_new = tuple.__new__


Placed: TypeAlias = tuple[str, int | Decimal | None, FastCell]
"""One number placed in a cell: ``(target path, value, source cell)``. A plain tuple (a report
places about 200): building a ``NamedTuple`` costs several times more."""


@frozen(kw_only=True)
class Note:
    """A diagnostic fact found while aligning (the parser turns it into a Diagnostic)."""

    code: str
    message: str
    lines: tuple[int, ...] = ()
    paths: tuple[str, ...] = ()
    confidence: float | None = None


@frozen(kw_only=True)
class ExtraFound:
    """A run that belongs to no template row (subtotal, merged group, added or unknown row)."""

    label: str
    kind: str
    group: str | None
    columns: tuple[str, ...]
    values: tuple[int | Decimal | None, ...]
    cells: tuple[FastCell | None, ...]
    lines: tuple[int, ...]


@frozen(kw_only=True)
class AlignResult:
    """What one table's cells became."""

    placed: tuple[Placed, ...]
    extras: tuple[ExtraFound, ...]
    notes: tuple[Note, ...]
    unassigned: tuple[FastCell, ...]


_Num: TypeAlias = tuple[FastCell, NumberToken, int]
"""A number cell of a run: ``(cell, its number, index of its token row)``. A plain tuple (a
report holds about 200): building a ``NamedTuple`` costs several times more."""


class _Run(NamedTuple):
    nums: tuple[_Num, ...]
    frags: tuple[FastCell, ...]
    label_col: float | None

    @property
    def single_row(self) -> bool:
        return len({row for _, _, row in self.nums}) == 1

    @property
    def positioned(self) -> bool:
        cols = [cell[COL] for cell, _, _ in self.nums]
        if any(c is None for c in cols):
            return False
        return self.single_row or all(
            float(a or 0) < float(b or 0) for a, b in itertools.pairwise(cols)
        )


_CELL_MEMO: dict[str, tuple[str, NumberToken | None]] = {}
"""Raw cell text -> (stripped text, its number or None), for texts of at most 64 characters
(bounded like the number memo: hostile text must not fill memory)."""


def _cell_kind(raw: str) -> tuple[str, NumberToken | None]:
    text = raw.strip()
    tok = NUMBER_CACHE.get(text, MISS)
    if tok is MISS:
        tok = parse_number(text)
    hit = (text, tok)
    if len(raw) <= 64:
        if len(_CELL_MEMO) >= 16384:
            _CELL_MEMO.clear()
        _CELL_MEMO[raw] = hit
    return hit


def _runs(rows: Sequence[FastRow]) -> list[_Run]:
    out: list[_Run] = []
    frags: list[FastCell] = []
    nums: list[_Num] = []
    label_col: float | None = None
    memo = _CELL_MEMO.get
    append = nums.append
    for ri, row in enumerate(rows):
        prev_text: str | None = None
        for cell in row[CELLS]:
            hit = memo(cell[TEXT])
            text, tok = hit if hit is not None else _cell_kind(cell[TEXT])
            if tok is not None:
                # a lone dash before any label is decoration, still a (null) number
                append((cell, tok, ri))
                continue
            if not text:
                continue
            if nums:
                out.append(_new(_Run, (tuple(nums), tuple(frags), label_col)))
                nums, frags = [], []
                append = nums.append
            if text != prev_text:  # merged cells repeated by python-docx
                frags.append(cell)
            prev_text = text
            label_col = cell[COL]
    if nums:
        out.append(_new(_Run, (tuple(nums), tuple(frags), label_col)))
    return out


@cache
def _paths_of(key: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{key}.{c}" for c in columns)


def _num_lines(nums: Sequence[_Num]) -> tuple[int, ...]:
    """The lines the number cells ``nums`` are printed on, in order."""
    return tuple(sorted({cell[LINE] for cell, _, _ in nums}))


def _lines_of(run: _Run) -> tuple[int, ...]:
    """The lines of a run's numbers and of the last two cells of its label."""
    return tuple(sorted({c[LINE] for c in run.frags[-2:]}.union(_num_lines(run.nums))))


def _match(frags: Sequence[FastCell], index: LabelIndex, start: int) -> tuple[Match | None, str]:
    """The row named by the last text cells before a run: the last cell alone, then with up to
    three cells before it joined in front (wrapped labels), the first exact row match winning
    over a group (extra-row) match; the label as read goes with it."""
    if not frags:
        return None, ""
    label = frags[-1][TEXT].strip()
    m = index.match(label, start)
    if m is not None and m.target.kind is None:
        return m, label  # the usual case: the last text cell alone names a template row
    fallback = None if m is None else (m, label)
    for c in reversed(frags[-4:-1]):
        label = c[TEXT].strip() + label
        m = index.match(label, start)
        if m is not None:
            if m.target.kind is None:
                return m, label
            fallback = fallback or (m, label)
    if fallback is not None:
        return fallback
    return None, "".join(c[TEXT].strip() for c in frags[-2:])


def _row_sum_checks(values: Sequence[int | Decimal | None], columns: Sequence[str]) -> int:
    """How many ``total`` columns equal the sum of the columns since the previous total (a row
    of several groups, as table 四 printed as one row, checks each group); -1 when one fails,
    0 when none can be checked."""
    if "total" not in columns or len(columns) < 3:
        return 0
    checked = 0
    start = 0
    for ti, col in enumerate(columns):
        if col != "total":
            continue
        tot = values[ti]
        parts = values[start:ti]
        start = ti + 1
        if tot is None or len(parts) < 2:
            continue
        if sum(v or 0 for v in parts) != tot:
            return -1
        checked += 1
    return checked


def _assign_dp(xs: Sequence[float], centers: Sequence[float]) -> tuple[list[int], float]:
    """Order-preserving assignment of positions ``xs`` to ``centers`` minimising distance."""
    k, n = len(xs), len(centers)
    if k <= n and all(a < b for a, b in itertools.pairwise(centers)):
        # every position on a centre (a grid row's own cells): the one assignment of cost 0
        at = {c: j for j, c in enumerate(centers)}
        exact = [at.get(x, -1) for x in xs]
        if -1 not in exact and all(a < b for a, b in itertools.pairwise(exact)):
            return exact, 0.0
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[-1] * (n + 1) for _ in range(k + 1)]
    for j in range(n + 1):
        cost[0][j] = 0.0
    for i in range(1, k + 1):
        for j in range(i, n + 1):
            # xs[i-1] goes to centers[j-1], or centers[j-1] stays empty
            a = cost[i - 1][j - 1] + abs(xs[i - 1] - centers[j - 1])
            b = cost[i][j - 1]
            if a <= b:
                cost[i][j], back[i][j] = a, 1
            else:
                cost[i][j], back[i][j] = b, 0
    out: list[int] = []
    i, j = k, n
    while i > 0:
        if back[i][j] == 1:
            out.append(j - 1)
            i -= 1
        j -= 1
    out.reverse()
    return out, cost[k][n]


_ANY = object()
"""Pool key for full rows of any label position."""

_Pools = dict[tuple[int, object], tuple[list["_Run"], list[int]]]
"""Full rows by (length, label position): the runs and their first row indexes."""


_SETTLE_MAX = 2500
"""Most combinations of short rows' placements enumerated per half when table 三's column
identities settle blanks (seven rows of seven options: 7**4 = 2401)."""

_HEADER_LOOKBACK = 48
"""How many text groups before a short row are searched for the header naming its columns."""


@cache
def _column_aliases(edition: Edition) -> dict[str, frozenset[str]]:
    """Normalised printed forms of every column label, by column key."""
    return {
        k: frozenset(normalize(a) for a in v) for k, v in template(edition).column_labels.items()
    }


def _header_cells(cells: Sequence[FastCell], names: Sequence[frozenset[str]]) -> list[int] | None:
    """Indexes of the cells naming each column (the k-th repeat of a name takes the k-th cell)."""
    norm = [normalize(c[TEXT]) if c[COL] is not None else "" for c in cells]
    used: set[int] = set()
    out: list[int] = []
    for want in names:
        j = next((j for j, t in enumerate(norm) if j not in used and t in want), None)
        if j is None:
            return None
        used.add(j)
        out.append(j)
    return out


@cache
def _decimal_paths(edition: Edition) -> frozenset[str]:
    return frozenset(c.path for c in template(edition).cells if c.type == "decimal")


_GLUED_NODES = 20000
"""Search cap of :func:`_split_glued` per row (nodes visited); beyond it the row is left as read.
A row tries up to three splits (longest tokens first); a table's rows share
:data:`_GLUED_TABLE_NODES` (about 0.1 s of search at most)."""
_GLUED_TABLE_NODES = 60000


def _split_glued(
    texts: Sequence[str | None],
    values: Sequence[int | Decimal | None],
    columns: Sequence[str],
    budget: list[int],
) -> list[list[str]] | None:
    """Split digit strings glued by an extraction that dropped the spaces between numbers
    (``1079224413252375``) so that ``texts`` become exactly one number per column and every
    group total equals the sum of its columns. ``None`` entries are tokens that may not be split
    (signs, decimals, blanks); ``values`` are every token's value. Returns the pieces of each
    splittable token (``[]`` for the others) when exactly one split satisfies the totals and
    at least one total is checked, else ``None`` (also when the bounded search gives up)."""
    n = len(columns)
    if "total" not in columns or not any(t is not None and len(t) > 1 for t in texts):
        return None
    found: list[list[list[str]]] = []
    # characters left from each token on: a total must fit in what remains
    left = [0] * (len(texts) + 1)
    for i in range(len(texts) - 1, -1, -1):
        t = texts[i]
        left[i] = left[i + 1] + (1 if t is None else len(t))
    pieces: list[list[str]] = [[] for _ in texts]

    n_total = [n] * (n + 1)  # the index of each column's group total (``n`` when none)
    for j in range(n - 1, -1, -1):
        n_total[j] = j if columns[j] == "total" else n_total[j + 1]

    def group_parts(j: int) -> int:
        k = j
        while k > 0 and columns[k - 1] != "total":
            k -= 1
        return j - k

    def walk(j: int, ti: int, off: int, partial: int | Decimal, checked: int) -> bool:
        budget[0] -= 1
        if budget[0] < 0 or len(found) > 1:
            return False
        if ti == len(texts):
            if j == n and checked:
                found.append([list(p) for p in pieces])
            return True
        if j == n:
            return True
        t = texts[ti]
        if t is None:  # an unsplittable token fills one column whole
            v = values[ti]
            if columns[j] != "total":
                return walk(j + 1, ti + 1, 0, partial + (v or 0), checked)
            if group_parts(j) < 2 or v is None:
                return walk(j + 1, ti + 1, 0, 0, checked)
            return walk(j + 1, ti + 1, 0, 0, checked + 1) if v == partial else True
        rest = t[off:]
        if left[ti] - off < n - j + max(0, len(str(partial)) - 1) * (j < n_total[j]):
            return True  # too few characters left for the columns and the group total
        if columns[j] == "total" and group_parts(j) >= 2:
            want = str(partial)
            if not rest.startswith(want):
                return True
            pieces[ti].append(want)
            end = off + len(want)
            ok = walk(j + 1, ti + (end == len(t)), 0 if end == len(t) else end, 0, checked + 1)
            pieces[ti].pop()
            return ok
        for size in range(1, len(rest) + 1):
            piece = rest[:size]
            if len(piece) > 1 and piece[0] == "0":
                break
            end = off + size
            nxt = (ti + 1, 0) if end == len(t) else (ti, end)
            total = columns[j] == "total"
            pieces[ti].append(piece)
            ok = walk(j + 1, *nxt, 0 if total else partial + int(piece), checked)
            pieces[ti].pop()
            if not ok:
                return False
        return True

    if not walk(0, 0, 0, 0, 0) or len(found) != 1:
        return None
    return found[0]


class _Aligner:
    def __init__(self, edition: Edition, table: str, rows: Sequence[FastRow]) -> None:
        self.edition = edition
        self.table = table
        self.rows = rows
        self.index = index_for(edition, table)
        self.targets = self.index.targets
        self.notes: list[Note] = []
        self.placed: list[Placed] = []
        self.extras: list[ExtraFound] = []
        self.unassigned: list[FastCell] = []
        self.decimal = _decimal_paths(edition)
        self._pool_src: Sequence[_Run] | None = None
        self._pool_cache: _Pools = {}
        self._groups: tuple[dict[int, int], list[int], list[tuple[FastCell, ...]]] | None = None
        self._plan: list[tuple[_Run, RowTarget | None, str, Match | None]] = []
        self._full_rows: list[_Run] | None = None
        self._last_ok: list[tuple[int, ...]] = []
        self._glue_budget = _GLUED_TABLE_NODES
        # short rows of table 三 placed by the row total alone: (paths, placed index, options,
        # note index), settled afterwards by the column identities
        self._open: list[tuple[tuple[str, ...], int, list[tuple[int, ...]], int]] = []

    # -- values ---------------------------------------------------------------------------------

    def _value(self, path: str, cell: FastCell, tok: NumberToken) -> int | Decimal | None:
        if tok.is_null:
            self.notes.append(
                Note(
                    code="null_marker",
                    message=f"{cell[TEXT].strip()!r} printed as a blank; read as null",
                    lines=(cell[LINE],),
                    paths=(path,),
                    confidence=None,
                )
            )
            return None
        v = tok.value
        if path in self.decimal:
            return Decimal(v) if isinstance(v, int) else v
        if isinstance(v, Decimal):
            if v == v.to_integral_value():
                return int(v)
            self.notes.append(
                Note(
                    code="non_integer_count",
                    message=f"count cell prints {cell[TEXT].strip()!r}; left null",
                    lines=(cell[LINE],),
                    paths=(path,),
                    confidence=None,
                )
            )
            return None
        return v

    # -- main -----------------------------------------------------------------------------------

    def run(self) -> AlignResult:
        runs = _runs(self.rows)
        if self.table == "appeals" and any(len(r.nums) >= 10 for r in runs):
            self._flat_appeals(runs)
        else:
            self._sequential(runs)
        if self._open:
            self._settle_by_columns()
        return AlignResult(
            placed=tuple(self.placed),
            extras=tuple(self.extras),
            notes=tuple(self.notes),
            unassigned=tuple(self.unassigned),
        )

    def _flat_appeals(self, runs: list[_Run]) -> None:
        rows = [t for t in self.targets if t.kind is None]
        paths = [f"{t.key}.{c}" for t in rows for c in t.columns]
        big = max(runs, key=lambda r: len(r.nums))
        for r in runs:
            if r is not big:
                self._drop(r.nums, "outside the review/litigation row")
        self.notes.append(
            Note(
                code="positional_row",
                message="review and litigation numbers read as one row of "
                f"{len(paths)} cells in template order",
                lines=_num_lines(big.nums),
                paths=tuple(paths),
                confidence=0.9 if len(big.nums) == len(paths) else 0.5,
            )
        )
        centers = self._positions(big, [c for t in rows for c in t.columns], [big])
        self._place(big, paths, centers, "review/litigation row")

    def _drop(self, nums: Sequence[_Num], why: str) -> None:
        for cell, _, _ in nums:
            self.unassigned.append(cell)
            self.notes.append(
                Note(
                    code="unassigned_number",
                    message=f"number {cell[TEXT].strip()!r} not placed: {why}",
                    lines=(cell[LINE],),
                    confidence=None,
                )
            )

    def _sequential(self, runs: list[_Run]) -> None:
        last = -1
        filled: set[str] = set()
        plan: list[tuple[_Run, RowTarget | None, str, Match | None]] = []
        queue = collections.deque(runs)
        prev_short: tuple[_Run, RowTarget, int] | None = None  # run, target, index in plan
        while queue:
            run = queue.popleft()
            match, label = _match(run.frags, self.index, last + 1)
            target: RowTarget | None = match.target if match else None
            if target is None and prev_short is not None:
                prun, ptarget, idx = prev_short
                missing = len(ptarget.columns) - len(prun.nums)
                if 0 < len(run.nums) <= missing and not prun.positioned:
                    merged = _Run(
                        nums=prun.nums + run.nums, frags=prun.frags, label_col=prun.label_col
                    )
                    plan[idx] = (merged, ptarget, plan[idx][2], plan[idx][3])
                    self.notes.append(
                        Note(
                            code="wrapped_numbers",
                            message=f"{len(run.nums)} number(s) on a later line joined to "
                            f"row {ptarget.key}",
                            lines=_num_lines(run.nums),
                            paths=(ptarget.key,),
                            confidence=0.8,
                        )
                    )
                    prev_short = (
                        None if len(merged.nums) >= len(ptarget.columns) else (merged, ptarget, idx)
                    )
                    continue
            if target is None:
                target = next((t for t in self.targets if t.order > last and t.kind is None), None)
                if target is None:
                    plan.append((run, None, label, None))
                    prev_short = None
                    continue
            n = len(target.columns)
            if len(run.nums) > n:
                first, rest = run.nums[:n], run.nums[n:]
                same = run.single_row and len({cell[TEXT].strip() for cell, _, _ in run.nums}) == 1
                if same and n == 1:
                    self._drop(rest, "repeat of a merged cell")
                    rest = ()
                run = _Run(nums=first, frags=run.frags, label_col=run.label_col)
                if rest:
                    queue.appendleft(_Run(nums=tuple(rest), frags=(), label_col=None))
            plan.append((run, target, label, match))
            last = target.order
            filled.add(target.key)
            prev_short = (run, target, len(plan) - 1) if len(run.nums) < n else None
        self._plan = plan  # the full rows are computed from it when a short row needs them
        for run, target, label, match in plan:
            if target is None:
                self._extra(run, label, "unknown", None, ())
                continue
            if match is None:
                self.notes.append(
                    Note(
                        code="positional_row",
                        message=f"label {label!r} matched no row; numbers given to the next "
                        f"row by position: {target.key}",
                        lines=_lines_of(run),
                        paths=(target.key,),
                        confidence=0.5,
                    )
                )
            elif not match.exact:
                self.notes.append(
                    Note(
                        code="fuzzy_label",
                        message=f"label {label!r} matched {target.key} approximately",
                        lines=_lines_of(run),
                        paths=(target.key,),
                        confidence=match.score,
                    )
                )
            if target.kind is not None:
                self._extra(run, label, target.kind, target.key, target.columns, None)
                continue
            columns = target.columns
            paths = _paths_of(target.key, columns)
            if len(run.nums) == len(columns):
                self._place_full(run, paths)
            else:
                centers = self._positions(run, columns, None)
                self._place(run, paths, centers, target.key)
        for t in self.targets:
            if t.kind is None and t.key not in filled:
                self.notes.append(
                    Note(
                        code="missing_row",
                        message=f"no numbers found for row {t.key}",
                        paths=tuple(f"{t.key}.{c}" for c in t.columns),
                        confidence=None,
                    )
                )

    def _positions(
        self, run: _Run, columns: Sequence[str], full: Sequence[_Run] | None
    ) -> list[float] | None:
        """Column centres for a short run: from the header naming its columns when the numbers
        sit exactly on them (grid layouts), else from full rows, else from the header."""
        if len(run.nums) >= len(columns) or not run.positioned:
            return None
        own = self._own_centers(run, len(columns))
        if own is not None:
            return own
        head = self._header_centers(run, columns)
        if head is not None and head[1] < 1e-9:
            return head[0]
        rows = self._centers_for(run, len(columns), full)
        if rows is not None:
            return rows
        return head[0] if head is not None else None

    def _own_centers(self, run: _Run, n: int) -> list[float] | None:
        """The positions of the row's own cells when, after its label, the printed row holds
        exactly ``n`` cells (numbers and empty cells): an empty cell there is the blank."""
        if not run.single_row:
            return None
        first, _, row = run.nums[0]
        cells = self.rows[row][CELLS]
        i = next((k for k, c in enumerate(cells) if c is first), None)
        if i is None:
            return None
        while i > 0 and not cells[i - 1][TEXT].strip():
            i -= 1
        tail = cells[i:]
        extra = len(tail) - n
        if extra > 0:
            # padding of a merged label (leading empty cells) or of a merged last cell (trailing)
            lead = not any(c[TEXT].strip() for c in tail[:extra])
            trail = not any(c[TEXT].strip() for c in tail[-extra:])
            if lead == trail:
                return None
            tail = tail[extra:] if lead else tail[:n]
        if len(tail) != n or any(c[COL] is None for c in tail):
            return None
        if sum(1 for c in tail if c[TEXT].strip()) != len(run.nums):
            return None  # text after the numbers: not a plain row of cells
        cols = [float(c[COL] or 0.0) for c in tail]
        if any(b <= a for a, b in itertools.pairwise(cols)):
            return None
        return cols

    def _text_groups(self) -> tuple[dict[int, int], list[int], list[tuple[FastCell, ...]]]:
        """Reading position of each number cell (by id), and the text cells between numbers
        (a header is one such group) with the position where each group ends."""
        if self._groups is None:
            pos: dict[int, int] = {}
            ends: list[int] = []
            groups: list[tuple[FastCell, ...]] = []
            cur: list[FastCell] = []
            i = 0
            for row in self.rows:
                for cell in row[CELLS]:
                    text = cell[TEXT].strip()
                    if not text:
                        continue
                    i += 1
                    if parse_number(text) is None:
                        cur.append(cell)
                        continue
                    if cur:
                        ends.append(i)
                        groups.append(tuple(cur))
                        cur = []
                    pos[id(cell)] = i
            self._groups = (pos, ends, groups)
        return self._groups

    def _header_centers(
        self, run: _Run, columns: Sequence[str]
    ) -> tuple[list[float], float] | None:
        """Centres of ``columns`` in the nearest header before ``run`` naming them all, in
        increasing order, with the cost of placing the run's numbers on them. Positions are
        absolute (grid column, display column) or, for layouts whose column index restarts at
        each label (pipe), relative to the label cell; the cheaper reading is taken."""
        pos, ends, groups = self._text_groups()
        at = pos.get(id(run.nums[0][0]))  # the run's first number cell
        if at is None:
            return None
        aliases = _column_aliases(self.edition)
        names = [aliases.get(c, frozenset()) for c in columns]
        xs = [float(cell[COL] or 0.0) for cell, _, _ in run.nums]
        k = bisect.bisect_right(ends, at)  # the group naming the run ends at its first number
        for g in range(k - 1, max(-1, k - 1 - _HEADER_LOOKBACK), -1):
            cells = groups[g]
            idx = _header_cells(cells, names)
            if idx is None:
                continue
            heads = [float(cells[j][COL] or 0.0) for j in idx]
            if any(b <= a for a, b in itertools.pairwise(heads)):
                return None  # header cells on several printed rows: no usable positions
            best = (heads, _assign_dp(xs, heads)[1])
            first = min(idx)
            base = cells[first - 1][COL] if first > 0 else None
            if base is not None and run.label_col is not None:
                shifted = [h - base + run.label_col for h in heads]
                cost = _assign_dp(xs, shifted)[1]
                if cost < best[1]:
                    best = (shifted, cost)
            return best
        return None

    def _centers_for(self, run: _Run, n: int, full: Sequence[_Run] | None) -> list[float] | None:
        if len(run.nums) >= n or not run.positioned:
            return None
        pools = self._pools(full)
        pool = pools.get((n, run.label_col)) if run.label_col is not None else None
        if pool is None:
            pool = pools.get((n, _ANY))
            if pool is None:
                return None
        runs, rows = pool
        _, _, row = run.nums[0]
        # the nearest full rows before and after (the pool is in reading order)
        i = bisect.bisect_left(rows, row)
        j = bisect.bisect_right(rows, row)
        refs = ([runs[i - 1]] if i > 0 else []) + ([runs[j]] if j < len(runs) else [])
        if not refs:
            return None
        centers = [[float(cell[COL] or 0.0) for cell, _, _ in f.nums] for f in refs]
        if len(centers) == 2 and centers[0] != centers[1]:
            # the neighbours disagree (rows of different shapes): the one the run fits better
            xs = [float(cell[COL] or 0.0) for cell, _, _ in run.nums]
            costs = [_assign_dp(xs, c)[1] for c in centers]
            if costs[0] != costs[1]:
                return centers[0] if costs[0] < costs[1] else centers[1]
        return [sum(c[j] for c in centers) / len(centers) for j in range(n)]

    def _full(self) -> list[_Run]:
        """The plan's runs that fill their row with numbers in increasing positions."""
        if self._full_rows is None:
            self._full_rows = [
                p[0]
                for p in self._plan
                if p[1] is not None and len(p[0].nums) == len(p[1].columns) and p[0].positioned
            ]
        return self._full_rows

    def _pools(self, full: Sequence[_Run] | None) -> _Pools:
        """Full rows by (length, label position) and by length alone, with their first rows
        (``full`` None: the plan's full rows)."""
        if full is None:
            full = self._full()
        if self._pool_src is not full:
            pools: _Pools = {}
            for f in full:
                for k in ((len(f.nums), f.label_col), (len(f.nums), _ANY)):
                    if k[1] is None:
                        continue
                    runs, rows = pools.setdefault(k, ([], []))
                    runs.append(f)
                    _, _, first_row = f.nums[0]
                    rows.append(first_row)
            self._pool_cache, self._pool_src = pools, full
        return self._pool_cache

    def _slots(
        self, run: _Run, paths: Sequence[str], centers: list[float] | None, what: str
    ) -> list[int]:
        k, n = len(run.nums), len(paths)
        lines = _num_lines(run.nums)
        if centers is not None:
            xs = [float(cell[COL] or 0.0) for cell, _, _ in run.nums]
            slots, cost = _assign_dp(xs, centers)
            spread = (max(centers) - min(centers)) / max(1, n - 1) if n > 1 else 1.0
            conf = max(0.0, 1.0 - cost / max(1e-9, spread * k)) if spread else 0.5
            empties = [paths[j] for j in range(n) if j not in slots]
            self.notes.append(
                Note(
                    code="short_row",
                    message=f"{what}: {k} numbers for {n} columns; placed by position, "
                    f"blank: {', '.join(p.rpartition('.')[2] for p in empties)}",
                    lines=lines,
                    paths=tuple(empties),
                    confidence=round(conf, 3),
                )
            )
            return slots
        values = [tok.value for _, tok, _ in run.nums]
        options: list[tuple[int, ...]] = []
        ok: list[tuple[int, ...]] = []
        best = 0
        columns = [p.rpartition(".")[2] for p in paths]
        for combo in itertools.combinations(range(n), k):
            full_vals: list[int | Decimal | None] = [None] * n
            for v, j in zip(values, combo, strict=True):
                full_vals[j] = v
            options.append(combo)
            checks = _row_sum_checks(full_vals, columns)
            if checks > 0:
                ok.append(combo)
                if checks > best:  # prefer placements leaving more group totals checkable
                    best, ok[0], ok[-1] = checks, combo, ok[0]
            if len(options) > 200:
                break
        pick = ok[0] if ok else tuple(range(k))
        self._last_ok = ok
        self.notes.append(
            Note(
                code="ambiguous_alignment",
                message=f"{what}: {k} numbers for {n} columns and their positions are "
                f"lost; {len(ok)} of {len(options)} placements satisfy the row total; chose blank "
                f"{', '.join(columns[j] for j in range(n) if j not in pick)}",
                lines=lines,
                paths=tuple(paths),
                confidence=round(1.0 / max(1, len(ok) or len(options)), 3),
            )
        )
        return list(pick)

    def _settle_by_columns(self) -> None:
        """Re-place table 三's short rows whose blank the row total could not locate so that the
        column identities hold: in each column the result rows sum to 办理结果总计, and
        新收 + 上年结转 = 总计 + 结转下年度 (blanks count as zero). Exact, by meet in the middle
        over the rows' options; among solutions the one changing fewest rows, and no change when
        none exists (a report that does not add up) or there are too many rows."""
        keys = [t.key for t in self.targets if t.kind is None]
        summary = {k.rpartition(".")[2]: k for k in keys}
        need = ("new_received", "carried_over", "total_handled", "carried_forward")
        if not all(n in summary for n in need):
            return
        results = [k for k in keys if k.rpartition(".")[2] not in need]
        # each identity, per column, as coefficients of rows: sum(coef * cell) == 0
        coef: list[dict[str, int]] = [
            {**dict.fromkeys(results, 1), summary["total_handled"]: -1},
            {
                summary["new_received"]: 1,
                summary["carried_over"]: 1,
                summary["total_handled"]: -1,
                summary["carried_forward"]: -1,
            },
        ]
        columns = [p.rpartition(".")[2] for p in self._open[0][0]]
        open_paths = {p for row in self._open for p in row[0]}
        fixed = [0] * (len(coef) * len(columns))
        for path, value, _ in self.placed:
            if path in open_paths or not isinstance(value, int):
                continue
            row, _, col = path.rpartition(".")
            if col in columns:
                for e, co in enumerate(coef):
                    fixed[e * len(columns) + columns.index(col)] += co.get(row, 0) * value

        def vector(i: int, combo: tuple[int, ...]) -> tuple[int, ...]:
            paths, start, _, _ = self._open[i]
            out = [0] * len(fixed)
            for k, j in enumerate(combo):
                v = self.placed[start + k][1]
                row, _, col = paths[j].rpartition(".")
                if isinstance(v, int) and col in columns:
                    for e, co in enumerate(coef):
                        out[e * len(columns) + columns.index(col)] += co.get(row, 0) * v
            return tuple(out)

        def sums(rows: range) -> dict[tuple[int, ...], tuple[int, ...]]:
            """Vector sum -> the choice (option index per row) reaching it with fewest changes."""
            acc: dict[tuple[int, ...], tuple[int, ...]] = {(0,) * len(fixed): ()}
            for i in rows:
                vecs = [vector(i, c) for c in self._open[i][2]]
                nxt: dict[tuple[int, ...], tuple[int, ...]] = {}
                for key, ch in acc.items():
                    for o, vec in enumerate(vecs):
                        k2 = tuple(a + b for a, b in zip(key, vec, strict=True))
                        c2 = (*ch, o)
                        old = nxt.get(k2)
                        if old is None or sum(map(bool, c2)) < sum(map(bool, old)):
                            nxt[k2] = c2
                acc = nxt
            return acc

        n_open = len(self._open)
        half = n_open // 2
        sizes = [len(r[2]) for r in self._open]
        if math.prod(sizes[:half]) > _SETTLE_MAX or math.prod(sizes[half:]) > _SETTLE_MAX:
            return  # too many combinations: keep the row totals' choice
        left, right = sums(range(half)), sums(range(half, n_open))
        found: tuple[int, ...] | None = None
        for key, ch in right.items():
            want = tuple(-f - k for f, k in zip(fixed, key, strict=True))
            lch = left.get(want)
            if lch is not None:
                cand = (*lch, *ch)
                if found is None or sum(map(bool, cand)) < sum(map(bool, found)):
                    found = cand
        if found is None:
            return
        choice = [self._open[i][2][o] for i, o in enumerate(found)]
        for i, (paths, start, opts, note_at) in enumerate(self._open):
            if choice[i] == opts[0]:
                continue
            for k, j in enumerate(choice[i]):
                _, value, cell = self.placed[start + k]
                self.placed[start + k] = (paths[j], value, cell)
            note = self.notes[note_at]
            blank = ", ".join(
                p.rpartition(".")[2] for j, p in enumerate(paths) if j not in choice[i]
            )
            self.notes[note_at] = Note(
                code=note.code,
                message=f"{note.message.rpartition('; chose')[0]}; the column identities "
                f"chose blank {blank}",
                lines=note.lines,
                paths=note.paths,
                confidence=note.confidence,
            )

    def _place_full(self, run: _Run, paths: Sequence[str]) -> None:
        """:meth:`_place` of a run with one number per column."""
        decimal = self.decimal
        append = self.placed.append
        for (cell, tok, _), path in zip(run.nums, paths, strict=True):
            v = tok.value
            if type(v) is int and path not in decimal:
                append((path, v, cell))
            else:
                append((path, self._value(path, cell, tok), cell))

    def _place(
        self, run: _Run, paths: Sequence[str], centers: list[float] | None, what: str
    ) -> None:
        if len(run.nums) == len(paths):
            slots = list(range(len(paths)))
        elif len(run.nums) < len(paths) and (split := self._unglue(run, paths, what)):
            run = split
            slots = list(range(len(paths)))
        elif len(run.nums) < len(paths):
            self._last_ok = []
            slots = self._slots(run, paths, centers, what)
            if centers is None and len(self._last_ok) > 1 and self.table == "applications":
                self._open.append(
                    (tuple(paths), len(self.placed), self._last_ok, len(self.notes) - 1)
                )
        else:
            self._drop(run.nums[len(paths) :], f"more numbers than columns in {what}")
            slots = list(range(len(paths)))
        for (cell, tok, _), j in zip(run.nums, slots, strict=False):
            path = paths[j]
            self.placed.append((path, self._value(path, cell, tok), cell))

    def _unglue(self, run: _Run, paths: Sequence[str], what: str) -> _Run | None:
        """``run`` with digit strings glued by the extraction split apart (see
        :func:`_split_glued`), when no placement of the numbers as read satisfies the row
        total and exactly one split does; else ``None``."""
        columns = [p.rpartition(".")[2] for p in paths]
        k, n = len(run.nums), len(paths)
        if "total" not in columns or n - k > 8:
            return None
        texts: list[str | None] = []
        for cell, tok, _ in run.nums:
            t = cell[TEXT].strip()
            plain = type(tok.value) is int and t.isascii() and t.isdigit()
            texts.append(t if plain and len(t) > 1 else None)
        if all(t is None for t in texts):
            return None
        values = [tok.value for _, tok, _ in run.nums]
        for combo in itertools.islice(itertools.combinations(range(n), k), 500):
            full_vals: list[int | Decimal | None] = [None] * n
            for v, j in zip(values, combo, strict=True):
                full_vals[j] = v
            if _row_sum_checks(full_vals, columns) > 0:
                return None  # the numbers as read fit: a blank, not glued digits
        # the longest tokens are the likeliest glued: split them alone first, then shorter ones
        # (at most three attempts, each with its own budget, all within the table's)
        split = None
        for least in sorted({len(t) for t in texts if t is not None}, reverse=True)[:3]:
            some = [t if t is not None and len(t) >= least else None for t in texts]
            budget = [min(_GLUED_NODES, self._glue_budget)]
            split = _split_glued(some, values, columns, budget)
            self._glue_budget -= min(_GLUED_NODES, self._glue_budget) - max(0, budget[0])
            if split is not None or self._glue_budget <= 0:
                break
        if split is None:
            return None
        nums: list[_Num] = []
        glued: list[str] = []
        for num, parts in zip(run.nums, split, strict=True):
            if not parts:
                nums.append(num)
                continue
            cell, _, row = num
            lead = len(cell[TEXT]) - len(cell[TEXT].lstrip())
            off = 0
            if len(parts) > 1:
                glued.append(cell[TEXT].strip())
            for piece in parts:
                start = cell[START] + lead + off
                col = None if cell[COL] is None else float(cell[COL]) + off
                piece_cell = (piece, cell[LINE], start, start + len(piece), col, 1)
                tok = NumberToken(value=int(piece))
                nums.append((piece_cell, tok, row))
                off += len(piece)
        self.notes.append(
            Note(
                code="glued_numbers",
                message=f"{what}: {k} numbers for {n} columns; split "
                f"{', '.join(repr(g) for g in glued)} into separate numbers, the only split "
                "of the longest tokens that satisfies the row total",
                lines=_num_lines(run.nums),
                paths=tuple(paths),
                confidence=0.9,
            )
        )
        return _Run(nums=tuple(nums), frags=run.frags, label_col=run.label_col)

    def _extra(
        self,
        run: _Run,
        label: str,
        kind: str,
        group: str | None,
        columns: Sequence[str],
        full: Sequence[_Run] | None = (),
    ) -> None:
        cols = tuple(columns)
        if cols and len(run.nums) <= len(cols):
            paths = [f"{group}.{c}" for c in cols]
            centers = self._centers_for(run, len(cols), full)
            slots = (
                self._slots(run, paths, centers, f"extra row {label!r}")
                if len(run.nums) < len(cols)
                else list(range(len(cols)))
            )
            values: list[int | Decimal | None] = [None] * len(cols)
            cells: list[FastCell | None] = [None] * len(cols)
            for (cell, tok, _), j in zip(run.nums, slots, strict=False):
                values[j] = tok.value
                cells[j] = cell
        else:
            cols = ()
            values = [tok.value for _, tok, _ in run.nums]
            cells = [cell for cell, _, _ in run.nums]
        lines = _lines_of(run)
        self.extras.append(
            ExtraFound(
                label=label,
                kind=kind,
                group=group,
                columns=cols,
                values=tuple(values),
                cells=tuple(cells),
                lines=lines,
            )
        )
        self.notes.append(
            Note(
                code="extra_row",
                message=f"row {label!r} is not in the template; kept as a {kind} extra row",
                lines=lines,
                confidence=None,
            )
        )


def align_table(edition: Edition, table: str, rows: Sequence[FastRow]) -> AlignResult:
    """Assign the numbers of one table's token rows to template paths (see module docstring)."""
    return _Aligner(edition, table, rows).run()
