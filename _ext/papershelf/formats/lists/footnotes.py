"""Markdown footnotes (``- Title[^3] (NeurIPS 2020)`` with ``[^3]: https://…`` at the bottom), as GitHub shows
them: each reference gives way to what its note says, so the entry holds its own links."""

from __future__ import annotations

import re

#: "[^3]: https://arxiv.org/abs/…" at the start of a line (a note on one line, as lists write them)
DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]{1,40})\]:[ \t]*(.*?)\s*$")
REFERENCE = re.compile(r"\[\^([^\]\s]{1,40})\](?!:)")
BARE_URL = re.compile(r"(?<![(<\w])(https?://[^\s()\[\]<>\"'|`]{4,500})")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def inline_footnotes(text: str) -> str:
    """``text`` with each footnote reference replaced by its note (a bare URL in it made a ``[link](url)``) and
    the notes' own lines left blank, so line numbers still point at the list; references without a note stay."""
    lines = text.split("\n")
    notes: dict[str, str] = {}
    fenced = ""
    for number, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence and (not fenced or fence.group(1)[0] == fenced[0]):
            fenced = "" if fenced else fence.group(1)
            continue
        found = None if fenced else DEFINITION.match(line)
        if found and found.group(2):
            notes[found.group(1)] = BARE_URL.sub(lambda url: f"[link]({url.group(1).rstrip('.,;:')})", found.group(2))
            lines[number] = ""
    if not notes:
        return text
    fenced = ""
    for number, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence and (not fenced or fence.group(1)[0] == fenced[0]):
            fenced = "" if fenced else fence.group(1)
            continue
        if not fenced and "[^" in line:
            lines[number] = REFERENCE.sub(lambda ref: f" {notes[ref.group(1)]} " if ref.group(1) in notes else ref.group(0), line)
    return "\n".join(lines)
