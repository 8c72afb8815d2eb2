"""Benchmarks of papershelf builds on synthetic shelves (``python -m bench``).

* :mod:`.synth` generates a shelf of N papers and its plain-MyST floor;
* :mod:`.run` builds them and measures time, memory and incremental rebuilds;
* :mod:`.plot` draws the scaling plot of ``docs/performance.md`` from the JSON.
"""

from __future__ import annotations

from pathlib import Path

#: where ``run`` writes its JSON and ``plot`` reads it
DEFAULT_OUT = Path("_build/bench/bench-results.json")
