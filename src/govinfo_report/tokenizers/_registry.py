"""The tokenizer registry: built-ins, ``register_tokenizer`` and entry-point plug-ins."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from typing import TypeVar, overload

from ._base import Tokenizer

__all__ = [
    "ENTRY_POINT_GROUP",
    "get_tokenizer",
    "register_tokenizer",
    "tokenizers",
    "unregister_tokenizer",
]

ENTRY_POINT_GROUP = "govinfo_report.tokenizers"
"""Third-party packages add tokenizers by naming a Tokenizer object in this entry-point group."""

_REGISTRY: dict[str, Tokenizer] = {}
_BUILTINS: list[str] = []
_plugins_loaded = False
_plugin_errors: list[str] = []

T = TypeVar("T", bound=Tokenizer)


@overload
def register_tokenizer(tokenizer: T, *, replace: bool = ...) -> T: ...


@overload
def register_tokenizer(tokenizer: None = ..., *, replace: bool = ...) -> Callable[[T], T]: ...


def register_tokenizer(
    tokenizer: T | None = None, *, replace: bool = False
) -> T | Callable[[T], T]:
    """Register a tokenizer under its ``name``; usable as a call or a class/instance decorator.

    Raises ``TypeError`` if the object does not satisfy :class:`Tokenizer` and ``ValueError`` if
    the name is taken (unless ``replace=True``).
    """

    def _register(tok: T) -> T:
        if isinstance(tok, type):
            raise TypeError("register a tokenizer instance, not a class")
        if not isinstance(tok, Tokenizer):
            raise TypeError(f"{tok!r} does not implement the Tokenizer protocol")
        name = tok.name
        if not isinstance(name, str) or not name:
            raise TypeError("a tokenizer's name must be a non-empty str")
        if name in _REGISTRY and not replace and _REGISTRY[name] is not tok:
            raise ValueError(f"a tokenizer named {name!r} is already registered")
        _REGISTRY[name] = tok
        return tok

    if tokenizer is None:
        return _register
    return _register(tokenizer)


def unregister_tokenizer(name: str) -> None:
    """Remove a registered tokenizer (KeyError if absent). Built-ins can be removed too."""
    del _REGISTRY[name]


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
            register_tokenizer(obj() if isinstance(obj, type) else obj)
        except Exception as exc:  # a broken plug-in must not break parsing; it is reported
            _plugin_errors.append(f"{ep.name}: {type(exc).__name__}: {exc}")


def plugin_errors() -> tuple[str, ...]:
    """Messages of entry-point plug-ins that failed to load (they are skipped)."""
    _load_plugins()
    return tuple(_plugin_errors)


def tokenizers() -> dict[str, Tokenizer]:
    """Every registered tokenizer by name: built-ins first, then plug-ins, in registration order."""
    _load_plugins()
    return dict(_REGISTRY)


def get_tokenizer(name: str) -> Tokenizer:
    """The tokenizer registered as ``name``; ``KeyError`` listing the known names otherwise."""
    _load_plugins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no tokenizer named {name!r}; known: {sorted(_REGISTRY)}") from None
