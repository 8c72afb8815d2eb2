"""Where the running papershelf came from, and the exact set it runs on.

``papershelf init`` writes both into a new shelf's ``requirements.txt`` so
that the shelf (and Read the Docs) installs the same papershelf and the same
dependency versions as the machine that created it. Until papershelf is on
the package index, the shelf installs it from the folder, wheel or URL it was
installed from (PEP 610's ``direct_url.json``); a papershelf run from a
checkout without being installed points at that checkout.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from papershelf import __version__

NAME = "papershelf"
#: the checkout holding this package when it runs from ``_ext/`` (pyproject.toml beside it)
CHECKOUT = Path(__file__).resolve().parents[3]


def source() -> str:
    """Where to install this papershelf from: a path or URL, or "" for the package index."""
    here = Path(__file__).resolve()
    # A checkout's _ext/ may hold a stray papershelf.egg-info too: look at every copy of the metadata.
    for dist in metadata.distributions(name=NAME):
        direct = dist.read_text("direct_url.json")
        url = str(json.loads(direct)["url"]) if direct else ""
        inside_url = url.startswith("file://") and here.is_relative_to(Path(url.removeprefix("file://")))
        if url and (inside_url or Path(str(dist.locate_file(NAME))).resolve() == here.parents[1]):
            return url  # an editable install, a local folder, a wheel or a URL
    if (CHECKOUT / "pyproject.toml").is_file():
        return CHECKOUT.as_uri()  # run from a checkout
    return ""  # installed from the package index


def requirement(origin: str) -> str:
    """The requirements.txt line installing papershelf from ``origin`` (path, URL or "")."""
    if not origin:
        return f"{NAME}=={__version__}"
    if "://" not in origin:
        origin = Path(origin).resolve().as_uri()
    return f"{NAME} @ {origin}"


def pinned_dependencies() -> list[str]:
    """``name==version`` of every distribution papershelf needs, as installed here, sorted."""
    pins: dict[str, str] = {}
    # (requirement, the extras its parent asked for): ``pagefind[bin]`` brings pagefind-bin along
    todo: list[tuple[Requirement, frozenset[str]]] = [(Requirement(text), frozenset()) for text in _requires(NAME)]
    followed: set[tuple[str, frozenset[str]]] = set()
    while todo:
        req, asked = todo.pop()
        if req.marker is not None and not any(req.marker.evaluate({"extra": extra}) for extra in (asked or {""})):
            continue
        key = _normalise(req.name)
        extras = frozenset(_normalise(extra) for extra in req.extras)
        if (key, extras) in followed:
            continue
        followed.add((key, extras))
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue
        pins[key] = f"{dist.metadata['Name']}=={dist.version}"
        todo.extend((Requirement(text), extras) for text in dist.requires or [])
    return sorted(pins.values(), key=str.lower)


def _requires(name: str) -> list[str]:
    try:
        return metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return _pyproject_dependencies()


def _pyproject_dependencies() -> list[str]:
    """The checkout's declared dependencies, when papershelf is not installed."""
    import tomllib

    data = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(data["project"]["dependencies"])


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
