"""``python -m govinfo_report``: the ``govinfo-report`` command line (see :mod:`._cli`)."""

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
