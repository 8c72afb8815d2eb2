"""Which links a shelf publishes: the one place that reads a URL's scheme.

Content is written by strangers: a ``javascript:``, ``data:`` or
``vbscript:`` link runs in the reader's browser, a ``file:`` link points into
the reader's disk. Only ``http``, ``https`` and ``mailto`` become links;
a URL without a scheme (a relative path, ``#anchor``, ``//host/path``) stays
inside the site or on the web.

The scheme is read as a browser reads it: leading and trailing control
characters and spaces are stripped and tabs and newlines removed anywhere
(``" java\\tscript:"`` is ``javascript:`` to Chromium), and case is ignored.
"""

from __future__ import annotations

import re

#: the schemes a shelf turns into links
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")  # anchored by match(): linear
_EDGES = "".join(chr(code) for code in range(0x21))  #: C0 controls and space
_REMOVED = str.maketrans("", "", "\t\n\r")


def scheme(url: str) -> str:
    """The scheme a browser reads in ``url``, lower case; ``""`` for a relative URL."""
    match = _SCHEME.match(url.strip(_EDGES).translate(_REMOVED))
    return match.group(1).lower() if match else ""


def is_allowed_link(url: str) -> bool:
    """True for a URL a shelf may publish as a link: http(s), mailto, or no scheme at all."""
    found = scheme(url)
    return not found or found in ALLOWED_SCHEMES
