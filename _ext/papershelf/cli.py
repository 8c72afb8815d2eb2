"""The ``papershelf`` command: check, add, import, enrich, export, init.

Each subcommand validates everything first and writes last (see
:func:`papershelf.commands.init.commit`), so a failure leaves the shelf as it was.
Exit codes: 0 success (``check``: no findings), 1 findings or a refused or
failed command, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.formats.lists import SHAPES
from papershelf.shelf.paths import Interrupted, ShelfError, locate

if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "papershelf"


def _cmd_check(args: argparse.Namespace) -> int:
    if args.links:
        return _cmd_check_links(args)
    from papershelf.commands.check import format_json, run_check, summary

    result = run_check(locate(args.root))
    if args.format == "json":
        print(format_json(result.problems, result.shelf, result.known))
    else:
        for line in result.lines():
            print(line)
        print(summary(result.problems, result.shelf, len(result.known), result.dropped), file=sys.stderr)
    return 1 if result.failed else 0


def _cmd_check_links(args: argparse.Namespace) -> int:
    from papershelf.commands import links
    from papershelf.sources.linkcheck import LinkChecker

    checker = LinkChecker(connections=args.connections, pause=args.pause, allow_private=bool(os.environ.get("PAPERSHELF_LINKS_ALLOW_PRIVATE")))
    report = links.check_links(locate(args.root), checker)
    if report.no_network:
        print("check --links: no network (no host could be reached); nothing was checked", file=sys.stderr)
        return links.NO_NETWORK
    findings = report.findings()
    for line in findings:
        print(line)
    print(report.summary(), file=sys.stderr)
    return 1 if findings else 0


def _cmd_add(args: argparse.Namespace) -> int:
    from papershelf.commands import add as arxiv

    if bool(args.identifier) == bool(args.bibtex):
        raise ShelfError("give an arXiv identifier or URL, or --bibtex FILE (one of them)")
    paths = locate(args.root)
    if args.bibtex:
        result = arxiv.add_from_bibtex(paths, Path(args.bibtex), status=args.status)
    else:
        api = args.api_url or os.environ.get("PAPERSHELF_ARXIV_API") or arxiv.DEFAULT_API
        result = arxiv.add_from_arxiv(paths, args.identifier, api_url=api, timeout=args.timeout, status=args.status)
    print(f"added {result.short_name} ({result.key}): {paths.rel(result.page)}, entry appended to {paths.rel(result.bibfile)}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from papershelf.commands.importer import import_lists

    report = import_lists(locate(args.root), [Path(name) for name in args.lists], Path(args.fixes) if args.fixes else None, dry_run=args.dry_run, shape=args.shape)
    for warning in report.warnings:
        print(warning.format(), file=sys.stderr)
    print(report.summary())
    return 0


def _cmd_enrich(args: argparse.Namespace) -> int:
    from papershelf.commands import enrich
    from papershelf.sources import arxiv, registry

    try:
        names = registry.parse_names(args.sources)
        max_age = enrich.parse_age(args.refresh_older_than) if args.refresh_older_than else None
    except ValueError as error:
        raise ShelfError(str(error)) from error
    if registry.ARXIV in names and args.pause < arxiv.MIN_PAUSE and not os.environ.get("PAPERSHELF_ARXIV_API") and not args.api_url:
        raise ShelfError(f"arXiv's terms ask for at least {arxiv.MIN_PAUSE:g} s between requests; --pause may be shorter only with --api-url (a mirror or a test server)")
    paths = locate(args.root)
    api = args.api_url or os.environ.get("PAPERSHELF_ARXIV_API") or arxiv.DEFAULT_API
    client = arxiv.ArxivClient(api, pause=args.pause, batch=args.batch, timeout=args.timeout)
    try:
        report = enrich.enrich_shelf(paths, client, Path(args.cache) if args.cache else None, dry_run=args.dry_run, sources=names, refresh_older_than=max_age)
    finally:
        client.close()
    if args.dry_run:
        for line in enrich.changed_lines(report, paths):
            print(line)
    for key, reason in sorted(report.missing.items()):
        print(f"{key}: {reason}", file=sys.stderr)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(report.summary(args.dry_run))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from papershelf.commands.exporter import export_shelf

    text = export_shelf(locate(args.root), title=args.title)
    if args.output and args.output != "-":
        from papershelf.shelf.paths import commit

        commit({Path(args.output).resolve(): text})
    else:
        sys.stdout.write(text)
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from papershelf.commands.init import InitOptions, init_shelf
    from papershelf.shelf.paths import ShelfError

    facets = []
    for text in args.facet:
        name, _, heading = text.partition(":")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ShelfError(f"--facet {text!r}: the name must be lower_case_with_underscores, e.g. --facet backbone:Backbone")
        facets.append((name, heading or name.replace("_", " ").capitalize()))
    options = InitOptions(
        title=args.title or "A reading list", author=args.author, year=args.year,
        reading_status=not args.no_reading_status, facets=tuple(facets), papershelf_from=args.papershelf_from,
    )
    target = Path(args.directory)
    written = init_shelf(target, options)
    print(f"created a new shelf in {target} ({len(written)} files); next: cd {target} && make html")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Authoring tools for a papershelf reading list.")
    parser.add_argument("--root", metavar="DIR", help="the shelf's directory (holding conf.py); default: the current directory or the nearest parent with conf.py and docs/")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", metavar="DIR", default=argparse.SUPPRESS, help="the shelf's directory (holding conf.py)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser("check", parents=[common], help="lint pages and references.bib without building", description="Lint every paper page and the .bib file. Prints `path:line: code message` lines; exits 1 when it finds anything not in the shelf's known-problems.json (those are printed apart, as known; an entry whose problem is fixed is removed from the file).")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--links", action="store_true", help="check every external link instead (network): dead links and redirects to another paper at file:line; 403, 429 and timeouts count as unknown; exit 3 without a network")
    check.add_argument("--connections", type=int, default=4, help="with --links: requests at once (default 4)")
    check.add_argument("--pause", type=float, default=1.0, help="with --links: seconds between two requests to one host (default 1)")
    check.set_defaults(run=_cmd_check)

    add = commands.add_parser("add", parents=[common], help="add a paper from arXiv (or a BibTeX entry)", description="Fetch a paper's metadata from the arXiv API and write its page and BibTeX entry.")
    add.add_argument("identifier", nargs="?", help="arXiv identifier or URL (abs or pdf, with or without version)")
    add.add_argument("--bibtex", metavar="FILE", help="add from a file holding one BibTeX entry instead (offline)")
    add.add_argument("--api-url", metavar="URL", help="arXiv API base URL (env PAPERSHELF_ARXIV_API; default https://export.arxiv.org/api)")
    add.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for the arXiv API (default 20)")
    add.add_argument("--status", choices=("unread", "reading", "read"), default="unread", help="read status of the new page")
    add.set_defaults(run=_cmd_add)

    imp = commands.add_parser("import", parents=[common], help="import a Markdown reading list", description="Turn Markdown reading lists into pages and BibTeX entries: the seed's format (#### entries with links and a bibtex block), or awesome lists with one table row or one bullet per paper.")
    imp.add_argument("lists", nargs="+", metavar="LIST.md", help="the reading lists (files, or folders of .md/.txt files)")
    imp.add_argument("--fixes", metavar="FIXES.yaml", help="corrections to apply, by BibTeX key (front matter fields and/or `bibtex`)")
    imp.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    shapes = ", ".join(f"{shape.name} ({shape.summary})" for shape in SHAPES.values())
    imp.add_argument("--shape", choices=("auto", *SHAPES), default="auto", help=f"the lists' shape: {shapes}, or auto (default: the first of these that recognises entries)")
    imp.set_defaults(run=_cmd_import)

    enr = commands.add_parser("enrich", parents=[common], help="fill missing metadata from arXiv, Semantic Scholar, GitHub and the Hugging Face Hub", description="Add what pages and BibTeX entries lack: from arXiv the abstract, v1 date, authors, category, DOI and journal reference; from Semantic Scholar citation counts, authors with ids, the shelf papers each paper cites and the venue that published a preprint (the entry is upgraded, and the summary lists it); from GitHub the stars of code links; from the Hugging Face Hub models and datasets naming the paper. Never replaces a value written by hand. Answers are cached (.papershelf-cache/<source>/), so a second run makes no request and an interrupted run resumes; a bad answer changes nothing and names the source and id. Environment: SEMANTIC_SCHOLAR_API_KEY, GITHUB_TOKEN; PAPERSHELF_ARXIV_API, PAPERSHELF_S2_API, PAPERSHELF_GITHUB_API, PAPERSHELF_HF_API for other base URLs.")
    enr.add_argument("--sources", default="arxiv,s2,github,hf", metavar="NAMES", help="comma-separated sources to ask: arxiv, s2, github, hf (default all)")
    enr.add_argument("--refresh-older-than", metavar="AGE", help="ask again about answers cached longer ago than AGE (7d, 2w, 12h); default: never")
    enr.add_argument("--dry-run", action="store_true", help="print what would change; write nothing (the cache is still filled)")
    enr.add_argument("--api-url", metavar="URL", help="arXiv API base URL (env PAPERSHELF_ARXIV_API; default https://export.arxiv.org/api)")
    enr.add_argument("--cache", metavar="DIR", help="cache directory (default .papershelf-cache/arxiv under the shelf)")
    enr.add_argument("--pause", type=float, default=3.0, help="seconds between requests (default and minimum for arXiv: 3)")
    enr.add_argument("--batch", type=int, default=100, help="ids per request (at most 100)")
    enr.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one answer (default 30)")
    enr.set_defaults(run=_cmd_enrich)

    exp = commands.add_parser("export", parents=[common], help="write the shelf as a Markdown reading list", description="Write the shelf back as a Markdown reading list that `import` reads.")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    exp.add_argument("--title", default="", help="heading of the list (default: the project name)")
    exp.set_defaults(run=_cmd_export)

    init = commands.add_parser("init", help="create a new, empty shelf", description="Create a new shelf (conf.py, docs/, references.bib, Makefile...) in an empty or new directory.")
    init.add_argument("directory", metavar="DIR")
    init.add_argument("--title", default="", help="the site's title (default: 'A reading list')")
    init.add_argument("--author", default="", help="who keeps the list, for the footer (default: git config user.name)")
    init.add_argument("--year", type=int, default=0, help="first year of the copyright line (default: this year)")
    init.add_argument("--no-reading-status", action="store_true", help="an awesome list, not a reading log: no read/unread badges, queue or counts")
    init.add_argument("--facet", action="append", default=[], metavar="NAME[:Heading]", help="a column of the comparison table (repeatable); adds the Comparison page")
    init.add_argument("--papershelf-from", metavar="PATH|URL", default=None, help="where the shelf installs papershelf from (default: where this papershelf came from; '' for the package index)")
    init.set_defaults(run=_cmd_init)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ShelfError as error:
        print(f"{PROG} {args.command}: error: {error}", file=sys.stderr)
        return 1
    except Interrupted as interrupted:  # during a commit: its own account of what is on disk
        print(f"{PROG} {args.command}: {interrupted}", file=sys.stderr)
        return 130
    except KeyboardInterrupt:  # commit was not running: no file of the shelf was changed
        print(f"{PROG} {args.command}: interrupted before any file of the shelf was changed", file=sys.stderr)
        return 130
