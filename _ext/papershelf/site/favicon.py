"""The site's favicon: papershelf's own unless conf.py sets ``html_favicon``.

Browsers ask for ``/favicon.ico`` at the site root before reading any page's
``<link rel="icon">``, so the icon is also copied there (a 404 otherwise).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

DEFAULT = Path(__file__).parent / "static" / "favicon.ico"


def on_config_inited(app: Sphinx, config: Config) -> None:
    # Only a shelf gets papershelf's icon: another project keeps its own look.
    if not config.html_favicon and (Path(app.srcdir) / config.papershelf_papers_dir).is_dir():
        config.html_favicon = str(DEFAULT)


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name in ("singlehtml",):
        return
    favicon = str(app.config.html_favicon or "")
    if "://" in favicon:
        return  # an icon hosted elsewhere: nothing to copy
    source = Path(app.confdir, favicon)
    target = Path(app.outdir, "favicon.ico")
    if source.suffix == ".ico" and source.is_file() and not (target.is_file() and target.read_bytes() == source.read_bytes()):
        shutil.copyfile(source, target)
