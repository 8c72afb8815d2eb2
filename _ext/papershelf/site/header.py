"""Read time: turn a paper page's front matter into its rendered header.

Runs on ``doctree-read`` for one page at a time. Everything drawn here comes
from the page itself and its own BibTeX entry; what depends on other pages is
left as a :class:`~papershelf.site.nodes.paper_crossrefs` placeholder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.util import logging

from papershelf.formats import citation
from papershelf.formats.bibfile import without_generated
from papershelf.formats.frontmatter import ALIAS_MESSAGE, parse_front_matter
from papershelf.model.problems import Code, Problem
from papershelf.model.settings import DEFAULT, ShelfSettings, of_config
from papershelf.shelf.load import NOT_A_PAPER_MESSAGE
from papershelf.shelf.rules import RAW_HTML_MESSAGE
from papershelf.shelf.schema import is_paper_page, read_paper
from papershelf.site import findings
from papershelf.site.domain import cite_domain, paper_domain
from papershelf.site.metrics import metrics_line
from papershelf.site.nodes import paper_abstract, paper_crossrefs
from papershelf.site.search import ignored, search_data

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from papershelf.model.records import BibEntry, Paper

logger = logging.getLogger(__name__)
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")


def warn(problem: Problem, docname: str, env: BuildEnvironment) -> None:
    findings.report(env, problem, docname)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Read a paper page's front matter, register the paper, hide the YAML.

    The front matter is replaced by as many blank lines (line numbers of the
    body stay right), so MyST neither parses the YAML again (twice per page,
    with the pure-Python loader) nor turns keys like ``date`` into docinfo.
    """
    env = app.env
    if Path(env.doc2path(docname)).suffix != ".md":
        return
    domain = paper_domain(env)
    front = parse_front_matter(source[0])
    in_papers_dir = docname.startswith(app.config.papershelf_papers_dir.rstrip("/") + "/")
    # the same findings, codes and lines as `papershelf check` (check.load_shelf)
    if front is None or (not front.error and not is_paper_page(front.data)):
        if in_papers_dir:
            warn(Problem(Code.NOT_A_PAPER, NOT_A_PAPER_MESSAGE, 1), docname, env)
        return
    if front.error:
        warn(Problem(Code.FRONT_MATTER_SYNTAX, f"{front.error}; the page is built without its paper header", front.error_line), docname, env)
        # YAML aliases on any page: MyST would expand them (a 600-byte "billion laughs" held the build for minutes)
        if in_papers_dir or front.error == ALIAS_MESSAGE:
            source[0] = _blank_front_matter(source[0], front.end_line)
        return
    bib = domain.bib_entry(str(front.data.get("key", "")))
    paper, problems = read_paper(front.data, docname, bib, settings=of_config(app.config))
    for problem in problems:
        warn(problem, docname, env)
    # a broken entry is reported once, at its own line (bib-syntax), as check reports it
    if bib is None and domain.bib_index is not None and paper.key not in domain.data["bib_declared"]:
        bib_path, root = Path(domain.bib_index.path), Path(app.confdir)
        shown = bib_path.relative_to(root).as_posix() if bib_path.is_relative_to(root) else str(bib_path)  # as check names it
        warn(Problem(Code.NO_BIB_ENTRY, f"key {paper.key!r} has no entry in {shown}; add its BibTeX entry there", paper.line), docname, env)
    domain.pages[docname] = paper
    source[0] = _blank_front_matter(source[0], front.end_line)


def _blank_front_matter(text: str, end_line: int) -> str:
    lines = text.split("\n")
    return "\n" * end_line + "\n".join(lines[end_line:])


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Insert the header of a paper page registered by :func:`on_source_read`."""
    env = app.env
    domain = paper_domain(env)
    paper = domain.pages.get(env.docname)
    if paper is None:
        return
    # Paper pages are reached through the shelf's own indexes, never the toctree.
    env.metadata[env.docname]["orphan"] = True
    _drop_raw_html(doctree, env.docname, env)
    bib = domain.bib_entry(paper.key)
    section = _page_section(doctree, paper)
    cite = cite_domain(env)
    entry = cite.entry(paper.key) if cite is not None else None
    section.insert(1, build_header(paper, bib, entry, of_config(app.config)))


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Leave out pages that are not UTF-8, with a located warning.

    Sphinx decodes each page strictly and one bad byte stops the whole build;
    leaving the page out keeps every other page and paper in the build.
    """
    for docname in list(docnames):
        path = Path(env.doc2path(docname))
        data = path.read_bytes() if path.suffix == ".md" else b""
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            warn(Problem(Code.NOT_UTF8, f"byte {data[error.start]:#04x} is not UTF-8, so the page is left out of this build; save the file as UTF-8", line), docname, env)
            docnames.remove(docname)
            env.found_docs.discard(docname)


def _drop_raw_html(doctree: nodes.document, docname: str, env: BuildEnvironment) -> None:
    """Paper pages are data: raw HTML there would reach readers unescaped."""
    for raw in list(doctree.findall(nodes.raw)):
        if "html" in raw.get("format", "").split():
            warn(Problem(Code.RAW_HTML, RAW_HTML_MESSAGE, raw.line or 1), docname, env)
            raw.parent.remove(raw)


def _page_section(doctree: nodes.document, paper: Paper) -> nodes.section:
    """The page's top section; created, titled with the paper's title, if absent."""
    for child in doctree.children:
        if isinstance(child, nodes.section):
            return child
    section = nodes.section(ids=[nodes.make_id(paper.key) or "paper"], names=[nodes.fully_normalize_name(paper.title)])
    section += nodes.title(paper.title, paper.title)
    start = next(
        (i for i, child in enumerate(doctree.children)
         if not isinstance(child, (nodes.PreBibliographic, nodes.docinfo, nodes.target))),
        len(doctree.children),
    )
    for child in list(doctree.children[start:]):
        doctree.remove(child)
        section += child
    doctree += section
    return section


def build_header(paper: Paper, bib: BibEntry | None, entry: Entry | None, settings: ShelfSettings = DEFAULT) -> nodes.container:
    header = nodes.container(classes=["paper-header"], ids=[f"paper-{nodes.make_id(paper.key)}"])
    header += _summary_line(paper, settings.reading_status)
    reference = citation.format_reference(entry) if entry is not None else None
    header.extend(search_data(paper, reference, settings))
    if reference is not None:
        if reference.authors:
            header += nodes.paragraph("", reference.authors, classes=["paper-authors"])
        if reference.venue or reference.year:
            header += venue_line(reference)
    if (metrics := metrics_line(paper)) is not None:
        header += metrics
    if paper.links:
        header += _link_row(paper, settings.links)
    if paper.abstract:
        header += paper_abstract("", nodes.paragraph("", paper.abstract, classes=["paper-abstract-text"]))
    header += paper_crossrefs(key=paper.key)
    if paper.models:
        header += _models_table(paper)
    if paper.architecture:
        header += _architecture_table(paper, settings.facet_headings)
    header += _citation_block(paper, bib, reference)
    return header


def venue_line(reference: citation.Reference) -> nodes.paragraph:
    """``ICML, 2021`` or ``arXiv 2103.00020, 2021`` (the identifier a link, not the venue)."""
    line = nodes.paragraph(classes=["paper-venue"])
    if reference.venue:
        line += nodes.Text(reference.venue)
        if reference.arxiv and reference.venue == "arXiv":
            line += nodes.Text(" ")
            line += nodes.reference(reference.arxiv, reference.arxiv, refuri=reference.arxiv_url, classes=["paper-arxiv-id"], noopener=True)
    if reference.year:
        line += nodes.Text(f", {reference.year}" if reference.venue else reference.year)
    return line


def _summary_line(paper: Paper, reading_status: bool) -> nodes.paragraph:
    line = nodes.paragraph(classes=["paper-summary"])
    if not paper.named_by_title:  # the page's title says it already
        line += nodes.strong(paper.short_name, paper.short_name, classes=["paper-short-name"])
        line += nodes.Text(" ")
    if reading_status:
        line += nodes.inline(paper.status, paper.status, classes=["paper-status", f"paper-status-{paper.status}"])
    if paper.date is not None:
        line += nodes.Text(" · first public ")
        line += nodes.inline("", human_date(paper.date.iso()), classes=["paper-date"])
    aliases = [alias for alias in paper.aliases if alias != paper.short_name]
    if aliases:
        line += nodes.Text(" · also known as ")
        line += nodes.emphasis("", ", ".join(aliases), classes=["paper-aliases"])
    return line


def human_date(iso: str) -> str:
    """``2023-04`` -> ``April 2023``."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    text = f"{MONTH_NAMES[parts[1]]} {parts[0]}"
    return f"{parts[2]} {text}" if len(parts) == 3 else text


def _link_row(paper: Paper, kinds: dict[str, str]) -> nodes.paragraph:
    row = nodes.paragraph(classes=["paper-links"])
    for link in paper.links:
        # A reading list's own label (kind `other`) is the whole button text.
        label = link.label[:1].upper() + link.label[1:] if link.kind == "other" and link.label else kinds.get(link.kind, link.kind) + (f" ({link.label})" if link.label else "")
        row += nodes.reference(label, label, refuri=link.url, classes=["paper-link", f"paper-link-{link.kind}"], noopener=True)
        row += nodes.Text(" ")
    return row


def table(headings: Sequence[str], rows: Sequence[Sequence[nodes.Node | None]], classes: list[str]) -> nodes.table:
    """A table; a cell given as None widens the cell before it by one column (``colspan``)."""
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headings))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in headings)
    head = nodes.thead()
    group += head
    head_row = nodes.row()
    head += head_row
    for heading in headings:
        head_row += nodes.entry("", nodes.paragraph(heading, heading))
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            if cell is None and len(row):
                entry = cast("nodes.entry", row[-1])
                entry["morecols"] = entry.get("morecols", 0) + 1
            else:
                row += nodes.entry("", cell if cell is not None else nodes.paragraph())
        body += row
    return table


def text_cell(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text)


def link_cell(text: str, url: str) -> nodes.paragraph:
    cell = nodes.paragraph()
    cell += nodes.reference(text, text, refuri=url, noopener=True) if url else nodes.Text(text)
    return cell


def _models_table(paper: Paper) -> nodes.Element:
    section = nodes.container(classes=["paper-models"])
    section += nodes.rubric("Models", "Models")
    # The model's name is the link text; the host only says where it lives.
    section += table(["Model", "Host"], [[link_cell(m.name, m.url), text_cell(_host(m.url))] for m in paper.models], ["paper-models-table"])
    return section


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0] if url else ""


def _architecture_table(paper: Paper, headings: dict[str, str]) -> nodes.Element:
    section = nodes.container(classes=["paper-architecture"])
    section += nodes.rubric("Architecture", "Architecture")
    section += table(["Part", "Value"], [[text_cell(headings.get(k, k)), text_cell(v)] for k, v in paper.architecture], ["paper-architecture-table"])
    return section


def _citation_block(paper: Paper, bib: BibEntry | None, reference: citation.Reference | None) -> nodes.Element:
    section = nodes.container(classes=["paper-cite"])
    section += nodes.rubric("Cite", "Cite")
    if reference is not None:
        section += nodes.paragraph("", reference.text(), classes=["paper-reference"])
    if bib is not None:
        # What a reader copies: without the marker of an entry papershelf made up; never in search snippets.
        shown = without_generated(bib.raw)
        section += ignored(nodes.literal_block(shown, shown, language="bibtex", classes=["paper-bibtex"]))
    else:
        note = f"No BibTeX entry with key {paper.key} yet."
        section += nodes.paragraph(note, note, classes=["paper-no-bibtex"])
    return section
