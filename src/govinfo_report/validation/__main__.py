"""``python -m govinfo_report.validation``: print docs/rules.md (generated from the catalogue)."""

import sys

from . import rules_markdown

sys.stdout.write(rules_markdown())
