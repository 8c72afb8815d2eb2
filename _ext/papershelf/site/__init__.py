"""The Sphinx side: what ``setup()`` registers, the ``paper`` domain, citations, read and write time."""
