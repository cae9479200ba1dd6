"""The order-preserving assignment of a short row's positions to column centres."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._align import _assign_dp


def _brute(xs: list[float], centers: list[float]) -> float:
    """The least total distance over every order-preserving assignment."""
    return min(
        sum(abs(x - centers[j]) for x, j in zip(xs, combo, strict=True))
        for combo in itertools.combinations(range(len(centers)), len(xs))
    )


@given(
    st.lists(st.integers(-20, 60), min_size=1, max_size=8, unique=True).flatmap(
        lambda cs: st.tuples(
            st.just(sorted(float(c) for c in cs)),
            st.lists(st.integers(0, len(cs) - 1), max_size=len(cs), unique=True),
            st.lists(st.floats(-30, 70, allow_nan=False), max_size=3),
        )
    )
)
def test_assignment_is_optimal_and_exact_on_centres(
    case: tuple[list[float], list[int], list[float]],
) -> None:
    """Positions on centres get those centres at cost 0; any positions get an optimal,
    order-preserving assignment."""
    centers, picks, stray = case
    on = [centers[j] for j in sorted(picks)]
    if on:
        slots, cost = _assign_dp(on, centers)
        assert slots == sorted(picks) and cost == 0.0
    xs = sorted(on + stray)[: len(centers)]
    if xs:
        slots, cost = _assign_dp(xs, centers)
        assert len(slots) == len(xs) and all(a < b for a, b in itertools.pairwise(slots))
        assert abs(cost - _brute(xs, centers)) < 1e-6
        assert abs(cost - sum(abs(x - centers[j]) for x, j in zip(xs, slots, strict=True))) < 1e-6


def test_repeated_centres_use_the_search() -> None:
    """Centres that are not strictly increasing (a merged header) still assign every number."""
    slots, cost = _assign_dp([1.0, 1.0], [1.0, 1.0, 2.0])
    assert slots == [0, 1] and cost == 0.0
