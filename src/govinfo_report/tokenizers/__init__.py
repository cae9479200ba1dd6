"""Table tokenizers: one per text layout, behind the :class:`Tokenizer` protocol."""

from ._base import Cell, Tokenizer, TokenRow
from ._registry import (
    ENTRY_POINT_GROUP,
    get_tokenizer,
    plugin_errors,
    register_tokenizer,
    tokenizers,
    unregister_tokenizer,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Cell",
    "TokenRow",
    "Tokenizer",
    "get_tokenizer",
    "plugin_errors",
    "register_tokenizer",
    "tokenizers",
    "unregister_tokenizer",
]
