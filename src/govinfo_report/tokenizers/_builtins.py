"""Imports the built-in tokenizer modules, which register themselves on import."""

from __future__ import annotations

# Each built-in module registers its tokenizer with ``register_tokenizer`` when imported.
# Order matters only for ties in auto-detection: earlier wins.
