"""A paper's names: short name and aliases from its title, BibTeX keys in a .bib file's style, titles compared."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from papershelf.formats.lists.fields import GENERIC_ACRONYMS
from papershelf.shelf.paths import slugify
from papershelf.shelf.schema import TEXT_LIMITS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from papershelf.model.records import BibEntry


STOPWORDS = {"a", "an", "the", "on", "of", "for", "to", "towards", "toward", "in", "and", "with", "via", "by", "from", "at", "is", "are", "do", "does"}


def last_name(author: str) -> str:
    """``Liu, Haotian`` or ``Haotian Liu`` -> ``Liu`` (BibTeX's own name forms)."""
    author = re.sub(r"[{}]", "", author).strip()
    if "," in author:
        return author.split(",", 1)[0].strip()
    parts = author.split()
    return parts[-1] if parts else ""


def _title_words(title: str) -> list[str]:
    words = [re.sub(r"[{}\\$]", "", word) for word in title.split()]
    return [word for word in words if normal_title(word)]


def _significant(title: str) -> list[str]:
    words = _title_words(title)
    kept = [word for word in words if normal_title(word) not in STOPWORDS]
    return kept or words


def key_styles(author: str, year: str, title: str) -> dict[str, str]:
    """Candidate keys of one paper in each style the shelf may use."""
    last = normal_title(last_name(author))
    words = _significant(title)
    first = normal_title(words[0]) if words else ""
    semantic = last_name(author).capitalize() + (words[0][:1].upper() + normal_title(words[0])[1:] if words else "") + "".join(normal_title(w)[:1].upper() for w in words[1:3])
    return {
        "scholar": f"{last}{year}{first}",  # liu2023visual (Google Scholar)
        "arxiv": f"{last}{year}" + "".join(normal_title(w) for w in words),  # arXiv's export
        "semantic": re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFKD", semantic).encode("ascii", "ignore").decode()),  # Semantic Scholar
    }


def detect_style(entries: Iterable[BibEntry]) -> str:
    """The key style most existing entries follow (``scholar`` when none does)."""
    counts = {"scholar": 0, "arxiv": 0, "semantic": 0}
    for entry in entries:
        authors = re.split(r"(?<!\s)\s+and\s+", entry.get("author"))  # the lookbehind: linear on runs of spaces
        year = entry.get("year").strip()
        if not authors[0] or not year:
            continue
        for style, key in key_styles(authors[0], year, entry.get("title")).items():
            if key == entry.key:
                counts[style] += 1
    best = max(counts.values())
    return "scholar" if best == 0 else next(style for style in ("scholar", "arxiv", "semantic") if counts[style] == best)


def make_key(style: str, author: str, year: str, title: str, taken: set[str]) -> str:
    """A key in ``style``, made unique with a letter suffix (``liu2023visualb``)."""
    base = key_styles(author, year, title)[style] or f"paper{year}"
    key, letter = base, ord("b")
    while key in taken:
        key = base + chr(letter)
        letter += 1
    return key


def _mentions(text: str, name: str) -> bool:
    return bool(name) and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


def _acronym(title: str) -> str:
    """The title's first coined name (``CogVLM``, ``LLaVA-1.5``): a word with two capitals or more."""
    # What `(?<![\w-])(?=[\w.-]*(?:[a-z][A-Z]|[A-Z]{2}))[A-Za-z][\w.-]*\w(?![\w-])` finds, in linear time:
    # that pattern's lookahead rescans a run like `a.a.a.a...` from every dot (quadratic on a 200 kB heading).
    for run in re.finditer(r"[\w.-]+", title):
        word = run.group(0)
        coined = [match.start() for match in re.finditer(r"(?=[a-z][A-Z]|[A-Z]{2})", word)]
        if not coined:
            continue
        # the longest match ends after a word character followed by a dot or the end of the run
        end = next((e for e in range(len(word), 0, -1) if (word[e - 1].isalnum() or word[e - 1] == "_") and (e == len(word) or word[e] == ".")), 0)
        for start in (0, *(index + 1 for index, char in enumerate(word) if char == ".")):
            if start > coined[-1]:
                break
            if word[start:start + 1].isascii() and word[start:start + 1].isalpha() and end >= start + 2:
                return word[start:end]
    return ""


def _coined_name(title: str) -> str:
    """The title's coined word when it names this paper: its first word ("LLaVA-1.5 Improves ..."), the word before
    its colon ("... in DeepSeekMath: ...") or a word in parentheses ("... Representations (ELMo)"), never a common acronym the title merely uses ("LLMs", "KV", "https")."""
    found = _acronym(title)
    if not found or found.lower() in GENERIC_ACRONYMS or found.lower().rstrip("s") in GENERIC_ACRONYMS:
        return ""
    first = title.split()[0] if title.split() else ""
    before_colon = title.split(":", 1)[0].split()[-1] if ":" in title and title.split(":", 1)[0].split() else ""
    return found if found in (first.strip("\"'“"), before_colon) or f"({found})" in title else ""


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    # a name does not end in a dangling "for", "of the"...
    cut = re.sub(r"(?:\s+(?:a|an|and|at|by|for|from|in|of|on|or|the|to|via|with))+$", "", cut, flags=re.IGNORECASE) or cut
    return cut if cut and len(cut) <= limit else text[:limit].rstrip()


def _abbreviates(name: str, title: str) -> bool:
    """Whether ``name`` is the initials of consecutive words of ``title`` ("CoT": "Chain-of-Thought Prompting ...")."""
    letters = re.sub(r"[^0-9a-z]", "", name.lower())
    if len(letters) < 2 or name == name.lower() or len(letters) != len(name):
        return False
    return letters in "".join(word[0] for word in re.findall(r"[0-9A-Za-z]+", title)).lower()


def derive_names(title: str, alias: str = "", keywords: tuple[str, ...] | list[str] = ()) -> tuple[str, list[str]]:
    """(short name, aliases) from a title, its parenthesised suffix and its ``tag:`` names.

    The short name is the entry's own name from ``tag:`` (a tag the title or
    alias mentions), else the part before a colon, unless that part merely
    mentions the alias ("Introducing IDEFICS: ..." (IDEFICS) -> IDEFICS);
    without a colon it is the alias, else the whole title. Whatever exceeds
    the short-name limit gives way to the next choice, then to a coined word
    of the title, then to a ``tag:`` name made of the title's initials
    ("CoT"), then to the title cut at a word.
    """
    limit = TEXT_LIMITS["short_name"]
    prefix = title.split(":", 1)[0].strip() if ":" in title else ""
    # a name, not a plain keyword the title happens to use ("survey", "benchmark")
    own = next((name for name in keywords if (_mentions(title, name) and name != name.lower()) or name.lower() == alias.lower()), "")
    mentions = _mentions(prefix, alias)
    # a `tag:` name made of the title's initials comes after the title itself and its coined words
    initials = next((name for name in keywords if _abbreviates(name, title)), "")
    choices = [own, prefix if prefix and not mentions else "", alias, prefix, title, _coined_name(title), initials]
    short = next((choice for choice in choices if choice and len(choice) <= limit), "") or shorten(title, limit)
    return short, [alias] if alias else []


def normal_title(text: str) -> str:
    """A title compared without case, braces, punctuation or spacing."""
    return re.sub(r"[^0-9a-z]+", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())


def distinct_alternatives(name: str, title: str, limit: int) -> list[str]:
    """Names that set a paper apart when its derived name is another paper's: its title, then the title with its
    middle left out ("Inductive representation … temporal graphs"), never a number or a year added."""
    words = title.split()
    choices = [title, shorten(title, limit)]
    for tail in range(1, min(4, len(words))):
        end = " ".join(words[-tail:])
        room = limit - len(end) - 3
        head = shorten(" ".join(words[:-tail]), room) if room > 8 else ""
        if head and head != " ".join(words[:-tail]):
            choices.append(f"{head} \u2026 {end}")
    return [choice for choice in dict.fromkeys(choices) if choice and len(choice) <= limit and choice != name]


def file_stem(name: str, limit: int = 50) -> str:
    """A page's file name (without ``.md``) from its short name, cut at a hyphen to stay short: every path the
    import writes stays far under 100 bytes."""
    slug = slugify(name)
    if len(slug) <= limit:
        return slug
    return slug[: limit + 1].rsplit("-", 1)[0] or slug[:limit]
