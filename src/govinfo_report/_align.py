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

import itertools
from functools import cache
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from attrs import frozen

from ._labels import Match, RowTarget, index_for
from ._numbers import NumberToken, parse_number
from ._template import Edition, template
from .tokenizers._base import Cell, TokenRow

__all__ = ["AlignResult", "Note", "Placed", "align_table"]


class Placed(NamedTuple):
    """One number placed in a cell: the target path (or extra-row slot) and its source cell."""

    path: str
    value: int | Decimal | None
    cell: Cell


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
    cells: tuple[Cell | None, ...]
    lines: tuple[int, ...]


@frozen(kw_only=True)
class AlignResult:
    """What one table's cells became."""

    placed: tuple[Placed, ...]
    extras: tuple[ExtraFound, ...]
    notes: tuple[Note, ...]
    unassigned: tuple[Cell, ...]


class _Num(NamedTuple):
    cell: Cell
    tok: NumberToken
    row: int


@frozen(kw_only=True)
class _Run:
    nums: tuple[_Num, ...]
    frags: tuple[Cell, ...]
    label_col: float | None

    @property
    def single_row(self) -> bool:
        return len({n.row for n in self.nums}) == 1

    @property
    def positioned(self) -> bool:
        cols = [n.cell.col for n in self.nums]
        if any(c is None for c in cols):
            return False
        return self.single_row or all(
            float(a or 0) < float(b or 0) for a, b in itertools.pairwise(cols)
        )


def _runs(rows: Sequence[TokenRow]) -> list[_Run]:
    out: list[_Run] = []
    frags: list[Cell] = []
    nums: list[_Num] = []
    label_col: float | None = None
    for ri, row in enumerate(rows):
        prev_text: str | None = None
        for cell in row.cells:
            text = cell.text.strip()
            if not text:
                continue
            tok = parse_number(text)
            if tok is None:
                if nums:
                    out.append(_Run(nums=tuple(nums), frags=tuple(frags), label_col=label_col))
                    nums, frags = [], []
                if text != prev_text:  # merged cells repeated by python-docx
                    frags.append(cell)
                prev_text = text
                label_col = cell.col
            else:
                if tok.is_null and not nums and not frags:
                    # a lone dash before any label is decoration, still a (null) number
                    pass
                nums.append(_Num(cell=cell, tok=tok, row=ri))
    if nums:
        out.append(_Run(nums=tuple(nums), frags=tuple(frags), label_col=label_col))
    return out


def _match(
    frags: Sequence[Cell], edition: Edition, table: str, start: int
) -> tuple[Match | None, str]:
    index = index_for(edition, table)
    fallback: tuple[Match, str] | None = None
    for k in range(1, min(4, len(frags)) + 1):
        label = "".join(c.text.strip() for c in frags[-k:])
        m = index.match(label, start)
        if m is not None:
            if m.target.kind is None:
                return m, label
            fallback = fallback or (m, label)
    if fallback is not None:
        return fallback
    return None, "".join(c.text.strip() for c in frags[-2:])


def _row_sum_ok(values: Sequence[int | Decimal | None], columns: Sequence[str]) -> bool | None:
    if "total" not in columns or len(columns) < 3:
        return None
    ti = columns.index("total")
    parts = [v or 0 for i, v in enumerate(values) if i != ti]
    tot = values[ti]
    if tot is None:
        return None
    return sum(parts) == tot


def _assign_dp(xs: Sequence[float], centers: Sequence[float]) -> tuple[list[int], float]:
    """Order-preserving assignment of positions ``xs`` to ``centers`` minimising distance."""
    k, n = len(xs), len(centers)
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


@cache
def _decimal_paths(edition: Edition) -> frozenset[str]:
    return frozenset(c.path for c in template(edition).cells if c.type == "decimal")


class _Aligner:
    def __init__(self, edition: Edition, table: str, rows: Sequence[TokenRow]) -> None:
        self.edition = edition
        self.table = table
        self.rows = rows
        self.index = index_for(edition, table)
        self.targets = self.index.targets
        self.notes: list[Note] = []
        self.placed: list[Placed] = []
        self.extras: list[ExtraFound] = []
        self.unassigned: list[Cell] = []
        self.decimal = _decimal_paths(edition)

    # -- values ---------------------------------------------------------------------------------

    def _value(self, path: str, num: _Num) -> int | Decimal | None:
        tok = num.tok
        if tok.is_null:
            self.notes.append(
                Note(
                    code="null_marker",
                    message=f"{num.cell.text.strip()!r} printed as a blank; read as null",
                    lines=(num.cell.line,),
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
                    message=f"count cell prints {num.cell.text.strip()!r}; left null",
                    lines=(num.cell.line,),
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
                lines=tuple(sorted({n.cell.line for n in big.nums})),
                paths=tuple(paths),
                confidence=0.9 if len(big.nums) == len(paths) else 0.5,
            )
        )
        centers = self._centers_for(big, len(paths), [big])
        self._place(big, paths, centers, "review/litigation row")

    def _drop(self, nums: Sequence[_Num], why: str) -> None:
        for n in nums:
            self.unassigned.append(n.cell)
            self.notes.append(
                Note(
                    code="unassigned_number",
                    message=f"number {n.cell.text.strip()!r} not placed: {why}",
                    lines=(n.cell.line,),
                    confidence=None,
                )
            )

    def _sequential(self, runs: list[_Run]) -> None:
        last = -1
        filled: set[str] = set()
        plan: list[tuple[_Run, RowTarget | None, str, Match | None]] = []
        queue = list(runs)
        prev_short: tuple[_Run, RowTarget] | None = None
        while queue:
            run = queue.pop(0)
            match, label = _match(run.frags, self.edition, self.table, last + 1)
            target: RowTarget | None = match.target if match else None
            if target is None and prev_short is not None:
                prun, ptarget = prev_short
                missing = len(ptarget.columns) - len(prun.nums)
                if 0 < len(run.nums) <= missing and not prun.positioned:
                    merged = _Run(
                        nums=prun.nums + run.nums, frags=prun.frags, label_col=prun.label_col
                    )
                    idx = next(i for i, p in enumerate(plan) if p[0] is prun)
                    plan[idx] = (merged, ptarget, plan[idx][2], plan[idx][3])
                    self.notes.append(
                        Note(
                            code="wrapped_numbers",
                            message=f"{len(run.nums)} number(s) on a later line joined to "
                            f"row {ptarget.key}",
                            lines=tuple(sorted({n.cell.line for n in run.nums})),
                            paths=(ptarget.key,),
                            confidence=0.8,
                        )
                    )
                    prev_short = (
                        None if len(merged.nums) >= len(ptarget.columns) else (merged, ptarget)
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
                same = run.single_row and len({x.cell.text.strip() for x in run.nums}) == 1
                if same and n == 1:
                    self._drop(rest, "repeat of a merged cell")
                    rest = ()
                run = _Run(nums=first, frags=run.frags, label_col=run.label_col)
                if rest:
                    queue.insert(0, _Run(nums=tuple(rest), frags=(), label_col=None))
            plan.append((run, target, label, match))
            last = target.order
            filled.add(target.key)
            prev_short = (run, target) if len(run.nums) < n else None
        full = [
            p[0]
            for p in plan
            if p[1] is not None and len(p[0].nums) == len(p[1].columns) and p[0].positioned
        ]
        for run, target, label, match in plan:
            if target is None:
                self._extra(run, label, "unknown", None, ())
                continue
            lines = tuple(
                sorted({c.line for c in run.frags[-2:]} | {n.cell.line for n in run.nums})
            )
            if match is None:
                self.notes.append(
                    Note(
                        code="positional_row",
                        message=f"label {label!r} matched no row; numbers given to the next "
                        f"row by position: {target.key}",
                        lines=lines,
                        paths=(target.key,),
                        confidence=0.5,
                    )
                )
            elif not match.exact:
                self.notes.append(
                    Note(
                        code="fuzzy_label",
                        message=f"label {label!r} matched {target.key} approximately",
                        lines=lines,
                        paths=(target.key,),
                        confidence=match.score,
                    )
                )
            if target.kind is not None:
                self._extra(run, label, target.kind, target.key, target.columns, full)
                continue
            paths = [f"{target.key}.{c}" for c in target.columns]
            centers = self._centers_for(run, len(paths), full)
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

    def _centers_for(self, run: _Run, n: int, full: Sequence[_Run]) -> list[float] | None:
        if len(run.nums) >= n or not run.positioned:
            return None
        pool = [f for f in full if len(f.nums) == n]
        if not pool:
            return None
        same = [f for f in pool if f.label_col == run.label_col and run.label_col is not None]
        pool = same or pool
        row = run.nums[0].row
        before = [f for f in pool if f.nums[0].row < row]
        after = [f for f in pool if f.nums[0].row > row]
        if not before and not after:
            return None
        refs = ([before[-1]] if before else []) + ([after[0]] if after else [])
        return [sum(float(f.nums[j].cell.col or 0.0) for f in refs) / len(refs) for j in range(n)]

    def _slots(
        self, run: _Run, paths: Sequence[str], centers: list[float] | None, what: str
    ) -> list[int]:
        k, n = len(run.nums), len(paths)
        lines = tuple(sorted({x.cell.line for x in run.nums}))
        if centers is not None:
            xs = [float(x.cell.col or 0.0) for x in run.nums]
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
        values = [x.tok.value for x in run.nums]
        options: list[tuple[int, ...]] = []
        ok: list[tuple[int, ...]] = []
        columns = [p.rpartition(".")[2] for p in paths]
        for combo in itertools.combinations(range(n), k):
            full_vals: list[int | Decimal | None] = [None] * n
            for v, j in zip(values, combo, strict=True):
                full_vals[j] = v
            options.append(combo)
            if _row_sum_ok(full_vals, columns) is True:
                ok.append(combo)
            if len(options) > 200:
                break
        pick = ok[0] if ok else tuple(range(k))
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

    def _place(
        self, run: _Run, paths: Sequence[str], centers: list[float] | None, what: str
    ) -> None:
        if len(run.nums) == len(paths):
            slots = list(range(len(paths)))
        elif len(run.nums) < len(paths):
            slots = self._slots(run, paths, centers, what)
        else:
            self._drop(run.nums[len(paths) :], f"more numbers than columns in {what}")
            slots = list(range(len(paths)))
        for num, j in zip(run.nums, slots, strict=False):
            path = paths[j]
            self.placed.append(Placed(path=path, value=self._value(path, num), cell=num.cell))

    def _extra(
        self,
        run: _Run,
        label: str,
        kind: str,
        group: str | None,
        columns: Sequence[str],
        full: Sequence[_Run] = (),
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
            cells: list[Cell | None] = [None] * len(cols)
            for num, j in zip(run.nums, slots, strict=False):
                values[j] = num.tok.value
                cells[j] = num.cell
        else:
            cols = ()
            values = [n.tok.value for n in run.nums]
            cells = [n.cell for n in run.nums]
        lines = tuple(sorted({c.line for c in run.frags[-2:]} | {n.cell.line for n in run.nums}))
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


def align_table(edition: Edition, table: str, rows: Sequence[TokenRow]) -> AlignResult:
    """Assign the numbers of one table's token rows to template paths (see module docstring)."""
    return _Aligner(edition, table, rows).run()
