"""Every kind of problem papershelf reports, in one place.

The same codes serve Sphinx warnings (``type="papershelf"``, ``subtype=code``,
so one kind can be silenced with ``suppress_warnings``) and the findings of
``papershelf check``. The schema page lists them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(Enum):
    """Problem codes, each documented with how to fix it."""

    FRONT_MATTER_SYNTAX = ("front-matter-syntax", "The YAML front matter does not parse. Fix the YAML at the line given (quote values holding a colon; indent with spaces, not tabs).")
    UNKNOWN_KEY = ("unknown-key", "A front matter key that the schema does not know; usually a typo. Use the suggested key or remove it.")
    MISSING_KEY = ("missing-key", "A required front matter key is missing. Add it.")
    WRONG_TYPE = ("wrong-type", "A front matter value has the wrong type. Write the type the message names.")
    BAD_VALUE = ("bad-value", "A front matter value is outside the allowed set. Use one of the values the message lists.")
    BAD_DATE = ("bad-date", "A date is not a real calendar date in the form YYYY, YYYY-MM or YYYY-MM-DD, or lies in the future.")
    NO_DATE = ("no-date", "No date was found for the paper (front matter, arXiv id of the paper link, BibTeX year). It is listed as Undated; add a `date`.")
    BAD_URL = ("bad-url", "A link is not an http(s) URL (for example a scheme typo like `ttps://`, or `javascript:`). It is not rendered; fix the URL. In a page's text and in a BibTeX `url`, `mailto:` and relative links are allowed too; any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, `ftp:`) is dropped, keeping the link's text.")
    DUPLICATE_LINK = ("duplicate-link", "Two papers share the same paper link; one of them points at the wrong paper.")
    ARXIV_MISMATCH = ("arxiv-mismatch", "The arXiv id in the paper link disagrees with the BibTeX entry's `eprint`. Fix whichever is wrong.")
    UNKNOWN_RELATION = ("unknown-relation", "A relation points at a key that no paper page has. Fix the key or add the paper.")
    SELF_RELATION = ("self-relation", "A paper names itself in its relations. Remove that relation.")
    RELATION_CYCLE = ("relation-cycle", "Updated versions form a cycle. A paper cannot be an updated version of its own successor.")
    DUPLICATE_PAPER = ("duplicate-paper", "Two pages claim the same BibTeX key. Give each paper its own key; only the first page is registered under it.")
    DUPLICATE_SHORT_NAME = ("duplicate-short-name", "Two papers use the same short name, so links to them read alike. Make the short names distinct.")
    NOT_A_PAPER = ("not-a-paper", "A page in the papers folder has no paper front matter (none, an empty one, or one without `key`, `short_name` or `status`), so it describes no paper and is not listed. Start it with `---`, the paper's keys, and `---`.")
    RAW_HTML = ("raw-html", "Raw HTML (an HTML block or inline HTML in Markdown, the `raw` directive or role) is not published on any page (it could run scripts). Write Markdown instead.")
    FILE_ACCESS = ("file-access", "A directive or role that reads or copies a file (`include`, `literalinclude`, `csv-table` with `:file:` or `:url:`, the `download` role) is refused on pages not listed in `papershelf_trusted_pages`; on every page, these and images are refused when the file lies outside the source folder (symbolic links followed). Remove it, or list a page you write yourself in `papershelf_trusted_pages`.")
    HTML_IN_TEXT = ("html-in-text", "A front matter value contains HTML markup. It is shown as plain text, never as markup; write plain text.")
    LONG_TEXT = ("long-text", "A title, short name or author name is too long to show well in lists and the timeline, or a list (`cites`, `people`) is longer than is read. Shorten it.")
    NOT_UTF8 = ("not-utf8", "The page is not valid UTF-8; Sphinx cannot read it, so it is left out of the build. Save the file as UTF-8.")
    UNKNOWN_PAPER = ("unknown-paper", "A {paper} reference names a key that no paper page has. Use the `key` of a paper page.")
    UNKNOWN_CITATION = ("unknown-citation", "A {cite} role names a key that no entry of the .bib files has (keys are case-sensitive). Fix the key or add the entry.")
    BIB_SYNTAX = ("bib-syntax", "An entry of the .bib file does not parse. Fix it at the line given; the other entries are still read.")
    BIB_DUPLICATE = ("bib-duplicate", "A key appears twice in the .bib files, or two keys differ only in case (pybtex takes them for one and drops the later entry) or only in punctuation (they get one citation id under `bibtex_cite_id`). Remove or rename one of them.")
    BIB_MISSING_FIELD = ("bib-missing-field", "A BibTeX entry lacks a field that the bibliography style (`bibtex_default_style`) needs for its type, such as `journal` for an @article. Add the field, or use a type that does not need it (@misc).")
    BIB_NO_YEAR = ("bib-no-year", "A BibTeX entry has no `year`. Add one.")
    BIB_AUTHORS = ("bib-authors", "A BibTeX author list is not `and`-separated (names separated by commas). Separate names with ` and `.")
    NO_BIB_ENTRY = ("no-bib-entry", "A paper page's `key` has no entry in the .bib file. Add the entry or fix the key.")
    LABEL_TYPO = ("label-typo", "A reading list's link label is a misspelling of a known one (`homempage`, `gituhub`); it was imported as the known kind. Correct the spelling in the list.")
    KEY_COLLISION = ("key-collision", "Two entries of the imported lists (or an entry and a paper on the shelf) use one BibTeX key for different papers (their titles and arXiv ids differ). The later one is imported under a new key, named in the message; give it its own key in the list.")
    MERGE_CONFLICT = ("merge-conflict", "The same paper appears more than once in the imported lists with different values; the first is kept and the others are listed. Make the entries agree.")
    HEADING_LEVEL = ("heading-level", "A heading with a paper link and a citation is written at a section level; it was imported as an entry. Write entries with `####`.")
    LINK_OUTSIDE = ("link-outside", "A page, folder or .bib file of the shelf is a symbolic link to a place outside the shelf. It is not read, built or written through (a pull request could publish or overwrite the build machine's files this way). Replace the link with the file itself.")
    NO_PAGE = ("no-page", "A BibTeX entry has no paper page. Add a page (papershelf add --bibtex) or remove the entry.")

    def __init__(self, slug: str, doc: str) -> None:
        self.slug = slug
        self.doc = doc


@dataclass(frozen=True)
class Problem:
    """A located finding: ``path:line: code message``."""

    code: Code
    message: str
    line: int = 0
    path: str = ""
    key: str = ""  #: the BibTeX entry a .bib finding is about, if any
    docname: str = ""  #: the page a cross-document finding is about (the build locates it there, ``check`` at its file)

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.code.slug} {self.message}"
