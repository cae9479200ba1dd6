"""The doctests of the repair modules run and pass."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["_decode", "_glyphmap", "_mojibake", "_normalize", "_types", "_vocab"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    """Every example in the module's docstrings gives the shown result."""
    module = importlib.import_module(f"govinfo_report.repair.{name}")
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_public_surface() -> None:
    """The package re-exports a sorted, complete __all__."""
    import govinfo_report.repair as repair

    assert len(set(repair.__all__)) == len(repair.__all__)
    for name in repair.__all__:
        assert hasattr(repair, name)
