"""``python -m papershelf``: the papershelf command line (see cli.py)."""

from __future__ import annotations

import sys

from papershelf.cli import main

if __name__ == "__main__":
    sys.exit(main())
