"""Imports the built-in tokenizer modules, which register themselves on import."""

from __future__ import annotations

from . import _fixed as _fixed
from . import _flat as _flat
from . import _html as _html
from . import _markdown as _markdown
from . import _pipe as _pipe

# Each built-in module registers its tokenizer with ``register_tokenizer`` when imported.
# Order matters only for ties in auto-detection: earlier wins.
from . import _tab as _tab
