"""One entry's inline lines -> an Item: title, name, authors, venue, date, links and notes."""

from __future__ import annotations

import itertools
import operator
import re
from typing import TYPE_CHECKING

from papershelf.formats.dates import MONTHS
from papershelf.formats.lists.awesome.inline import (
    CODE_HOST,
    DATE_TEXT,
    INDEX_HOST,
    NAMED_ID,
    SEPARATORS,
    STAR_BADGE,
    Piece,
    classify,
    has_paper,
    is_paper_url,
    linked_title_after_bold,
    md_link,
    normal_date,
    normal_key,
    paper_named,
    pieces,
    plain,
    shields_text,
    subtitle_after_bold,
    title_link,
)
from papershelf.formats.lists.awesome.parsed import Parsed, place
from papershelf.formats.lists.entries import Item, LabelledLink
from papershelf.formats.lists.fields import (
    AWARD,
    LEADING_TAG,
    ROW_NUMBER,
    VANCOUVER_PERSON,
    VENUE_ONLY,
    VENUE_YEAR,
    Title,
    authors_of,
    bracket_tag,
    clean_title,
    find_date,
    is_label,
    paper_like,
    reference_line,
    title_then_authors,
    trailing_authors,
    venue_spelled_out,
    venue_year,
    written_as_a_name,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

#: a GitHub task list's box before an entry: "- [x] [Title](…)" (read), "- [ ] …" (not yet)
#: a reading tracker's marks: done, under way (a book or a bookmark may mean either "to read" or "reading": no status)
STATUS_MARKS = {"\u2705": "read", "\u2714": "read", "\u2611": "read", "\u23f3": "reading", "\u231b": "read"}


STATUS_MARK = re.compile(r"^\s*([\u2705\u2714\u2611\u23f3\u231b])\ufe0f?(?:\s|$)")


TASK_BOX = re.compile(r"^\s*\[([ xX])\]\s+")


#: a name in parentheses at the end of an entry, right after its year: "ICML 2021 (VITS)", "2023 (VALL-E)."
NAME_AFTER_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}\)?[.,]?\s{0,5}([(\uff08]([^()\uff08\uff09]{1,30})[)\uff09])\s{0,5}\.?\s{0,5}$")


#: the venue a leftover names (a venue, not a note), with its year: "CVPR 2023", "(ICML'21)", "CoRL, Jun 2022 ." (the month is the date's)
VENUE_TEXT = re.compile(
    r"^\(?\s*(?!(?i:" + "|".join(MONTHS) + r")[a-z]*\.?\s)((?:arXiv|[A-Z][A-Za-z&\-]{1,15})(?: [A-Z][A-Za-z&\-]{1,15})?)\s*,?\s*(?:(?i:" + "|".join(MONTHS) + r")[a-z]*\.?\s+)?"
    r"(?:'|\u2019)?((?:19|20)\d{2}|\d{2})\s*\)?\s*\.?$")


def date_and_venue(item: Item, texts: list[str], year: str) -> None:
    """The item's date and venue from what its row or bullet says, when no date column or leading date gave them."""
    text = " ; ".join(text for text in texts if text)
    venue, venue_said = venue_year(text)
    if not item.venue and venue:
        said_at = VENUE_YEAR.search(text)
        # "(NeurIPS'21 Workshop)": a workshop there, not the conference itself
        workshop = re.match(r"\s+(Workshops?)\b", text[said_at.end() :]) if said_at else None
        before = re.search(r"\s(Workshops?)\b", said_at.group(0)) if said_at else None  # "ICLR Workshop 2013": said before the year
        item.venue = f"{venue} {before.group(1)} {venue_said}" if before else f"{venue} {venue_said}" + (f" {workshop.group(1)}" if workshop else "")
    if item.date and item.date != year:
        return
    found = find_date(text)
    if found and not (year.startswith(found) and len(year) > len(found)):  # "NeurIPS 2023" under "### 2023-05": the heading's month stays
        item.date = found


#: what follows a venue in italics: its year (", 2023"), or a journal's volume, issue and pages, then the year in brackets
#: (" 19:15 (2018)", " 184(13):3573-3587 (2021)", " 15, 1053-1058 (2018)")
JOURNAL_AFTER = re.compile(r"\s*,?\s*(?:((?:19|20)\d{2})\b\.?|\d{1,4}(?:\s?\([\w-]{1,8}\))?\s?[:,]\s?[\w\u2013-]{1,20}\s{0,3}\(((?:19|20)\d{2})\))")


#: a day written as eight digits at the start of an entry: "20230302"
COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
#: "Authors: A, B", "作者\uff1aA, B", "著者 / Authors: A, B" (a label in two languages)
AUTHORS_FIELD = re.compile(r"^\s*(?:[^\W\d_][^\W_]{0,10}\s?/\s?)?(?:authors?|author\(s\)|by|作者|著者|저자)\s*[:\uff1a]\s*(\S.*)$", re.IGNORECASE)


_DATE_WORDS = re.compile(r"\b(?:(?:19|20)\d{2}|\d{1,2}|arxiv|preprint|oral|spotlight|highlight|poster|" + "|".join(MONTHS) + r")[a-z]*\.?", re.IGNORECASE)


#: a field's label whose value (a link) was read: "Paper:" of "Paper: [arXiv](…)"
DANGLING_LABEL = re.compile(r"(?<![\w])([A-Za-z][A-Za-z ]{0,20}?)\s*:(?=\s|$)")


def says_more(text: str, item: Item) -> bool:
    """A leftover of the entry says more than its date and venue ("(2013), ." or "arXiv, Jan 2024 ." do not):
    it keeps a letter once years, months, "arXiv" and the venue's words are taken out; a year nothing else read stays."""
    rest = _DATE_WORDS.sub(" ", text)
    for word in item.venue.split():
        rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", rest, flags=re.IGNORECASE)
    if any(ch.isalpha() for ch in rest):
        return True
    return bool(re.search(r"(?:19|20)\d{2}", text)) and not item.date


def strong_runs(parts: list[Piece]) -> list[tuple[str, bool]]:
    """(bold text, in parentheses) of each bold run: ``(**ELMo**)`` names the paper, ``**Title**`` is the title."""
    runs: list[tuple[str, bool]] = []
    for number, part in enumerate(parts):
        if part.kind == "text" and part.strong and part.text.strip():
            if number and parts[number - 1].kind == "text" and parts[number - 1].strong:
                runs[-1] = (runs[-1][0] + part.text, runs[-1][1])
                continue
            before = parts[number - 1].text if number and parts[number - 1].kind == "text" else ""
            runs.append((part.text, before.rstrip().endswith(("(", "[")) and not before.rstrip().endswith("[[")))
    return [(" ".join(text.split()), inside) for text, inside in runs]


#: a venue and its year with the paper's standing there: "ICLR'24 (Spotlight)", "CVPR 2023 Highlight", "NeurIPS 2022 Oral"
VENUE_WITH_AWARD = re.compile(VENUE_YEAR.pattern + rf"\s*[(\[]?\s*(?i:{AWARD}|findings|workshop)\s*[)\]]?")

#: a wikilink opening an entry, then a separator: "[[DPO]] — ", "[[Note name|Shown]]: "
WIKI_NAME = re.compile(r"^\s*\[\[([^\[\]|\n]{1,80})(?:\|([^\[\]\n]{1,80}))?\]\]\s*[-\u2013\u2014:|]+\s*")


QUOTED = re.compile(r"\"([^\"\n]{8,300})\"|[\u201c\"]([^\"\u201c\u201d\n]{8,300})[\u201d\"]")  # '"“Why …?”: …"' holds its own quotes


def read_group(inlines: list[Token], line: int, section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...], heading_title: bool = False) -> Item | None:
    """One paper from the paragraphs that hold it (a bullet, a row of text, a heading and its section)."""
    parts: list[Piece] = []
    head_length = 0
    for number, inline in enumerate(inlines):
        if number:
            parts.append(Piece("br"))
        parts.extend(pieces(inline))
        head_length = head_length or len(parts)
    links = [p for p in parts if p.kind == "link" and p.url]
    if links and all(p.url.startswith("#") for p in links) and not heading_title:
        parsed.navigation += 1  # a table of contents entry
        return None
    head = parts[:head_length]  #: the first paragraph's pieces (the same objects as in ``parts``)
    item = Item(line, "", section, date=year, listed=year, tags=list(tags))
    text = plain([p for p in parts if p.kind == "text"])
    head_text = plain([p for p in head if p.kind == "text"])
    first_link = next((number for number, part in enumerate(head) if part.kind == "link"), len(head))
    lead_text = plain([p for p in head[:first_link] if p.kind == "text"])
    said_before = [bool(part.kind == "text" and part.text.strip()) for part in head[:first_link]]
    said_before = list(itertools.accumulate(said_before, operator.or_))  # one pass: a line of 100,000 <br> stays linear
    broken = next((number for number, part in enumerate(head[:first_link]) if part.kind == "br" and number and said_before[number - 1]), None)
    if broken is not None and plain([p for p in head[broken:first_link] if p.kind == "text"]).strip():
        # "Title <br> A. Owl, B. Heron <br> ICML 2022 <br> [paper](…)": the first line is the title, the others its authors and venue
        lead_text = plain([p for p in head[:broken] if p.kind == "text"])
    marked = STATUS_MARK.match(head_text)
    if marked:  # "- ✅ [Title](…)", "- ⏳ [Title](…)": a reading tracker's mark says whether it was read
        item.status = STATUS_MARKS[marked.group(1)]
    task = TASK_BOX.match(head_text)
    if task:  # "- [x] [Title](…) (2021) — notes": a reading tracker's box says whether it was read
        item.status = "unread" if task.group(1) == " " else "read"
        head_text, lead_text = head_text[task.end() :], TASK_BOX.sub("", lead_text, count=1)
        text = text.replace(task.group(0).strip(), " ", 1)
    compact = COMPACT_DATE.match(head_text)
    if compact:  # "- 20230302 ICLR-23 [Title](…)": a transfer-learning list's day, its digits run together
        item.date = "-".join(compact.groups())
        lead_text = lead_text.replace(compact.group(0).strip(), " ", 1).strip()
    leading = None if compact else DATE_TEXT.match(head_text)
    if leading and not 1 <= int(leading.group(2)) <= 12:
        leading = None
    worded = None if leading else re.match(r"\s*[\[(]([^\[\]()]{3,25})[\])]", head_text)
    if worded and len(normal_date(worded.group(1))) > 4:
        leading = worded  # "- [Apr 2021] **Title**", "1. (Mar. 2024) [Title](…)": when it appeared, in words
    if leading:
        item.date = normal_date(leading.group(0).strip())
        lead_text = lead_text.replace(leading.group(0).strip(), " ", 1).strip()
    # "**[ICLR'24]**" is a venue tag; "*Nat. Biotechnol.* **33**, 831-838 (2015)": a bold number is a journal's volume, no title
    bold = [(run, inside) for run, inside in strong_runs(head) if (not is_label(run) or VENUE_ONLY.fullmatch(run)) and not re.fullmatch(r"(?!(?:19|20)\d{2}$)\d{1,4}", run.strip())]  # ("**2016** : …" is a year)
    link = None
    taken: list[str] = []  #: text that became the title or the name
    if leading:
        taken.append(leading.group(0).strip())  # the date said before the title is no author's name ("[Apr 2021] **Title** — Rives et al.")
    wiki = WIKI_NAME.match(lead_text)
    if wiki and not heading_title and len(lead_text) - wiki.end() >= 8:
        # "[[DPO]] — Direct Preference Optimization: …" (a note-taking app's export): the note's name, then the title
        taken.append(wiki.group(0).strip())
        lead_text = lead_text[wiki.end():]
    quoted = QUOTED.search(lead_text) if not heading_title else None
    if quoted and re.match(r"\s*:\s*\w", lead_text[quoted.end():]):
        quoted = None  # "“Why Should I Trust You?”: Explaining the Predictions …": the quote opens the title
    opening_em = next((p.text.strip() for p in head[:first_link] if p.kind == "text" and p.text.strip()), "") if head and head[0].em and not head[0].strong else ""
    em_people = authors_of(opening_em) if opening_em else ""
    # "A. Owl, B. Heron" or "Owl et al." are people; "Long Short-Term Memory" reads as one name and is a title
    em_people = em_people if " and " in em_people or re.search(r"\b[A-Z]\.", em_people) else ""
    if not quoted and not heading_title and len(opening_em.split()) >= 3 and not em_people and not VENUE_YEAR.search(opening_em) \
            and all(p.image or is_label(p.text) for p in head if p.kind == "link"):  # a titled link is the title
        # "*Title*, A. Owl, B. Heron. In NeurIPS 2022.": an italic run opening a reference is its title, as quotes are
        quoted = re.match(r"\s*(" + re.escape(opening_em) + r")()(?=\s*[,.])", lead_text)
    elif em_people and not heading_title and not quoted and opening_em in lead_text:
        # "*A. Owl, B. Heron*. Title. ICML 2023.": the italic run opening it is its authors, the title comes after
        item.authors = em_people
        taken.append(opening_em)
        lead_text = lead_text.replace(opening_em, " ", 1).lstrip(" .,;:")
    if heading_title:  # the heading's words, its own "[arXiv]" or badge links left out
        item.title = plain([p for p in head if p.kind != "image" and not (p.kind == "link" and (p.image or is_label(p.text)))])
        taken.append(item.title)
        link = next((p for p in head if p.kind == "link" and not p.image and not is_label(p.text) and normal_key(p.text) == normal_key(item.title)), None)
    elif quoted:
        item.title = quoted.group(1) or quoted.group(2)
        taken.append(quoted.group(0))
        named = bold[0][0].strip(" []:") if bold and not bold[0][1] else ""
        if named and normal_key(named) != normal_key(item.title):
            item.name = "" if named.isdigit() else named  # "**[12]**" numbers the row
            taken.append(bold[0][0])
        # "LeCun, Yann, and Geoffrey Hinton. "Deep learning." Nature (2015)": the authors stand before the title
        before_quote = take(lead_text[: quoted.start()], bold[0][0]) if bold else lead_text[: quoted.start()]
        # "[3] A. Owl, B. Heron, "Title," in Proc. ICLR, 2023." (a reference as IEEE writes it): its number is no author
        item.authors = authors_of(ROW_NUMBER.sub("", before_quote).strip(" .,*[]"))
        if item.authors:
            taken.append(ROW_NUMBER.sub("", before_quote).strip(" .,*[]"))
        numbered = ROW_NUMBER.match(before_quote)
        if item.authors and numbered:
            taken.append(numbered.group(0).strip())
        reference = reference_line(ROW_NUMBER.sub("", lead_text).strip(" [(")) if item.authors else None
        if reference is not None and normal_key(reference.title) == normal_key(item.title):
            item.venue = item.venue or f"{reference.venue} {reference.year}"
            taken.append(reference.said[1])
        own = re.fullmatch(r"\s*([^\W\d_][^\"\u201c:\[\]]{0,39}?)\s*:\s*", before_quote)
        if own and not item.name and not item.authors and _names_it(own.group(1), inlines[0].content):
            item.name = own.group(1)  # "<u>GPT-3</u>: **\"Language Models are Few-Shot Learners\"**": the list's name of it
            taken.append(own.group(0).strip())
    elif bold and not bold[0][1]:
        run = bold[0][0]
        tag = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", run)
        if not tag and VENUE_ONLY.fullmatch(run) and not run.strip(" .()").isdigit():
            item.venue = venue_spelled_out(run.strip(" .,()"))  # "- [Title](…) - Authors. **ICML 2023**.": where, not what
            taken.append(run)
        elif not tag and VENUE_WITH_AWARD.fullmatch(run.strip(" .,")):
            item.venue = venue_spelled_out(run.strip(" .,"))  # "**ICLR'24 (Spotlight)**", "**CVPR 2023 Highlight**": where and how
            taken.append(run)
        elif tag and tag.group(1).isdigit():
            taken.append(run)  # "**[12]** Authors. "**Title**."": a row number
            if len(bold) > 1 and not bold[1][1]:
                _take_title(item, bold[1][0], inlines, taken)
        elif tag and normal_date(tag.group(1)):
            item.date = item.date if leading else normal_date(tag.group(1))  # "**[2023.10]** Title": when it appeared, not where
            taken.append(run)
        elif tag and (VENUE_YEAR.search(tag.group(1)) or re.search(r"(?:19|20)\d{2}", tag.group(1))):
            item.venue = venue_spelled_out(tag.group(1))  # "**[CVPR 2024]** Title [[paper](...)]", "**[OSDI '22]** Title" (as "OSDI 2022")
            taken.append(run)
        elif tag:
            item.name = tag.group(1)  # "**[LLaRP]** Title": the list's name of it
            taken.append(run)
        else:
            _take_title(item, run, inlines, taken)
            # "A. Owl*, B. Heron<sup>†</sup>. **Title**. *Venue*, 2023.": the authors stand before the bold title
            before_bold = lead_text[: lead_text.find(run)].strip(" .,;:*") if run in lead_text else ""
            item.authors = authors_of(before_bold) if before_bold else ""
            if item.authors:
                taken.append(before_bold)
            paren = re.match(r"\s{0,5}[(\uff08]\s{0,5}([^\s()\uff08\uff09][^()\uff08\uff09]{0,29}?)\s{0,5}[)\uff09]", lead_text[lead_text.find(run) + len(run) :]) if run in lead_text else None
            if paren and not item.name and re.search(r"[^\W\d_]", paren.group(1)) and len(paren.group(1).split()) <= 3 and not is_label(paren.group(1)) \
                    and not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", paren.group(1)) and not authors_of(paren.group(1)) and normal_key(paren.group(1)) != normal_key(item.title):
                item.name = paren.group(1)  # "**Title**\uff08BELLE\uff09", "**Title** (Owl-LLaMA)": the list's name of it
                taken.append(paren.group(0).strip())
            prefix = lead_text[: lead_text.find(run)] if run in lead_text else ""
            own = re.fullmatch(r"\s*([^\W\d_][^\"\u201c:\[\]]{0,39}?)\s*:\s*", prefix)
            if own and not item.name and not authors_of(own.group(1)) and _names_it(own.group(1), inlines[0].content):
                item.name = own.group(1)  # "<u>OwlGPT</u>: **Title**": the list's name of it
                taken.append(own.group(0).strip())
    if len(bold) > 1 and bold[1][1] and not item.name:
        item.name = bold[1][0]
    elif bold and bold[0][1] and not item.name:
        item.name = bold[0][0]  # "Title (**ELMo**)"
    if item.name:
        taken.append(item.name)
    if not item.title:
        link = title_link(parts)
        before = lead_text
        if not has_paper(parts):  # "… and Jeff Dean. arXiv:1503.02531": the id named is the paper's link, no part of its title
            before = NAMED_ID.sub(" ", before)
        if item.venue or item.name:
            for said in taken:
                before = take(before, said)
        opening = LEADING_TAG.match(before)
        said = (opening.group(1) or "").strip() if opening else ""
        if opening and said and (VENUE_ONLY.fullmatch(said) or normal_date(said)) and len(before) > opening.end() + 4 and not item.venue:
            # "- [CVPR 2023] Title [[paper](…)]": the tag says where (or when) before the brackets go
            item.venue = "" if normal_date(said) else venue_spelled_out(said)
            item.date = normal_date(said) or item.date
            taken.append(opening.group(0).strip())
            before = before[opening.end() :]
        front = bracket_tag(before)
        if front:  # "[Medusa] Medusa: …": the list's name of it, or a tag ("[Survey]"), before the title
            name, sorting, before = front
            item.name = item.name or name
            item.tags += [sorting] if sorting else []
        before = " ".join(re.sub(r"[\[\]|]|\(\s*\)", " ", ROW_NUMBER.sub("", before)).split()).strip(" |-\u2013—:,.*")  # "[1] Title": a number, not the title
        name_title = _name_then_title(head, link) if link is not None and not before and first_link < len(head) and head[first_link] is link else None
        if name_title:
            item.name, item.title = name_title  # "[Kite](…): Planning for Kites", "[[Kite]](…) Kite: Planning for Kites"
            taken += [link.text if link is not None else "", item.title, item.title[len(item.name) + 1 :].strip()]
        elif link is not None and (not before or len(before) < 4 or SEPARATORS.match(before) or (first_link < len(head) and head[first_link] is link)):
            item.title = link.text
        elif before and not SEPARATORS.match(before) and (reference := reference_line(before)) is not None:
            # "Authors. Title. In Venue, 2021." (a reference as papers write it, dblp's style)
            item.title, item.authors, item.venue = reference.title, reference.authors, f"{reference.venue} {reference.year}".strip()
            item.date = reference.date or item.date  # "J. ACM 54, 3 (June 2007)": the month it gives
            taken += [*reference.said, reference.title]
            link = None
        elif before and (dated := YEAR_THEN_AUTHORS.match(before)) and authors_of(dated.group(2)):
            # "*Title* (2016). Kaiming He, Xiangyu Zhang, Jian Sun.": the title, its year, then its authors
            item.title, item.authors = dated.group(1), authors_of(dated.group(2))
            taken += [dated.group(2), item.title]
            link = None
        elif before and not SEPARATORS.match(before) and (split := title_then_authors(before)) is not None:
            # "Title. A. Owl, B. Heron, et al. [[OpenReview](…)]": the title, then who wrote it
            item.title, item.authors = split
            taken.append(before[len(item.title) :].strip(" .?!"))
        elif before and not SEPARATORS.match(before) and (by := trailing_authors(before)) is not None:
            item.title, item.authors = by[0], by[1]  # "Title, Grace Hopper, Alan Turing, NeurIPS 2024."
            taken += [by[2], item.title]
            link = None
        elif before and not SEPARATORS.match(before):
            # the plain text before the first link is the title, up to "(2015), Authors", "(Schulman et al., 2017)" or ", *Venue, 2024*"
            cut = re.search(r"\s\(\s*(?:19|20)\d{2}\s*\)|\s\((?P<by>[^()]{2,80}?),\s*(?:19|20)\d{2}\s*\)|,\s*(?=[A-Z][A-Za-z]+,?\s+(?:[A-Z][a-z]{2}\w*\s+)?(?:19|20)\d{2})", before)
            item.title = before[: cut.start()] if cut else before
            names = cut.group("by") if cut else None
            item.authors = authors_of(names) if names else ""
            if names and item.authors:
                taken.append(names)
            link = None
        elif link is not None:
            item.title = link.text
        if item.title:
            taken.append(item.title)
    if wiki and wiki.group(0).strip() in taken and not item.name:
        item.name = (wiki.group(2) or wiki.group(1)).strip()  # set after the title, which may repeat it ("[[KTO]] — KTO: …")
    cleaned = clean_title(item.title)
    item.title = cleaned.text
    item.venue = item.venue or cleaned.venue
    credit(item, cleaned)
    if cleaned.rest and not quoted:
        item.facts.append(("Note", cleaned.rest))  # what the title run said after its venue
    badges = [shields_text(p.image or p.url) for p in parts if p.image or p.kind == "image"]
    for part in links:
        if part.url.startswith("#"):
            continue
        if any(existing.url == part.url for existing in item.links):
            continue  # a figure linking the paper above its title's link to it: one link
        if part is link:
            kind = "paper" if is_paper_url(part.url) else "code" if CODE_HOST.match(part.url) else "homepage"
            item.links.append(LabelledLink(kind if not (kind == "paper" and item.paper_url) else "other", part.url))
            continue
        known = classify(part.text, part.url, item)
        if known:
            item.links.append(LabelledLink(known[0], part.url, known[1]))
            if known[0] == "paper" and part.text and not is_label(part.text) and part.text != item.title and not part.image:
                item.facts.append(("Paper link", part.text))
        elif is_paper_url(part.url) and part.url.startswith(("http://", "https://")) and not any(normal_key(existing.url) == normal_key(part.url) for existing in item.links):
            item.links.append(LabelledLink("other", part.url, part.text.strip() or "paper"))  # a second paper link (a follow-up's badge)
        elif not part.image and part.url.startswith(("http://", "https://")):
            item.body.append(f"- {md_link(part.text, part.url)}")
    for part in parts:
        if part.kind == "image":
            found = STAR_BADGE.search(part.url)
            if found and not any(existing.kind == "code" for existing in item.links):
                item.links.append(LabelledLink("code", f"https://github.com/{found.group(1)}/{found.group(2)}"))
    # "— Kim et al., ICML 2021 (VITS)": a name in parentheses closing the entry, after its year, is the list's name of it
    closing = None if item.name or heading_title else NAME_AFTER_YEAR.search(head_text[-200:])
    if closing and written_as_a_name(closing.group(2)) and not authors_of(closing.group(2)) and normal_key(closing.group(2)) != normal_key(item.title):
        item.name = closing.group(2)
        taken.append(closing.group(1))
    # what is left: authors, venue, date, a note
    leftover = text
    for said in taken:
        leftover = take(leftover, said)
    if leading:
        leftover = leftover.replace(leading.group(0).strip(), " ", 1)
    italics = [" ".join(p.text.split()) for p in parts if p.kind == "text" and p.em and not p.strong and p.text.strip()]
    segments = [*italics, *_segments(parts, taken)]
    # "**Authors**: A. Owl, B. Heron" (a field line): the names after their label, before any other guess
    segments = [found.group(1) for segment in segments if (found := AUTHORS_FIELD.match(segment))] + segments
    # "John Jumper, Richard Evans, Alexander Pritzel et al. *Nature* 2021.": the names end at "et al."
    segments += [cut.group(1).strip(" :.,;|") for segment in segments if (cut := re.match(r"^(.*?\bet\s+al\.?)\s*\S", segment))]
    # "K. Koh, S.-J. Kim, S. Boyd. JMLR 2007.": the names end at the full stop before the venue and its year
    # (and what the venue gave it: "… Yong Jae Lee. NeurIPS 2023 (Oral).")
    # (or a journal's volume and pages, then the year in brackets: "Wolf FA, Theis FJ. Genome Biology 19:15 (2018).")
    segments += [cut.group(1) for segment in segments if (cut := re.match(r"^(.*?[^\W\d_]{2})\.\s+(?:\S.{0,60}?\s)?\(?(?:19|20)\d{2}\)?(?:\s{0,3}\([^()]{1,30}\))?\.?\s*$", segment))
                 and all(len(name.split()) >= 2 for name in re.split(r",\s*|\s+and\s+", cut.group(1)) if name.strip())]  # "Humanoids, Nov. 2024." names no one
    # Vancouver's names end at their initials: "Lopez R, Cole MB, Yosef N. Nat Methods 15, 1053-1058 (2018)." (only when every name is so written)
    segments += [cut.group(1) for segment in segments if (cut := re.match(r"^(.*?\s[A-Z]{1,3})\.\s+(?:\S.{0,60}?\s)?\(?(?:19|20)\d{2}\)?(?:\s{0,3}\([^()]{1,30}\))?\.?\s*$", segment))
                 and all(VANCOUVER_PERSON.match(name.strip()) for name in re.split(r",\s*(?:et\s+al\b)?", cut.group(1)) if name.strip())]
    # "Mildenhall et al., ECCV 2020": the authors before a venue and its year
    segments += [shorter for segment in segments if (shorter := re.sub(r"(?:,|\s\()\s*[A-Za-z][\w&'. -]{0,30}?\s*,?\s*['\u2019]?(?:(?:19|20)\d{2}|\d{2})\b.*$", "", segment)) != segment]
    # "*Genome Biology* 19:15 (2018)", "*Cell* 184(13):3573-3587 (2021)": an italic run before a year (or a volume, its pages and
    # the year) is the journal, no one's name
    journals = {" ".join(part.text.split()) for number, part in enumerate(parts[:-1]) if part.kind == parts[number + 1].kind == "text" and part.em
                and not parts[number + 1].em and JOURNAL_AFTER.match(parts[number + 1].text)}
    for segment in segments if not item.authors else []:
        if segment in journals:
            continue
        authors = authors_of(segment) if normal_key(segment) != normal_key(item.title) else ""  # "*Long Short-Term Memory* (1997)" names no one
        if authors:
            item.authors = authors
            leftover = leftover.replace(segment.strip(" *_"), " ", 1)
            at = item.title.find(segment.strip(" *_"))
            if at > 0 and item.title[:at].rstrip().endswith("."):  # "Title. *A. Owl, B. Heron*. ICML 2018.": the names end the title
                item.title = item.title[:at].rstrip(" .")
            break
    if not item.venue:  # "*NeurIPS*, 2023" or "*Transactions on Machine Learning Research*, 2023": the venue in italics, then its year
        for number, part in enumerate(parts[:-1]):
            after = parts[number + 1]
            year_after = JOURNAL_AFTER.match(after.text) if part.kind == after.kind == "text" and part.em and not after.em else None
            if year_after and 1 <= len(part.text.split()) <= 8 and part.text.strip() not in taken:
                item.venue = f"{' '.join(part.text.split()).strip(' ,.')} {year_after.group(1) or year_after.group(2)}"
                leftover = take(take(leftover, part.text.strip()), year_after.group(0).strip())
                break
    labels = [part.text for part in links if VENUE_ONLY.fullmatch(part.text.strip())]  # "Title - [NeurIPS 2020](…)"
    date_and_venue(item, [*badges, leftover, item.venue, cleaned.year, *labels], year)
    if not item.venue:  # "— Rives et al., *PNAS*.": a venue named alone in italics, in the entry's year
        named = next((said.strip(" .,;") for said in italics if VENUE_ONLY.fullmatch(said.strip(" .,;")) and not re.search(r"\d", said)), "")
        if named:
            item.venue = f"{named} {item.date[:4]}".strip()
            leftover = take(leftover, named)
    leftover = _fields_read(leftover, inlines[1:], item)
    leftover = " ".join(re.sub(r"[\[\]|]|\(\s*\)|:[a-z_]+:", " ", leftover).split()).strip(" |-\u2013—:,*\"\u201c\u201d")  # and :star: shortcodes
    leftover = DANGLING_LABEL.sub(lambda found: " " if is_label(found.group(1)) else found.group(0), leftover).strip()  # "Paper: [arXiv](…)": its link went
    leftover = re.sub(r"^(?:\.\s*)+", "", leftover)  # the full stops after authors and title once both went
    leftover = re.sub(r"\s+\.+$", "", leftover)  # "*Venue*." (or "*Venue*..") leaves a stray full stop once the italics go
    if item.date:  # "[Title](…) (2021) — notes": the year is the date now, the notes are what is left
        leftover = re.sub(rf"^\(\s*{item.date[:4]}\s*\)\s*[-\u2013\u2014:,]*\s*", "", leftover)
    # "[Title](…) (ACL '20) — notes", "【CVPR 2024】[Title](…)\uff082024.03\uff09\uff1a说明": the venue and date went to their fields, the notes are what is left
    while (tag := READ_TAG.match(leftover)) and ((item.venue and VENUE_ONLY.fullmatch(tag.group(1))) or (item.date and normal_date(tag.group(1)))):
        leftover = leftover[tag.end() :]
    venue_said = VENUE_TEXT.match(leftover)
    if venue_said and not item.venue:
        item.venue = f"{venue_said.group(1)} {venue_said.group(2) if len(venue_said.group(2)) == 4 else '20' + venue_said.group(2)}"
    if item.venue:
        item.facts.insert(0, ("Venue", item.venue))
    if leftover and not SEPARATORS.match(leftover) and not (venue_said or (item.venue and normal_key(leftover) == normal_key(item.venue))) and not heading_title and says_more(leftover, item):
        item.facts.append(("Note", leftover))
    if not item.title:
        if not links and not text.strip():
            return None
        # "[[Paper]](…) Title, CVPR 2023", "[pdf](…) | Title | ICML 2023": the words beside the labelled links
        words = plain([p for p in parts if p.kind == "text" or (p.kind == "link" and not is_label(p.text))])[:200]
        cells = [cell.strip() for cell in words.split("|") if cell.strip() and not SEPARATORS.match(cell) and not VENUE_ONLY.fullmatch(cell.strip())]
        item.title = clean_title(cells[0] if cells else words).text or clean_title(plain(parts)[:120]).text
        item.facts = [(label, rest) for label, said in item.facts if (rest := said if label != "Note" else " ".join(take(said, item.title).split()).strip(" |,.")) and (label != "Note" or says_more(rest, item))]
        item.venue = item.venue or clean_title(plain([p for p in parts if p.kind == "text"])[:200]).venue
    if not item.paper_url and (named := paper_named(" ; ".join([*badges, text]))):
        # "**Title** ![arXiv](…/badge/arXiv-2310.12345-b31b1b.svg)", "Title. Authors. arXiv:2310.12345": the id it names is its paper
        item.links.insert(0, LabelledLink("paper", named))
    _paper_on_a_paper_host(item)
    _publisher_over_an_index(item)
    return item


def _publisher_over_an_index(item: Item) -> None:
    """"*Title* [[Google Scholar]](…) [[pdf]](https://papers.nips.cc/…)": the proceedings' copy is the paper, the index a link of its own."""
    current = next((link for link in item.links if link.kind == "paper"), None)
    published = next((link for link in item.links if link.kind == "other" and is_paper_url(link.url) and not INDEX_HOST.match(link.url)), None)
    if current is None or published is None or not INDEX_HOST.match(current.url):
        return
    current.kind, current.label = "other", current.label or "index"
    published.kind, published.label = "paper", ""
    item.links.sort(key=lambda link: link.kind != "paper")


#: "Title (2016). A. Owl, B. Heron": a title, its year in brackets, then its authors
YEAR_THEN_AUTHORS = re.compile(r"^(.{8,600}?)\s*\(\s*(?:19|20)\d{2}\s*\)\s*[.,]\s+([^()]{3,1500})$")


def _paper_on_a_paper_host(item: Item) -> None:
    """A badge saying "arXiv" that points at a blog is no paper link when the entry links a paper host too
    (a figure's "Source paper"): that one is the paper, the blog its homepage."""
    current = next((link for link in item.links if link.kind == "paper"), None)
    hosted = next((link for link in item.links if link.kind != "paper" and is_paper_url(link.url) and not link.url.lower().endswith(".pdf")), None)
    if current is None or hosted is None or is_paper_url(current.url):
        return
    current.kind = "homepage"
    hosted.kind, hosted.label = "paper", ""
    item.links.sort(key=lambda link: link.kind != "paper")


def _names_it(word: str, source: str) -> bool:
    """``GPT-3`` in ``<u>GPT-3</u>: "Title"`` names the paper; so does a word shaped as a name (``OwlGPT``, ``T5``,
    ``Tk-Instruct``), but not a word of prose ("Note: ...", "New: ...")."""
    if re.search(rf"<u>\s*{re.escape(word)}\s*</u>", source, re.IGNORECASE):
        return True
    return " " not in word and re.search(r"(?<=.)[A-Z\d\-]|\d", word) is not None


def _name_then_title(head: list[Piece], link: Piece) -> tuple[str, str] | None:
    """(name, title) when an entry opens with a link naming the paper and the title follows it after a colon:
    ``[Kite](…): Planning for Kites`` (the title is "Kite: Planning for Kites"), ``[[Kite]](…) Kite: Planning for Kites``."""
    at = next(number for number, part in enumerate(head) if part is link)
    rest = " ".join(plain(list(itertools.takewhile(lambda part: part.kind == "text", head[at + 1 :]))).split())
    name = link.text.strip("[] ")
    if not name or len(name) > 30 or is_label(name) or paper_like(name):
        return None
    if re.match(r":\s*\S", rest) and _headline(rest[1:].strip()):
        return name, f"{name}: {rest[1:].strip()}"
    if rest.casefold().startswith(name.casefold() + ":") and _headline(rest):
        return name, rest
    return None


def _headline(text: str) -> bool:
    """Words written as a title's, not a sentence describing the paper: four to twenty of them, most long ones
    capitalised ("Planning for Kites with Language Models"), no full stop at the end."""
    words = text.split()
    long = [word for word in words if len(word) >= 4 and word[0].isalpha()]
    return paper_like(text) and len(words) <= 20 and not re.search(r"(?<!\.)\.$", text) and bool(long) \
        and sum(word[0].isupper() for word in long) >= 0.6 * len(long)


def _take_title(item: Item, run: str, inlines: list[Token], taken: list[str]) -> None:
    """A bold run as the title: ``**Name**: rest of the title`` names the paper too."""
    subtitle = subtitle_after_bold(inlines[0])
    linked = "" if subtitle else linked_title_after_bold(inlines[0])
    if linked and len(run) <= 40 and not is_label(linked) and paper_like(linked):
        item.title, item.name = linked, run.rstrip(":")  # "**Kite**: [Planning for Kites](…)": the name, then the title it stands for
        taken += [run, linked]
        return
    item.title = f"{run.rstrip(':')}: {subtitle}" if subtitle and len(run) <= 40 else run
    if subtitle and len(run) <= 40:
        item.name = run.rstrip(":")
        taken += [run, subtitle]
    else:
        taken.append(run)


def credit(item: Item, cleaned: Title) -> None:
    """What :func:`clean_title` set apart from the title that is the item's: its name, a tag, the group credited."""
    item.name = item.name or cleaned.name
    if cleaned.tag:
        item.tags.append(cleaned.tag)
    if cleaned.by:
        item.facts.append(("Institution", cleaned.by))


#: a bracketed tag opening what is left of an entry: "(ACL '20)", "【CVPR 2024】", "\uff082024.03\uff09\uff1a" (full-width brackets and colon too)
READ_TAG = re.compile(r"[(\[\u3010\uff08]\s{0,5}([^\s()\[\]\u3010\u3011\uff08\uff09][^()\[\]\u3010\u3011\uff08\uff09]{0,29}?)\s{0,5}[)\]\u3011\uff09]\s*[-\u2013\u2014:,\uff1a]*\s*")


#: a line saying one field: "Paper link: …", "Code: …", "Authors: …", "Venue: ICLR 2023"; in any script, with a
#: full-width colon too: "作者\uff1a…", "著者 / Authors: …"
FIELD_LINE = re.compile(r"^\s*([^\W\d_]{1,31}(?:[ &/-]{1,3}[^\W\d_]{1,30}){0,5}?)\s*[:\uff1a]\s*\S")  # letters only: "GPT-4: Title" names a paper


def _fields_read(leftover: str, lines: list[Token], item: Item) -> str:
    """``leftover`` without the field lines under a title whose value was read ("Date: 2024/04", "作者\uff1aA, B" once the
    names went, "Links: " once its links went): they are the page's fields now, no note."""
    for line in lines:
        said = " ".join(plain([p for p in pieces(line) if p.kind == "text"]).split())
        label = FIELD_LINE.match(said + " x")  # "Links: " (its links gone) is a field too
        if label is None:
            continue
        value = said[label.end() - 1 :].strip(" |,;")
        # a value that is only the date, the venue or the names read, or nothing (its links went)
        read = not value or (normal_date(value) and item.date.startswith(normal_date(value))) or (item.venue and VENUE_ONLY.fullmatch(value) and venue_year(value)[0] in item.venue) \
            or (item.authors and authors_of(value) == item.authors)
        if not read:
            continue
        if said in leftover:
            leftover = leftover.replace(said, " ", 1)
        else:  # its value went already (the authors): the label alone is left
            leftover = leftover.replace(said[: label.end() - 1].strip(), " ", 1)
    return leftover


def take(text: str, said: str) -> str:
    """``text`` without the first ``said`` in it; a short word or number only where it stands alone (a row's
    "2" is no part of "2006")."""
    if said and said[0].isalnum() and said[-1].isalnum():
        return re.sub(rf"(?<!\w){re.escape(said)}(?!\w)", " ", text, count=1)
    return text.replace(said, " ", 1)


def _segments(parts: list[Piece], taken: list[str]) -> list[str]:
    """The text between line breaks and paragraphs, and after "(2015)," or "(arXiv 2023),": where a list writes authors.
    A line of its own is a segment too ("**Title** (2013)" then "   A. Owl, B. Heron. ICLR 2013." on the next line)."""
    segments, current = [], ""
    for part in parts:
        if part.kind == "br":
            segments.append(current)
            current = ""
        elif part.kind == "text" and "\n" in part.text:
            *ended, current = (current + part.text).split("\n")
            segments += ended
        elif part.kind == "text":
            current += part.text
        elif part.kind == "link":
            current += " | "
    segments.append(current)
    out = []
    for segment in segments:
        for said in taken:
            segment = take(segment, said)
        # "(2015),", "(arXiv preprint 2023) ,", "(IEEE S&P 2019) — A. Owl", "(AISec '23) — A. Owl"
        after = re.split(r"\([^()]{0,30}?(?:(?<!\d)(?:19|20)\d{2}|['\u2019]\d{2})(?!\d)[^()]{0,10}\)\s*[,.\-\u2013\u2014]", segment, maxsplit=1)
        out += [piece.strip(" |,.*[]") for piece in after[-1].split("|") + segment.split("|") if piece.strip(" |,.*[]")]  # "Authors. [[Paper](…)]"
    return out


def place_group(inlines: list[Token], section: str, year: str, path: str, parsed: Parsed, tags: tuple[str, ...]) -> None:
    item = read_group(inlines, (inlines[0].map or [0])[0] + 1, section, year, path, parsed, tags)
    if item is not None:
        place(item, parsed)
