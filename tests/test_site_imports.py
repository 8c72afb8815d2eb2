"""The Sphinx side imports without cycles (issue 20): no module of site/ reaches back to one importing it.

Imports under ``TYPE_CHECKING`` do not count; imports inside functions do.
Skipped where grimp (import-linter's graph library) is not installed.
"""

from __future__ import annotations

import pytest


def test_no_import_cycle_inside_site() -> None:
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("papershelf", include_external_packages=False, exclude_type_checking_imports=True)
    site = sorted(module for module in graph.modules if module.startswith("papershelf.site"))
    cycles = [
        (importer, imported, graph.find_shortest_chain(importer=imported, imported=importer))
        for importer in site
        for imported in sorted(graph.find_modules_directly_imported_by(importer))
        if imported.startswith("papershelf.site") and graph.find_shortest_chain(importer=imported, imported=importer)
    ]
    assert cycles == []
