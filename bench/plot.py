"""Draw the scaling plot of docs/performance.md from the bench's JSON.

``python -m bench.plot [--in JSON] [--out PNG]``; needs matplotlib
(the ``bench`` extra). Only this module writes ``docs/_static/bench-scaling.png``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import DEFAULT_OUT

if TYPE_CHECKING:
    from collections.abc import Sequence

DEFAULT_PNG = Path("docs/_static/bench-scaling.png")


def draw(results_path: Path = DEFAULT_OUT, out: Path = DEFAULT_PNG) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import LogLocator, ScalarFormatter

    results: dict[str, Any] = json.loads(results_path.read_text(encoding="utf-8"))
    sizes = sorted(results["sizes"], key=lambda s: s["n"])
    ns = [s["n"] for s in sizes]

    figure, (times, memory) = plt.subplots(1, 2, figsize=(10, 5), dpi=100)
    series = (
        ("papershelf, clean build", [s["full"]["seconds"] for s in sizes], "o-"),
        ("plain MyST floor, clean build", [s["floor"]["seconds"] for s in sizes], "s--"),
        ("papershelf, one paper edited", [s["edit_paper"]["build"]["seconds"] for s in sizes], "^-"),
        ("papershelf, no-op rebuild", [s["noop"]["seconds"] for s in sizes], "v-"),
    )
    for label, values, style in series:
        times.plot(ns, values, style, label=label)
    if len(ns) > 1:  # what linear scaling from the smallest size would give
        first = sizes[0]["full"]["seconds"]
        times.plot(ns, [first * n / ns[0] for n in ns], ":", color="grey", label="linear from smallest N")
    times.set_xscale("log")
    times.set_yscale("log")
    times.set_xlabel("papers on the shelf (N)")
    times.set_ylabel("wall time (s)")
    times.set_title(f"Build time (-j {results['jobs']})")
    times.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    times.yaxis.set_major_formatter(ScalarFormatter())
    times.grid(True, which="both", alpha=0.3)

    memory.plot(ns, [s["full"]["main_rss_mib"] for s in sizes], "o-", label="papershelf, main process")
    memory.plot(ns, [s["full"]["worker_rss_mib"] for s in sizes], "^-", label="papershelf, largest worker")
    memory.plot(ns, [s["floor"]["main_rss_mib"] for s in sizes], "s--", label="floor, main process")
    memory.set_xscale("log")
    memory.set_xlabel("papers on the shelf (N)")
    memory.set_ylabel("peak RSS (MiB)")
    memory.set_title("Peak memory, clean build")
    memory.set_ylim(bottom=0)
    memory.grid(True, which="both", alpha=0.3)
    for axis in (times, memory):
        axis.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, frameon=False)
        axis.set_xticks(ns, [str(n) for n in ns])
        axis.minorticks_off()

    machine = results["machine"]
    label = "QUICK run (development sizes)" if results.get("quick") else "benchmark run"
    figure.suptitle(f"papershelf {label}: {machine['nproc']} CPUs, Python {machine['python']}, Sphinx {machine['sphinx']}, {results['created'][:10]}", fontsize="medium")
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    # Fixed metadata, so the same results give the same file.
    figure.savefig(out, format="png", metadata={"Software": None})
    plt.close(figure)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plot", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--in", dest="results", type=Path, default=DEFAULT_OUT, help=f"bench results (default {DEFAULT_OUT})")
    parser.add_argument("--out", type=Path, default=DEFAULT_PNG, help=f"PNG to write (default {DEFAULT_PNG})")
    args = parser.parse_args(argv)
    print(draw(args.results, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
