"""Stream order: a table whose reading order a text extraction scrambled, decoded by its totals.

Some PDF extractions (pdftotext without ``-layout``, pdfminer) print a table's numbers in an
order unrelated to their labels: row by row without the row labels, or column by column in
chunks of several rows. When the normal alignment of table 三 or 四 did not read every row
under its exact label (it left a note: a fuzzy or positional row, a short row, an extra row...)
and leaves the table inconsistent (a row empty, a cell missing or an identity failing), and the
region holds exactly ``rows x columns`` numbers, the numbers are laid on the template grid in
consecutive chunks of rows, each chunk read column by column (a chunk of one row is read row by
row; chunk sizes free, each chunk's rows must satisfy their row totals). The table is re-read
only when exactly one distinct grid also satisfies the column identities (table 三: per column
the result rows sum to （七）总计 and 一 + 二 = （七）总计 + 四; table 四 has only its group
totals). Otherwise the alignment is kept. At most 16 readings are kept per row boundary, so
the work is bounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ._align import AlignResult, Note, Placed
from ._numbers import MISS, NUMBER_CACHE, parse_number
from ._template import Edition, template
from .tokenizers._base import LINE

__all__ = ["STREAM_TABLES", "labelled", "settled", "stream_order"]

STREAM_TABLES = frozenset({"applications", "appeals"})
"""Tables the decoder knows the identities of."""

_MAX_NUMBERS = 400
"""Most numbers a region may hold for the decoder to run (table 三 has 175 cells)."""

Grid = list[list[int]]


def _ok_rows(grid: Grid) -> bool:
    # sum(row[:-1]) == row[-1], without the slice
    return not any(sum(row) != 2 * row[-1] for row in grid)


def _consistent(table: str, grid: Grid) -> bool:
    """Every identity of the table holds on a full grid."""
    if not _ok_rows(grid):
        return False
    if table != "applications":
        return True
    new, prior, *results, handled, forward = grid
    sums = [sum(col) for col in zip(*results, strict=True)] if results else [0] * len(new)
    if sums != list(handled):
        return False
    return all(a + b == c + d for a, b, c, d in zip(new, prior, handled, forward, strict=True))


_MAX_SUFFIXES = 16
"""Most distinct readings kept per row boundary; more means the totals cannot tell."""


Reading = tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]
"""A grid (rows of values) and the chunk sizes (in rows) it was read with."""


def _chunk_readings(values: Sequence[int], n_rows: int, n_cols: int) -> list[Reading] | None:
    """Every grid whose rows satisfy their row sums when ``values`` are read in consecutive
    chunks of rows, each chunk column by column (a chunk of one row is read row by row), or
    ``None`` when too many readings fit. Memoised per starting row: bounded work."""
    values = tuple(values)
    memo: dict[int, list[Reading] | None] = {n_rows: [((), ())]}

    def from_row(i: int) -> list[Reading] | None:
        if i in memo:
            return memo[i]
        out: dict[tuple[tuple[int, ...], ...], tuple[int, ...]] = {}
        p = i * n_cols
        for k in range(1, n_rows - i + 1):
            # row r of the chunk is every k-th value from p + r; test each row's sum before
            # building the next, so a chunk fails at its first bad row
            chunk_rows: list[tuple[int, ...]] = []
            for r in range(k):
                row = values[p + r : p + r + k * n_cols : k]
                if sum(row[:-1]) != row[-1]:
                    break
                chunk_rows.append(row)
            if len(chunk_rows) != k:
                continue
            chunk = tuple(chunk_rows)
            rest = from_row(i + k)
            if rest is None:
                memo[i] = None
                return None
            for tail, sizes in rest:
                out.setdefault(chunk + tail, (k, *sizes))
                if len(out) > _MAX_SUFFIXES:
                    memo[i] = None
                    return None
        memo[i] = list(out.items())
        return memo[i]

    # rows from the bottom up, so the recursion depth stays at most n_rows
    for i in range(n_rows - 1, -1, -1):
        if from_row(i) is None:
            return None
    return memo[0]


def labelled(result: AlignResult) -> bool:
    """Whether the alignment read every row of the table under its own exact label, with one
    number per column and nothing left over (it left no note at all). Then the reading order
    kept the labels, and :func:`stream_order` does not re-read the table even when it does not
    add up: a report whose printed numbers disagree is reported, not rearranged."""
    return bool(result.placed) and not (result.notes or result.extras or result.unassigned)


def settled(edition: Edition, table: str, result: AlignResult) -> bool:
    """Whether ``result`` fills every cell of ``table`` with a count and satisfies every
    identity the decoder knows (then :func:`stream_order` keeps it: callers may skip it)."""
    if table not in STREAM_TABLES:
        return True
    paths = _grid_paths(edition, table)
    if len(result.placed) < sum(map(len, paths)):
        return False  # a cell is missing
    get = {path: value for path, value, _ in result.placed}.get
    grid: Grid = []
    for row in paths:
        values = list(map(get, row))
        # the aligner gives these tables' count cells an int or None (never a Decimal)
        if None in values:
            return False
        grid.append(values)  # type: ignore[arg-type]  # no None left: all int
    return _consistent(table, grid)


@cache
def _grid_paths(edition: Edition, table: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.path for c in r.cells) for r in template(edition).rows_of(table))


def stream_order(
    edition: Edition,
    table: str,
    region: str,
    spans: Sequence[tuple[int, int]],
    result: AlignResult,
) -> AlignResult | None:
    """A re-read of ``table`` from the numbers at ``spans`` (region offsets, in reading order),
    or ``None`` to keep ``result`` (the decoder does not apply, or no unique order fits)."""
    if table not in STREAM_TABLES or len(spans) > _MAX_NUMBERS:
        return None
    paths = _grid_paths(edition, table)
    n_rows = len(paths)
    n_cols = len(paths[0])
    if len(spans) != n_rows * n_cols or any(len(p) != n_cols for p in paths):
        return None
    if labelled(result) or settled(edition, table, result):
        return None  # the labels were read, or the alignment is already consistent
    values: list[int] = []
    for a, b in spans:
        word = region[a:b]
        tok = NUMBER_CACHE.get(word, MISS)
        if tok is MISS:
            tok = parse_number(word)
        if tok is None or tok.is_decimal or not isinstance(tok.value, int) or tok.value < 0:
            return None
        values.append(tok.value)
    readings = _chunk_readings(values, n_rows, n_cols)
    if readings is None:
        return None
    fits = [sizes for g, sizes in readings if _consistent(table, [list(r) for r in g])]
    if len(fits) != 1:
        return None  # none, or two different readings fit: the totals cannot tell
    order: list[tuple[int, int]] = []
    i = 0
    for k in fits[0]:
        order += [(i + r, j) for j in range(n_cols) for r in range(k)]
        i += k
    placed: list[Placed] = []
    line = region.count("\n", 0, spans[0][0]) + 1
    last = spans[0][0]
    for v, (a, b), (i, j) in zip(values, spans, order, strict=True):
        line += region.count("\n", last, a)
        last = a
        placed.append((paths[i][j], v, (region[a:b], line, a, b, None, 1)))
    lines = tuple(sorted({cell[LINE] for _, _, cell in placed}))
    row_major = order == [(i, j) for i in range(n_rows) for j in range(n_cols)]
    how = "row by row" if row_major else "in chunks of rows, each column by column"
    note = Note(
        code="stream_order",
        message=f"the {len(values)} numbers of table {table} were read {how} "
        "(the text's reading order lost the row labels); the only order in which every "
        "identity of the table holds",
        lines=(lines[0], lines[-1]),
        paths=tuple(p for row in paths for p in row),
        confidence=0.9 if any(values) else 0.5,
    )
    return AlignResult(placed=tuple(placed), extras=(), notes=(note,), unassigned=())
