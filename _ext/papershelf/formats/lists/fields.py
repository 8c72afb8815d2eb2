"""What one entry's text says besides its links: the title as a reader would write it, its date,
venue and authors. Shared by every list shape; each rule reads plain text (link targets left out).

Every pattern here is bounded: no nested quantifiers over the input, so a hostile line costs
linear time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from papershelf.formats.dates import MONTHS

#: venues and archives a list writes before a year ("CVPR 2023", "ICML'23", "NeurIPS-2024")
VENUES = (
    "NeurIPS", "NIPS", "ICML", "ICLR", "CVPR", "ECCV", "ICCV", "ACL", "EMNLP", "NAACL", "EACL", "AACL", "COLING", "AAAI",
    "IJCAI", "KDD", "SIGKDD", "WWW", "TheWebConf", "SIGIR", "WSDM", "CIKM", "ICDM", "SDM", "ICDE", "VLDB", "SIGMOD", "TPAMI",
    "PAMI", "IJCV", "TACL", "CoRL", "RSS", "ICRA", "IROS", "HRI", "RAL", "RA-L", "arXiv", "Arxiv", "arxiv", "Preprint", "TMLR",
    "bioRxiv", "medRxiv", "ChemRxiv",
    "JMLR", "WACV", "BMVC", "ACM MM", "MM", "UAI", "AISTATS", "COLT", "Interspeech", "ICASSP", "Nature", "Science", "PNAS",
    "TNNLS", "TKDE", "TIP", "TOG", "SIGGRAPH", "SIGGRAPH Asia", "ECAI", "ECML", "PKDD", "ECML-PKDD", "MICCAI", "CHI", "UIST",
    "LoG", "COLM", "FAccT", "ICSE", "FSE", "ASE", "OSDI", "SOSP", "NSDI", "MLSys", "ISCA", "MICRO", "HPCA", "ASPLOS", "DAC",
    "ICCAD", "EuroSys", "ATC", "SC", "PPoPP", "AAMAS", "IJCNN", "ICONIP", "CoNLL", "SemEval", "NLPCC", "TKDD", "TOIS", "TIST",
    "ICWSM", "ICME", "IJCNLP", "Findings", "ACM Computing Surveys", "CSUR", "Neurocomputing", "Bioinformatics", "KR", "CAV",
    "3DV",
    # security, systems and databases, HCI and speech, theory and cryptography, robotics journals
    "USENIX Security", "USENIX Sec", "IEEE S&P", "S&P", "Oakland", "CCS", "NDSS", "AISec", "CSCW", "CIDR", "PVLDB", "TASLP", "JSTSP", "ASRU",
    "SLT", "ISMIR", "STOC", "FOCS", "SODA", "ICALP", "TCC", "EUROCRYPT", "CRYPTO", "T-RO", "IJRR",
)
_VENUE = "|".join(sorted((re.escape(name) for name in VENUES), key=len, reverse=True))
#: a venue and its year: "CVPR 2018", "ICML'23", "ICLR-23", "NeurIPS-2024", "ICLR2024", "Conference-ICML'23" (a badge's text)
VENUE_YEAR = re.compile(rf"(?<![A-Za-z])({_VENUE})(?:\s+(?:Findings|Workshops?))?\s*(?:(?:['\u2019]\s*|-)(\d{{2}})(?!\d)|[\s\-_]?((?:19|20)\d{{2}})(?!\d|\.\d))")  # "arXiv 2002.10000" is an id, not arXiv 2002
#: a link text naming only a venue, a year or both ("arXiv 2023", "[CVPR'24]", "(2021)")
VENUE_ONLY = re.compile(rf"[\W_]{{0,4}}(?:(?:{_VENUE})(?:\s*(?:(?:['\u2019]\s*|-)\d{{2}}|[\s\-]?(?:19|20)\d{{2}}))?|(?:19|20)\d{{2}})[\W_]{{0,4}}")
#: a venue tag in front of a title: "[NeurIPS 2024]", "(ICML'21)", "NeurIPS 2024:", "[CVPR]", "【CVPR 2023】" (CJK brackets)
LEADING_TAG = re.compile(
    rf"^\s*(?:[\[(\u3010\uff08]\s*([^\[\]()\u3010\u3011\uff08\uff09]{{1,40}}?)\s*[\])\u3011\uff09]\s*[:\-\u2013|]?\s*|((?:{_VENUE})\s*(?:['\u2019]\s*\d{{2}}|[\s\-]?(?:19|20)\d{{2}}))\s*[:\-\u2013|]\s*)"
)
#: a title that ends in its venue: "Global Vectors for Word Representation. EMNLP 2014."
#: or a full stop and a venue alone: "Large Language Models Encode Clinical Knowledge. arXiv", "... text mining. Bioinformatics , 2020"
TRAILING_VENUE = re.compile(
    rf"^(.{{8,}}?)\s*(?:[.,]\s+((?:{_VENUE})(?:\s+Findings)?\s*,?\s*(?:['\u2019]\s*\d{{2}}|[\s\-]?(?:19|20)\d{{2}}))|\.\s+({_VENUE}))\s*\.?$"
)
#: what a venue gave a paper, written after it
AWARD = r"(?:Oral|Spotlight|Poster|Highlight|Best\s+(?:Student\s+)?Paper(?:\s+(?:Award|Hono(?:u)?rable\s+Mention|Runner[- ]up))?|Outstanding\s+Paper(?:\s+Award)?)"
#: a title that ends in its venue, or year, in parentheses: "CogAgent: A Visual Language Model for GUI Agents (arXiv 2023)", "PPO (2017)"
#: (a venue's award after it: "(ICLR 2022 Oral)", "(CVPR 2023, Best Paper)")
TRAILING_PAREN = re.compile(rf"^(.{{8,}}?)\s*[(\[]\s*((?:(?:{_VENUE})(?:\s+Findings)?\s*(?:['\u2019]\s*\d{{2}}|[\s\-,]*(?:19|20)\d{{2}})?(?:,?\s+{AWARD})?)|(?:19|20)\d{{2}})\s*[)\]]\s*\.?$")
#: a venue and year between a title and a description, all in one run of text
MIDDLE_VENUE = re.compile(rf"^(.{{12,300}}?)\s+[(\[]?((?:{_VENUE})\s*(?:['\u2019]\s*\d{{2}}|[\s\-]?(?:19|20)\d{{2}}))[)\]]?[\s:,.\-\u2013]+([A-Za-z].{{8,}})$")
#: a date in digits opening a title, then a separator: "2023-11-02 | Title", "2024.03 - Title"
LEADING_DATE = re.compile(r"((?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?)\s{0,3}[|:\-\u2013\u2014]\s{1,3}")
ARXIV_TAG = re.compile(r"^\[\s*(?:arXiv:)?\d{4}\.\d{4,5}(?:v\d+)?\s*\]\s*", re.IGNORECASE)
ROW_NUMBER = re.compile(r"^\s*(?:\d{1,4}\s*[.)\]:]|\[\d{1,4}\])\s+(?=\S)")
TEX_ESCAPE = re.compile(r"\\([&%$#_{}])")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
#: 2023-05-04, 2023/5, 2023.10 (a year and a month written with digits)
NUMERIC_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s?[-./]\s?(\d{1,2})(?:\s?[-./]\s?(\d{1,2}))?(?![\d.]*\d)")
#: "May 2024", "Aug. 5, 2024", "5 June 2023", "12th Jan 2024", "Jan-2024", "September, 2023", "2023 June"
WORD_DATE = re.compile(rf"(?<![A-Za-z])(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({_MONTH})[\s,-]*(?:(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:,\s*)?)?((?:19|20)\d{{2}})(?!\d)|(?<!\d)((?:19|20)\d{{2}})\s+({_MONTH})(?![A-Za-z])", re.IGNORECASE)
#: a date written with year, month and day marks, as Chinese, Japanese and Korean lists write it: "2023年4月17日", "2023年05月", "2023년 5월"
CJK_DATE = re.compile(r"((?:19|20)\d{2})\s?[\u5e74\ub144](?:\s?(\d{1,2})\s?[\u6708\uc6d4](?:\s?(\d{1,2})\s?[\u65e5\uc77c])?)?")
PAREN_YEAR = re.compile(r"\(\s*((?:19|20)\d{2})\s*\)")
BARE_YEAR = re.compile(r"(?<![\w./-])((?:19|20)\d{2})(?![\w/-]|\.\d)")  # not an arXiv id ("2002.10000")
#: a heading or paragraph saying only a date or period: "2023", "*(2016)*", "(June 23 - June 29) - 2025", "May 2024"
DATE_ONLY = re.compile(rf"^(?:[\s\W\d_]|{_MONTH}|week|to|from|until|updated?|papers?|in|of)*$", re.IGNORECASE)
#: labels a link carries when its text says what it is, not what it is called
LABEL_WORDS = {
    "paper", "papers", "pdf", "here", "link", "links", "arxiv", "code", "codes", "project", "project page", "github", "homepage", "home page", "demo",
    "website", "web", "page", "site", "official", "publish", "published", "star", "stars", "paper list", "list", "source", "source code", "repo",
    "repository", "blog", "video", "slides", "poster", "model", "models", "dataset", "data", "doi", "bibtex", "abstract", "html", "openreview",
    "url", "download", "checkpoint", "weights", "huggingface", "hf", "demo page", "supplementary", "supp", "talk", "pytorch", "tensorflow",
    "jax", "available", "online", "implementation", "official code", "unofficial code", "pytorch code", "tensorflow code", "code and data", "model and code",
    "code & model", "model & code", "code and model", "more", "details", "read", "full text", "preprint", "journal", "conference",
    "survey", "survey paper", "arxiv paper", "full paper", "paper pdf", "pdf link", "report", "tech report", "technical report", "tweet",
    "twitter", "youtube", "bilibili", "b站", "知乎", "论文", "代码", "链接", "项目", "主页", "视频", "项目主页", "模型", "数据集", "演示", "博客",
    "論文", "コード", "リンク", "プロジェクト", "プロジェクトページ", "ホームページ", "モデル", "データセット", "デモ", "ブログ", "動画",
    "논문", "코드", "링크", "프로젝트", "홈페이지", "모델", "데이터셋", "데모", "블로그", "비디오",
    # where the paper is shown, not what it is called
    "acl anthology", "anthology", "pmlr", "proceedings", "semantic scholar", "papers with code", "paperswithcode", "google scholar",
    "scholar", "researchgate", "citeseerx", "citeseer", "dblp", "ieee xplore", "acm dl", "acm digital library", "springer", "ssrn", "biorxiv", "medrxiv",
    "cvf", "openaccess", "open access", "hugging face", "hugging face papers", "hf papers", "alphaxiv", "papers cool", "ar5iv", "pubmed", "pmc",
    "pubmed central", "europe pmc",
}
GENERIC_ACRONYMS = {
    "ai", "agi", "llm", "llms", "vlm", "vlms", "mllm", "mllms", "lmm", "lmms", "gpt", "kv", "nlp", "rl", "gnn", "gnns", "cnn", "cnns", "rnn",
    "rnns", "lstm", "lstms", "gan", "gans", "vae", "vaes", "arxiv", "https", "http", "url", "3d", "2d", "qa", "vqa", "ml", "dl", "ir", "cv",
    "asr", "tts", "moe", "rag", "icl", "cot", "sft", "rlhf", "dpo", "ppo", "api", "apis", "gpu", "gpus", "cpu", "tpu", "iot", "ocr", "sota",
    "ood", "nerf", "vit", "vits", "bert", "mlp", "mlps", "pdf", "faq", "svm", "em", "map", "mdp", "pomdp", "slam", "ner", "mt", "nmt", "kg",
    "kgs", "sql", "json", "html", "ui", "gui", "llama", "gpt-4", "gpt-3", "gpt-4v", "gpt4", "chatgpt", "ieee", "acm",
}


@dataclass
class Title:
    """A title as the list wrote it, cleaned: what was in front (a venue tag) and after (a description) set apart."""

    text: str
    venue: str = ""  #: a venue tag that stood in front ("NeurIPS 2024")
    rest: str = ""  #: what followed a quoted title (", *IJCAI, Aug 2024*")
    year: str = ""  #: a year in parentheses after it ("(2017)")
    name: str = ""  #: the list's name of the paper in brackets in front ("[FlashAttention] Fast and …")
    tag: str = ""  #: a word in brackets in front that sorts the paper, no name of it ("[Survey] …")
    by: str = ""  #: the group the list credits after the title ("…(@Stanford University)")


def unescape_tex(text: str) -> str:
    """``\\&`` -> ``&``: a list's TeX escapes are no part of what a reader sees."""
    return TEX_ESCAPE.sub(r"\1", text)


#: a link text that is only an identifier: an arXiv id (with "arXiv:" or not), a DOI
IDENTIFIER_ONLY = re.compile(r"(?:arxiv\s?[:\s]\s?)?\d{4}\.\d{4,5}(?:v\d{1,2})?|(?:doi\s?:?\s?)?10\.\d{4,9}/\S{1,200}", re.IGNORECASE)


def is_label(text: str) -> bool:
    """A link text saying what the link is ("Paper", "📄 PDF", "[code]", a URL), not the paper's title."""
    words = " ".join(re.sub(r"[^\w\s&+-]", " ", text.lower()).split())
    if not words or re.fullmatch(r"https?://\S+|www\.\S+", text.strip()):
        return True
    if VENUE_ONLY.fullmatch(text.strip()):  # "[arXiv 2023]", "CVPR'24", "2021": where and when, no title
        return True
    if IDENTIFIER_ONLY.fullmatch(text.strip()):  # "[2310.12345](…)", "[arXiv:2310.12345](…)", "[10.1145/3586183](…)": which paper, not its title
        return True
    if words in LABEL_WORDS or words.rstrip("s") in LABEL_WORDS or words.replace(" link", "") in LABEL_WORDS or words.replace("&", "and") in LABEL_WORDS:
        return True
    # "CVPR open access", "NeurIPS proceedings", "ICLR 2024 paper": where it appeared, then what the link is
    venue = VENUE_LABEL.match(text.strip())
    return venue is not None and " ".join(re.sub(r"[^\w\s&+-]", " ", text.strip()[venue.end() :].lower()).split()) in LABEL_WORDS


#: a venue (and year) in front of a link's label: "CVPR open access", "NeurIPS'22 paper"
VENUE_LABEL = re.compile(rf"(?:{_VENUE})(?:\s*(?:['\u2019]\s*\d{{2}}|[\s\-]?(?:19|20)\d{{2}}))?\s+(?=\S)")


def written_as_a_name(said: str) -> bool:
    """One to three words, each written as a name's ("VITS", "Tacotron 2", "VALL-E", "MusicGen"): a capital or a
    digit opening it or inside it; no award ("Oral", "Best Paper"), label or year."""
    words = said.split()
    return 0 < len(words) <= 3 and all(re.fullmatch(r"[\w.+/'-]+", word) and re.search(r"[A-Z\d]", word) for word in words) \
        and re.search(r"[^\W\d_]", said) is not None and not is_label(said) and not re.fullmatch(AWARD, said) \
        and not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)|^(?:Workshops?|Findings|Journal|Extended|Demo)$", said)


def paper_like(title: str) -> bool:
    """A title that reads as a paper's ("Learning Transferable Visual Models From Natural Language Supervision"),
    not as a model's or a data set's name ("CLIP", "ChemCrow") or a citation ("Boiko et al.")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", title)
    if re.search(r"\bet\s+al\b", title):
        return False
    return len(words) >= 4 or (":" in title and len(words) >= 3)


def clean_title(text: str) -> Title:
    """A title without what readers would call wrong: a row number or a venue tag in front, wrapping quotes,
    a trailing period, TeX escapes, decoration (emoji, ``:star:``)."""
    title = " ".join(unescape_tex(text).split())
    title = re.sub(r"^(?::[a-z_]+:\s*)+", "", title)  # GitHub's :star: shortcodes
    title = re.sub(r"^[^\w\"\u201c'(\[\u3010\uff08]+", "", title)  # emoji and bullets in front
    title = ROW_NUMBER.sub("", title)
    title = ARXIV_TAG.sub("", title)  # "[2311.16493] Title": arXiv's own page title, copied
    venue = year = ""
    dated = LEADING_DATE.match(title)
    if dated and len(title) >= dated.end() + 4:
        year, title = find_date(dated.group(1)), title[dated.end() :]  # "2023-11-02 | Title": when, then what
    tag = LEADING_TAG.match(title)
    if tag and len(title) >= tag.end() + 4:
        said = (tag.group(1) or tag.group(2) or "").strip()
        if not tag.group(2) and DATE_ONLY.match(said) and find_date(said) and not VENUE_YEAR.search(said):
            year, title = find_date(said), title[tag.end():]  # "[2023.10] Title", "(Mar 2024) Title": a date tag, not a venue
        elif tag.group(2) or VENUE_YEAR.search(said) or re.fullmatch(_VENUE, said) or re.search(r"(?:19|20)\d{2}|'\d{2}", said):
            venue, title = said, title[tag.end():]
    name = sorting = by = ""
    front = None if venue else bracket_tag(title)
    if front:
        name, sorting, title = front
    credited = CREDIT.search(title)
    if credited:
        title, by = title[: credited.start()], credited.group(1)
    rest = ""
    quoted = re.match(r"^[\"\u201c](.{3,}?)[\"\u201d](.*)$", title)
    if quoted and not re.match(r"\s*:\s*\w", quoted.group(2)):  # "“Why Should I Trust You?”: Explaining …" keeps its quote
        title, rest = quoted.group(1).strip(), quoted.group(2).strip()
    title = title.strip(" \t,;|")
    # "* Title ([pdf](…), [code](…))": the bracket opened before the links is no part of the title
    title = title[:-1].rstrip() if title.endswith(("(", "[", "\uff08")) else title
    # "Title 🔥", "Title :star:": a mark after the title (a symbol after a space; "Owl™" keeps its sign)
    while (mark := re.search(r"\s+(:[a-z_]+:|[^\w\s]+)$", title)) and (
            re.fullmatch(r":[a-z_]+:", mark.group(1)) or all(unicodedata.category(char) in ("So", "Mn", "Cf") for char in mark.group(1))):
        title = title[: mark.start()].rstrip()
    trailing = TRAILING_VENUE.match(title)
    if trailing and not venue:
        title, venue = trailing.group(1).rstrip(" (),"), " ".join((trailing.group(2) or trailing.group(3)).replace(",", " ").split())
    in_parens = None if venue else TRAILING_PAREN.match(title)
    if in_parens:
        title, said = in_parens.group(1).rstrip(" ,"), " ".join(in_parens.group(2).replace(",", " ").split())
        venue, year = ("", said) if said.isdigit() else (said, year)
    middle = None if venue or rest else MIDDLE_VENUE.match(title)
    if middle and paper_like(middle.group(1)) and len(middle.group(3).split()) >= 3 and not re.search(r"\b(?:of|at|in|on|for|from|to|the|a|an|and|with|by)$", middle.group(1), re.IGNORECASE):
        # "Learning To Retrieve Prompts NAACL 2022 Learn an example retriever": a title, its venue, what it does
        title, venue, rest = middle.group(1), middle.group(2), middle.group(3)
    title = re.sub(r"\s*(?<!\.)\.{1,2}$", "", title)  # "Title." and a stray "Title ..", not an ellipsis "Title..."
    return Title(title, venue, rest, year, name, sorting, by)


#: words a list puts in brackets before a title to sort it, not to name it ("[Survey] …", "[Oral] …")
SORTING_TAGS = frozenset({"survey", "review", "benchmark", "dataset", "datasets", "tutorial", "position", "position paper", "oral", "spotlight",
                          "poster", "highlight", "new", "hot", "updated", "code", "demo", "preprint", "tool", "toolkit", "library", "blog",
                          "workshop", "best paper", "open source", "technical report", "tech report", "report", "book", "thesis"})
#: a name or a tag in square brackets before a title, then a space or a separator: "[Medusa] Medusa: …", "【综述】 …"
#: (round brackets are left alone: "(Un)likelihood Training" is a title)
BRACKET_TAG = re.compile(r"^\s*[\[\u3010]\s*([^\[\]\u3010\u3011]{1,40}?)\s*[\]\u3011](?:\s*[:\-\u2013|]\s*|\s+)(?=\S)")
#: the group a list credits after a title: "…with IO-Awareness(@Stanford University etc)"
CREDIT = re.compile(r"\s*[(\uff08]\s*@\s*([^()\uff08\uff09@]{1,80}?)\s*[)\uff09]\s*$")


def bracket_tag(text: str) -> tuple[str, str, str] | None:
    """``"[FlashAttention] Fast and …"`` -> (name, tag, title): what a list wrote in brackets before a title is the
    paper's name when it names it (the title uses it, or it is written like a name: "FlashAttention", "GPT-4"),
    else a tag that sorts it ("[Survey]", "[NLP]"); None for a venue, a year or a number, or nothing after it."""
    front = BRACKET_TAG.match(text)
    if not front or len(text) - front.end() < 8:
        return None
    said, rest = front.group(1), text[front.end() :]
    if not re.search(r"\w", said) or said.isdigit() or VENUE_YEAR.search(said) or re.fullmatch(_VENUE, said) or re.search(r"(?:19|20)\d{2}|'\d{2}", said):
        return None
    used = re.search(rf"(?<!\w){re.escape(said)}(?!\w)", rest, re.IGNORECASE)
    name_like = bool(re.search(r"[a-z][A-Z]|\d|\w-\w", said)) and len(said.split()) <= 3
    if said.lower() not in SORTING_TAGS and (used or name_like):
        return said, "", rest
    return "", said, rest


#: one-word journal names that end longer ones ("Chemical Science", "Cognitive Science", "Physical Review" aside)
ENDS_LONGER_NAMES = {"Science", "Nature"}
LONGER_NAME = re.compile(r"((?:[A-Z][a-z]+ ){1,3})$")


def venue_year(text: str) -> tuple[str, str]:
    """(venue, year) of the first "CVPR 2018", "ICML'23", "ICLR2024" in ``text``; ("", "") when none."""
    found = VENUE_YEAR.search(text)
    if not found:
        return "", ""
    year = found.group(3) or ("20" + found.group(2) if int(found.group(2)) < 50 else "19" + found.group(2))
    venue = found.group(1)
    if venue in ENDS_LONGER_NAMES:  # "Chemical Science 2018" is that journal, not Science
        longer = LONGER_NAME.search(text[max(0, found.start() - 60) : found.start()])
        venue = longer.group(1) + venue if longer else venue
    return venue, year


def venue_spelled_out(text: str) -> str:
    """"ICLR'17" -> "ICLR 2017", "ECCV'20 (Oral)" -> "ECCV 2020 (Oral)": a venue cell's year written out, the rest kept."""
    found = VENUE_YEAR.match(text.strip())
    if not found:
        return text
    venue, year = venue_year(found.group(0))
    return f"{venue} {year}{text.strip()[found.end():]}"


def find_date(text: str) -> str:
    """The date ``text`` gives, most precise first: ISO-ish digits, a month and year, a venue's year, ``(YYYY)``, a bare year."""
    text = western_date(text)
    for match in NUMERIC_DATE.finditer(text):
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        if 1 <= month <= 12:
            return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
    worded = WORD_DATE.search(text)
    if worded:
        name = worded.group(2) or worded.group(6) or ""
        year = worded.group(4) or worded.group(5)
        day = int(worded.group(1) or worded.group(3) or 0)
        month = MONTHS.get(name[:3].lower(), 0)
        if month:
            return f"{year}-{month:02d}" + (f"-{day:02d}" if 1 <= day <= 31 else "")
    year = venue_year(text)[1]
    if year:
        return year
    alone = PAREN_YEAR.search(text) or BARE_YEAR.search(text)
    return alone.group(1) if alone else ""


def western_date(text: str) -> str:
    """"2023年04月17日" -> "2023-04-17", "2023年5月" -> "2023-5", "2023年" -> "2023": the date in the digits the other rules read."""
    return CJK_DATE.sub(lambda found: "-".join(part for part in found.groups() if part), text) if "\u5e74" in text or "\ub144" in text else text


def month_heading(text: str, year: str) -> str:
    """"### March" (or "### 3月", "### 3월") under "## 2024": the month of that year ("2024-03"); ``""`` for any other heading or without a year."""
    said = re.fullmatch(rf"\W*(?:({_MONTH})|(\d{{1,2}})\s?[\u6708\uc6d4])\W*", text, re.IGNORECASE)
    month = (MONTHS[said.group(1)[:3].lower()] if said.group(1) else int(said.group(2))) if said else 0
    return f"{year[:4]}-{month:02d}" if 1 <= month <= 12 and year[:4].isdigit() else ""


def date_heading(text: str) -> str:
    """The date a heading or a paragraph of its own gives when it says nothing else ("2023", "*(2016)*",
    "(June 23 - June 29) - 2025"); ``""`` otherwise."""
    plain = western_date(text.strip(" *_#"))
    if not plain or len(plain) > 60 or not re.search(r"(?:19|20)\d{2}", plain) or not DATE_ONLY.match(plain):
        return ""
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", plain)
    if len(set(years)) != 1:
        return years[0] if years and re.fullmatch(r"\W*(?:19|20)\d{2}\W*", plain) else ""
    numeric = NUMERIC_DATE.search(plain)
    if numeric and 1 <= int(numeric.group(2)) <= 12:  # "### 2023-05", "## 2024.03": a month written with digits
        return find_date(plain)
    months = re.findall(rf"(?<![A-Za-z]){_MONTH}", plain, re.IGNORECASE)  # a week "(December 30 - January 5) - 2025" ends in the year's month
    number = MONTHS.get(months[-1][:3].lower(), 0) if months else 0
    return f"{years[0]}-{number:02d}" if number else years[0]


def venue_heading(text: str) -> tuple[str, str]:
    """(venue, year) of a heading that opens with a venue and its year ("ICLR 2024", "NeurIPS 2023 (Datasets and
    Benchmarks)", "🔥 CVPR'24 Papers"): the papers under it appeared there; ("", "") for any other heading."""
    plain = re.sub(r"^[^\w]+", "", text.strip(" *_#"))
    found = VENUE_YEAR.match(plain)
    if found and len(plain) - found.end() <= 60:
        venue, year = venue_year(found.group(0))
        return f"{venue} {year}", year
    backwards = re.match(rf"((?:19|20)\d{{2}})\s*[-\u2013:]?\s*({_VENUE})(?![A-Za-z])", plain)  # "2022 ICML"
    if backwards and len(plain) - backwards.end() <= 60:
        return f"{backwards.group(2)} {backwards.group(1)}", backwards.group(1)
    return "", ""


def heading_date(text: str) -> str:
    """The date a heading names after its topic: "Top ML Papers of the Week (June 23 - June 29) - 2025",
    "News (May 2024)"; ``""`` when its end names no month and year."""
    plain = text.strip(" *_#")
    end = re.search(r"((?:19|20)\d{2})\W{0,3}$", plain)
    if not end:
        return ""
    opening = plain.rfind("(", 0, end.start())
    tail = plain[opening:] if opening >= 0 else plain[max(0, end.start() - 30) :]
    return date_heading(tail) if re.search(rf"(?<![A-Za-z]){_MONTH}", tail, re.IGNORECASE) else ""


#: one author: words opening with any capital ("Łukasz Kaiser"), a surname's particles in lower case ("Laurens van der Maaten")
AUTHOR_NAME = r"[^\W\d_a-z][\w'\u2019.-]*(?:\s+(?:(?:van|von|der|den|de|del|della|di|da|du|dos|le|la|ter|ten)\s+){0,3}[^\W\d_a-z][\w'\u2019.-]*){0,4}"
AUTHORS = re.compile(rf"^\s*{AUTHOR_NAME}(?:\s*(?:,\s*and\b|,|;|\band\b|&)\s*{AUTHOR_NAME}){{0,60}}(?:,?\s+et\s+al\.?)?\s*[.,]?\s*$")


#: one author as Vancouver (and PLOS) write them: a surname, then up to three initials run together ("Li H",
#: "Wolf FA", "Andersen-Nissen E", "Sonnhammer ELL")
_VANCOUVER_NAME = r"[^\W\d_][\w'\u2019-]{0,40}(?:\s[^\W\d_][\w'\u2019-]{0,40}){0,2}\s[A-Z]{1,3}"
VANCOUVER_PERSON = re.compile(rf"^{_VANCOUVER_NAME}$")


def _vancouver_as_bibtex(name: str) -> str:
    """"Sonnhammer ELL" as BibTeX reads a name: "Sonnhammer, E. L. L."."""
    surname, initials = name.rsplit(" ", 1)
    return f"{surname}, {' '.join(initial + '.' for initial in initials)}"


def authors_of(text: str) -> str:
    """``"A. Name, B. Name and C. Name."`` -> ``"A. Name and B. Name and C. Name"`` (BibTeX's form); ``""`` when
    the text is not a list of names."""
    text = re.sub(r"^\s*(?:(?:authors?|by)\s*:|by\s)\s*", "", " ".join(text.split()), flags=re.IGNORECASE)  # "Authors: A, B", "by A, B"
    text = re.sub(r"(?<=\w)[*\u2020\u2021\u00a7\u00b6#\u00b9\u00b2\u00b3\u2070-\u2079]+", "", text)  # "Rombach*", "Ho\u2020": marks of equal contribution, affiliation
    text = text.strip(" *_.,:;-\u2013\u2014")
    others = re.search(r"\bet\s+al\.?$", text) is not None
    text = re.sub(r"\s*[,;]?\s*\bet\s+al\.?$", "", text)
    if not text or len(text) > 1500 or not AUTHORS.match(text) or VENUE_ONLY.fullmatch(text):  # "[USENIX Sec'21]" is where, not who
        return ""
    pieces = re.split(r"\s+and\s+", text)
    if len(pieces) > 1 and all(piece.count(",") == 1 for piece in pieces):  # "Wang, Xiaolong and Girshick, Ross": BibTeX's form already
        names = [piece.strip() for piece in pieces]
    else:
        names = [name.strip() for name in re.split(r"\s*(?:,|;|\band\b|&)\s*", text) if name.strip()]
        # "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton" (the first author surname first): "LeCun, Yann" is one name
        if len(names) >= 2 and len(names[0].split()) == 1 and len(names[1].split()) <= 2 and (others or (len(names) > 2 and all(len(name.split()) >= 2 for name in names[2:]))):
            names[:2] = [f"{names[0]}, {names[1]}"]
    if not names or any(len(name.split()) > 5 for name in names):
        return ""
    if len(names) >= 2 and all(VANCOUVER_PERSON.match(name) for name in names):
        names = [_vancouver_as_bibtex(name) for name in names]  # "Wolf FA" as "Wolf, F. A."
    if len(names) == 1 and len(names[0].split()) < 2 and not others:
        return ""  # one word is no author list, unless "Mildenhall et al."
    return " and ".join(names) + (" and others" if others else "")


#: where a title may end before its authors: a full stop after a word (not an initial's "N."), or a question or exclamation mark
_TITLE_END = re.compile(r"(?:(?<=[^\W\d_]{2})\.|(?<=\d[^\W\d_])\.|[?!])\s+(?=[A-Z])")


def title_then_authors(text: str) -> tuple[str, str] | None:
    """``"Vision Transformers Need Registers. Timothée Darcet, Maxime Oquab."`` -> (title, authors in BibTeX's form),
    when what follows the title's end is a list of two or more names (or "et al."); None otherwise."""
    text = " ".join(text.split())
    if len(text) > 1500:
        return None
    for end in _TITLE_END.finditer(text):
        title = text[: end.start() + 1].rstrip(".").strip()
        rest = text[end.end():]
        authors = authors_of(rest) or _with_particles(rest)
        names = authors.removesuffix(" and others").split(" and ")
        # full names, or surnames the list joins as names are ("Chen and Manning"): "Transformers, Attention, Seq2Seq" are keywords
        if len(title.split()) >= 2 and " and " in authors and (all(len(name.split()) >= 2 for name in names) or re.search(r"\band\b|&|\bet\s+al\b", rest)):
            return title, authors
    for end in re.finditer(r",\s+(?=[A-Z])", text):  # "Title, Alice Owl and Bob Heron": full names only, a title's "Retrieve, Generate" are none
        title, authors = text[: end.start()].strip(), authors_of(text[end.end():])
        names = authors.removesuffix(" and others").split(" and ")
        if len(title.split()) >= 3 and len(names) >= 2 and all(len(name.split()) >= 2 for name in names):
            return title, authors
    return None


def _with_particles(text: str) -> str:
    """Names with particles ("Dimitri von Rütte, Andreas Köpf, et al.") in BibTeX's form; ``""`` when not all are names."""
    text = " ".join(text.split()).strip(" .")  # one space between words: the patterns below backtrack over runs of spaces
    others = re.search(r"[,;]?\s*\bet\s+al\.?$", text)
    names = _names_with_particles(text[: others.start()] if others else text)
    if len(names) < 2 - bool(others):
        return ""
    return " and ".join(names) + (" and others" if others else "")


def _names_with_particles(text: str) -> list[str]:
    """An author list cut at its commas and "and"s, when every piece is a name (particles allowed); ``[]`` otherwise."""
    text = " ".join(text.split())  # one space between words: the split's "\s+and\s+" backtracks over runs of spaces
    pieces = [piece.strip() for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if piece.strip()]
    return pieces if all(_REFERENCE_NAME.match(piece) for piece in pieces) else []


#: the end of a sentence in a reference line: a full stop after a word of two letters or more (not an initial's
#: "N."), a bracket, a digit or "++" ("(LLaMA).", "GPT-4.", "PaLM-E.", "NeRF++.", "3D.", not the initials "J.-B."); a
#: title's own "?" or "!" before a capital ends it too ("pp." and "vol." of the pages after a venue end nothing)
SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\d[^\W\d_])|(?<=[)\]+?!\d])|(?<=[^\W\d_]{2}-[^\W\d_]))(?<![\s,(]pp)(?<![\s,(]vol)\.\s+(?=\S)|(?<=[?!])\s+(?=[A-Z])")
#: a reference line's tail after its title: "In ICLR, 2023", "In Proceedings of the KDD, 2018", "arXiv preprint, 2017",
#: "arXiv preprint arXiv:2303.15389, 2023" (the id is the link's to say)
#: (and its pages or its track after the year: "SIGMOD 2021, pp. 1275-1288", "SIGMOD 2019 (demo)")
REFERENCE_TAIL = re.compile(r"^(?:In\s+(?:(?:the\s+)?Proceedings\s+of\s+(?:the\s+)?)?)?([^\W\d_][^.;]{0,80}?)(?:\s+(?:arXiv:)?\d{4}\.\d{4,5}(?:v\d+)?)?\s*,?\s+((?:19|20)\d{2})"
                            r"(?:\s*,\s*(?:pp\.\s*)?\d{1,6}\s*[\u2013-]\s*\d{1,6}|\s*\([^()]{1,20}\))?\s*\.?$")
#: one name of a reference's author list, particles allowed ("Rianne van den Berg", "Thomas N. Kipf"); other
#: lowercase words make it a phrase of a title ("Retrieval from a Few-Shot Model")
_REFERENCE_NAME = re.compile(r"^[A-Z][\w'\u2019.-]*(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|della|dos|le|la|ten|ter|bin)\s+)*[A-Z][\w'\u2019.-]*){0,3}$")


@dataclass
class Reference:
    """A reference written as papers cite: ``Authors. Title. In Venue, Year.``"""

    authors: str  #: BibTeX's form ("A and B")
    title: str
    venue: str
    year: str
    said: tuple[str, str]  #: the author text and the tail as written (to take them out of the entry's text)
    date: str = ""  #: a month the reference gives besides its year ("J. ACM 54, 3 (June 2007)"): "2007-06"


#: an APA reference: "Owl, A., & Heron, B. (2023). Title of the paper. Venue, 12, 1-10." (a journal's name may hold commas:
#: "IEEE/ACM Transactions on Audio, Speech, and Language Processing, 28, 2880-2894")
APA = re.compile(r"^([^()]{2,600}?)\s*\(((?:19|20)\d{2})[a-z]?(?:,[^()]{0,20})?\)\.\s+([^.?!]{4,400}(?:[?!]|(?=\.)))\.?\s+((?:Proc\.\s+)?[^\W\d_](?:[^,.]|,(?!\s*\d)){0,120})")
#: one author of an APA reference: "Owl, A.", "van der Heron, B. C."
_APA_NAME = re.compile(r"^[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3},\s*[A-Z]\.(?:\s*-?[A-Z]\.)*$")


def _apa(text: str) -> Reference | None:
    found = APA.match(text)
    if not found:
        return None
    names = [name.strip() for name in re.split(r"(?<=\.)\s*,\s*(?:&\s*)?|\s*,?\s*&\s*", found.group(1).strip(" ,")) if name.strip()]
    if not names or not all(_APA_NAME.match(name) for name in names):
        return None
    venue = re.sub(r"\s+arXiv:\d{0,4}$", "", found.group(4).strip())  # "arXiv preprint arXiv:2304.10592": the id is no venue
    venue = re.sub(r"^In\s+|\s*\(.*$", "", venue)  # "In Proceedings of ICML (pp. 1-10)": the book, not its pages
    # "*Proc. Interspeech 2019*, 2613-2617": the meeting ("Proc." and its year said once); a journal's name keeps its commas
    venue = re.sub(rf"^Proc\.\s+|\s+{found.group(2)}$", "", venue.strip(" ,"))
    return Reference(" and ".join(names), found.group(3).strip(), venue, found.group(2), (found.group(1), text[found.end(3):]))


#: an IEEE reference: 'A. Owl, B. Heron, and C. Crow, "Title of the paper," in Proc. ICLR, 2023, pp. 1-10.'
IEEE = re.compile(r"^([^\"\u201c\u201d]{3,1000}?),\s*[\"\u201c]([^\"\u201c\u201d]{8,500}?)[,.]?[\"\u201d]\s*,?\s*(.{0,400})$")
#: its tail: the venue ("in Proc. of the ICML", "IEEE Trans. Pattern Anal. Mach. Intell.", "arXiv preprint arXiv:2304.08485"), then the year
IEEE_TAIL = re.compile(r"^(?:in\s+)?(?:Proc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?)?([^\W\d_][^,]{0,100}?)(?:\s+(?:arXiv:)?\d{4}\.\d{4,5}(?:v\d+)?)?\s*,.{0,200}?((?:19|20)\d{2})")


def _ieee(text: str) -> Reference | None:
    found = IEEE.match(text)
    tail = IEEE_TAIL.match(found.group(3)) if found else None
    authors = _reference_authors(found.group(1)) if found and tail else ""
    if not found or not tail or not authors:
        return None
    # a journal's name may hold commas before its volume: "IEEE/ACM Trans. Audio, Speech, Lang. Process., vol. 30, …"
    journal = re.match(r"^(?:in\s+)?([^\W\d_][^\d]{0,150}?),\s*vol\.\s*\d", found.group(3))
    venue = journal.group(1) if journal and journal.group(1).startswith(tail.group(1)) else tail.group(1)
    return Reference(authors, found.group(2).strip(" ,."), venue.strip(), tail.group(2), (found.group(1), found.group(3)))


def _reference_authors(text: str) -> str:
    """A reference's author list in BibTeX's form, names with particles ("Rianne van den Berg") included."""
    authors = authors_of(text)
    if not authors:  # the strict pattern leaves particles out
        names = _names_with_particles(text)
        authors = " and ".join(names) if len(names) >= 2 else ""
    return authors


def _people(authors: str) -> float:
    """How much an author list looks like people: the share of its names of two or three words (four with a
    particle or an initial: "Rianne van den Berg", "Thomas N. Kipf"); a title's words are one long "name"."""
    names = [name.replace(",", " ").split() for name in authors.split(" and ") if name != "others"]
    def person(words: list[str]) -> bool:
        return 2 <= len(words) <= 3 or (len(words) == 4 and any(word.islower() or re.fullmatch(r"[A-Z]\.", word) for word in words))
    return sum(map(person, names)) / max(1, len(names))


def _people_said(authors: str) -> float:
    """:func:`_people`, tipped by what only people lists say: "et al.", two names or more, an initial ("A. Owl")."""
    return _people(authors) + 0.5 * authors.endswith(" and others") + 0.25 * (" and " in authors) + 0.25 * bool(re.search(r"\b[A-Z]\.", authors))


#: the ACM Reference Format: "A. Owl, B. Heron, and C. Crow. 2016. Title. In Proceedings of the … (CCS '16). ACM, 308-318."
#: or a journal's "Irit Dinur. 2007. Title. J. ACM 54, 3 (June 2007), 12-es."
ACM_REFERENCE = re.compile(r"^([^\d()]{3,1000}?)\.\s+((?:19|20)\d{2})[a-z]?\.\s+(.{4,500}?(?:[^\W\d_]{2}|[\d)?!]))\.\s+(?:In\s+)?([^\W\d_].{1,500})$")
#: the proceedings' short name ACM writes after their full name: "(CCS '16)", "(UIST '23)", "(SIGMOD/PODS '21)"
ACM_SHORT = re.compile(r"\(([A-Z][\w&@/+-]{1,20}(?:\s[A-Z][\w&@/+-]{0,20}){0,2})\s*['\u2019]\d{2}\)")
#: a journal's volume, issue and month in the ACM format: "J. ACM 54, 3 (June 2007)"
ACM_JOURNAL = re.compile(rf"^([^\W\d_][^\d(]{{0,100}}?)\s+\d{{1,4}},\s*\d{{1,4}}\s*\(({_MONTH})\s+((?:19|20)\d{{2}})\)", re.IGNORECASE)


#: a journal as dblp and database lists cite it: "Authors. Title. Proc. VLDB Endow. 12(11): 1705-1718, 2019." (or "… (2019).")
JOURNAL_ISSUE = re.compile(r"^([^\d()]{3,1000}?)\.\s+(.{4,500}?(?:[^\W\d_]{2}|[\d)?!]))\.\s+([^\W\d_][^\d()]{1,80}?)\s+\d{1,4}\s?\(\d{1,4}\):\s*[\w\u2013-]{1,20}\s*(?:,\s*|\()((?:19|20)\d{2})\)?\s*\.?$")


def _journal_issue(text: str) -> Reference | None:
    found = JOURNAL_ISSUE.match(text)
    authors = _reference_authors(found.group(1)) if found else ""
    if not found or not authors:
        return None
    return Reference(authors, found.group(2).strip(), found.group(3).strip(" ,"), found.group(4), (found.group(1), text[found.end(2) :]))


def _acm(text: str) -> Reference | None:
    found = ACM_REFERENCE.match(text)
    if not found:
        return None
    authors = _reference_authors(found.group(1))
    tail = found.group(4)
    short, journal = ACM_SHORT.search(tail[:400]), ACM_JOURNAL.match(tail)
    if not authors or not (short or journal or re.match(r"(?:the\s+)?Proceedings\b", tail)):
        return None
    if short:
        venue = short.group(1)
    elif journal:
        venue = journal.group(1).strip(" ,.")
    else:
        venue = re.split(r"\.\s|,\s", re.sub(r"^(?:the\s+)?Proceedings\s+of\s+(?:the\s+)?", "", tail), maxsplit=1)[0].strip(" .")
    month = MONTHS.get(journal.group(2).lower().rstrip(".")[:3]) if journal else None
    year = found.group(2)
    return Reference(authors, found.group(3).strip(), venue, year, (found.group(1), tail), f"{year}-{month:02d}" if month else "")


#: Vancouver: "Li H, Durbin R. Title. Bioinformatics. 2009;25(14):1754-60." (NLM's journal names have no full stops);
#: PLOS's own: "Sandve GK, Nekrutenko A, Taylor J, Hovig E (2013) Title. PLoS Comput Biol 9(10): e1003285."
VANCOUVER = re.compile(rf"^({_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME}){{0,60}}(?:,\s+et\s+al)?)\.\s+(.{{4,500}}?)\.\s+([^\W\d_][^.;\d]{{1,80}})\.\s+((?:19|20)\d{{2}})[^;]{{0,20}};")
PLOS = re.compile(rf"^({_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME}){{0,60}}(?:,\s+et\s+al\.?)?)\s+\(((?:19|20)\d{{2}})\)\s+(.{{4,500}}?[^\W\d_]{{2}}[.?!])\s+([^\W\d_][^.;\d]{{1,80}}?)\s+\d")


def _vancouver(text: str) -> Reference | None:
    found = VANCOUVER.match(text)
    plos = None if found else PLOS.match(text)
    if found:
        names, title, venue, year = found.group(1), found.group(2), found.group(3), found.group(4)
    elif plos:
        names, title, venue, year = plos.group(1), plos.group(3).rstrip("."), plos.group(4), plos.group(2)
    else:
        return None
    said = names
    others = re.search(r",\s+et\s+al\.?$", names) is not None
    people = [name.strip() for name in re.sub(r",\s+et\s+al\.?$", "", names).split(",")]
    authors = [_vancouver_as_bibtex(name) for name in people]
    match = found or plos
    assert match is not None
    return Reference(" and ".join(authors) + (" and others" if others else ""), title.strip(), venue.strip(), year, (said, text[match.end(2 if found else 3) :]))


#: one author as Nature and Springer write them: a surname, a comma, initials ("Alipanahi, B.", "Weirauch, M. T.", "Freedman, M.J.", "Avsec, Ž.")
_INITIALS_NAME = r"[^\W\d_][\w'\u2019-]{0,40}(?:\s[^\W\d_][\w'\u2019-]{0,40}){0,2},\s(?:[^\W\d_]\.\s?-?){1,4}"
#: Nature: "Alipanahi, B., Delong, A. & Frey, B. J. Title. Nat. Biotechnol. 33, 831-838 (2015)." ("Cheng, J. et al. …")
NATURE = re.compile(rf"^({_INITIALS_NAME}(?:,\s{_INITIALS_NAME}){{0,60}}(?:\s?&\s{_INITIALS_NAME}|\s?et\s+al\.)?)\s+(.{{4,500}}?)\.\s+([^\W\d_][^\d()]{{1,80}}?)\s+(\d{{1,4}})\s?,\s+[\w\u2013-]{{1,20}}(?:\s+\(((?:19|20)\d{{2}})\))?\.?$")
#: Springer's LNCS: "Dwork, C., McSherry, F.: Title. In: Halevi, S. (ed.) TCC 2006. LNCS, vol. 3876, pp. 265-284. Springer, Heidelberg (2006)."
LNCS = re.compile(rf"^({_INITIALS_NAME}(?:,\s{_INITIALS_NAME}){{0,60}}(?:\s(?:and|&)\s{_INITIALS_NAME})?)\s?:\s+(.{{4,500}}?)\.\s+In:\s+(?:[^()]{{0,400}}\(eds?\.\)\s+)?(?:Proc(?:eedings|\.)\s+(?:of\s+)?)?([^\W\d_][^.,]{{0,100}}?)\s*[.,]\s+(.{{0,300}})$")


def _people_initials(names: str) -> str:
    """"Alipanahi, B., Delong, A., Weirauch, M. T. & Frey, B. J." in BibTeX's form ("Alipanahi, B. and Delong, A. and …")."""
    others = re.search(r"\s?et\s+al\.$", names) is not None
    names = re.sub(r"\s?et\s+al\.$", "", names)
    people = re.split(r"(?<=\.),\s|\s?(?:&|\band\b)\s", names)
    return " and ".join(" ".join(person.split()) for person in people if person.strip()) + (" and others" if others else "")


def _nature_or_lncs(text: str) -> Reference | None:
    found = NATURE.match(text)
    if found:
        # (the year may be gone already: a "(2015)" closing an entry is read as its date before)
        return Reference(_people_initials(found.group(1)), found.group(2).strip(), found.group(3).strip(" ,"), found.group(5) or "", (found.group(1), text[found.end(2) :]))
    found = LNCS.match(text)
    if not found:
        return None
    venue, year = venue_year(found.group(3))
    said_year = re.search(r"\(((?:19|20)\d{2})\)\.?\s*$", found.group(4))
    year = (said_year.group(1) if said_year else "") or year or next(iter(BARE_YEAR.findall(found.group(3))), "")
    if not year:
        return None
    venue = venue or BARE_YEAR.sub("", found.group(3)).strip(" ,.")
    return Reference(_people_initials(found.group(1)), found.group(2).strip(), venue, year, (found.group(1), text[found.end(2) :]))


def reference_line(text: str) -> Reference | None:
    """``"Xuheng Cai, Chao Huang. LightGCL: Simple Yet Effective Graph Contrastive Learning. In ICLR, 2023."`` read
    as its authors, title, venue and year; None when ``text`` is not three sentences of that kind."""
    text = " ".join(text.split())
    if len(text) > 1500:
        return None
    apa = _apa(text) or _ieee(text) or _acm(text) or _vancouver(text) or _nature_or_lncs(text) or _journal_issue(text)
    if apa is not None:
        return apa
    ends = list(SENTENCE_END.finditer(text))
    if len(ends) < 2:
        return None
    first, last = ends[0], ends[-1]
    names, title, tail = text[: first.start()], text[first.end() : last.start()], text[last.end() :]
    found = REFERENCE_TAIL.match(tail)
    if not found or len(title.split()) < 2:
        return None
    authors = _reference_authors(names)
    # "Title. A. Owl, B. Heron. ICLR 2023.": the title first, then its authors
    second = _reference_authors(title) if len(ends) == 2 else ""
    # "Show, Attend and Tell. Kelvin Xu, Jimmy Ba."; "Relational Knowledge Distillation. Park, Wonpyo et al.": "et al."
    # says people where both read as names
    if authors and second and _people_said(second) > _people_said(authors):
        authors = ""
    if not authors:
        # two authors at least: a lone "Grace Hopper" reads like a subtitle ("A Survey of Owls. Nocturnal Birds.")
        if " and " in second:
            return Reference(second, names.strip(), found.group(1).strip(), found.group(2), (title, tail))
        return None
    return Reference(authors, title.strip(), found.group(1).strip(), found.group(2), (names, tail))


#: one person's name in a list of authors: "Grace Hopper", "Yann LeCun", "Fei-Fei Li", "Thomas N. Kipf",
#: "Rianne van den Berg", "Y. Bengio"; a title's words ("Attend and Tell") are not one
_PERSON_WORD = r"[A-Z][a-z\u00df-\u00ff'\u2019]*(?:[A-Z][a-z\u00df-\u00ff'\u2019]+)*(?:-[A-Z]?[a-z\u00df-\u00ff'\u2019]+)*"
PERSON = re.compile(rf"^(?:(?:[A-Z]\.\s*)+|{_PERSON_WORD}\s+(?:[A-Z]\.\s+)?)(?:(?:van|von|de|der|den|da|di|du|del|le|la)\s+)*{_PERSON_WORD}(?:\s+et\s+al\.?)?$")


def trailing_authors(text: str) -> tuple[str, str, str] | None:
    """``"Show, Attend and Tell, Kelvin Xu, Jimmy Ba, ICML 2015"`` -> (title, authors in BibTeX's form, the
    authors as written): a title followed by two or more people's names (or one and "et al."), then perhaps a
    venue and year; None when the end of ``text`` is not such names."""
    pieces = [piece.strip() for piece in re.split(r",\s+", text.strip(" .,;"))]
    while len(pieces) > 1 and (VENUE_ONLY.fullmatch(pieces[-1]) or re.fullmatch(r"(?:In\s+)?[\w&' -]{1,30}?\s*['\u2019]?(?:19|20)\d{2}\.?", pieces[-1])):
        pieces.pop()
    end = len(pieces)
    names = 0
    while end > 1 and PERSON.match(re.sub(r"^and\s+", "", pieces[end - 1])):
        end -= 1
        names += 1
    title = re.sub(r"\s*\(\s*(?:19|20)\d{2}\s*$", "", ", ".join(pieces[:end]))  # "Title (2014, C. Dong et al.": the year's bracket left open
    said = ", ".join(pieces[end : end + names])
    if not names or len(title.split()) < 2 or (names < 2 and "et al" not in said):
        return None
    authors = _reference_authors(said)
    return (title, authors, said) if authors else None


#: ICML and other PMLR volumes -> year (the volume is all a proceedings.mlr.press link says)
PMLR_YEARS = {"v97": "2019", "v119": "2020", "v139": "2021", "v162": "2022", "v202": "2023", "v235": "2024", "v267": "2025",
              "v80": "2018", "v70": "2017", "v48": "2016", "v37": "2015", "v32": "2014", "v28": "2013"}
URL_YEARS = (
    re.compile(r"(?:aclanthology\.org/|aclweb\.org/anthology/(?:[A-Z]/[A-Z]\d{2}/)?|10\.18653/v1/)(?:((?:19|20)\d{2})\.|[A-Z](\d{2})-\d)", re.IGNORECASE),
    # Springer Nature article ids carry the year's last three digits: s41586-021-03819-2 is of 2021
    re.compile(r"(?:doi\.org/10\.(?:1038|1007|1186)/|nature\.com/articles/|link\.springer\.com/article/10\.1007/)s\d{5}-0([0-4]\d)-\d", re.IGNORECASE),
    # Elsevier's journal DOIs name the year: 10.1016/j.neunet.2014.09.003
    re.compile(r"10\.1016/j\.[a-z]{2,12}\.((?:19|20)\d{2})\.\d", re.IGNORECASE),
    # and their PIIs after the journal's ISSN: sciencedirect.com/science/article/pii/S0950584924000107 is of 2024
    re.compile(r"sciencedirect\.com/science/article/(?:abs/)?pii/S\d{7}[\dX](\d{2})\d{5}[\dX](?![\dX])", re.IGNORECASE),
    # IJCAI's proceedings before 2017 are named by two digits: ijcai.org/Proceedings/16/Papers/408.pdf
    re.compile(r"ijcai\.org/proceedings/(\d{2})/", re.IGNORECASE),
    re.compile(r"^https?://(?:[\w-]+\.)*(?:neurips\.cc|nips\.cc|iclr\.cc|icml\.cc|ijcai\.org|thecvf\.com|ecva\.net|doi\.org/10\.1109|aaai\.org|usenix\.org|isca-speech\.org|isca-archive\.org|roboticsproceedings\.org)"
               r"/[^?#]{0,200}?(?:[/._-]|[A-Za-z])((?:19|20)\d{2})(?=[/._-]|$)", re.IGNORECASE),
)


#: a PMLR link: its volume, and the year its paper id gives (``v133/min21a.html``, ``v9/glorot10a/glorot10a.pdf``)
PMLR_ID = re.compile(r"^https?://proceedings\.mlr\.press/(v\d+)/(?:[a-z][a-z-]{0,60}?(\d{2})[a-z]{0,2}(?=[./]|$))?", re.IGNORECASE)
#: JMLR's volumes are its years: volume 1 is 2000 (``jmlr.org/papers/v24/23-0037.html``, ``papers/volume15/...``)
JMLR_VOLUME = re.compile(r"jmlr\.org/papers/(?:v|volume)([1-9]\d?)/", re.IGNORECASE)
#: AAAI's DOIs name the proceedings volume: ``10.1609/aaai.v35i7.16796`` is AAAI-21 (volume 30 was AAAI-16)
AAAI_VOLUME = re.compile(r"10\.1609/aaai\.v(\d{2})i\d", re.IGNORECASE)
#: a PDF's file name that starts or ends with a year: ``2011_torch7_nipsw.pdf``, ``2006%20Hinton%20Science.pdf``
PDF_YEAR = re.compile(r"/(?:((?:19[5-9]|20[0-4])\d)(?:[_ -][^/]*)?|[^/]*[_ -]((?:19[5-9]|20[0-4])\d))\.pdf$", re.IGNORECASE)


#: bioRxiv's and medRxiv's DOIs carry the day the preprint was posted: ``10.1101/2024.07.01.600583``
PREPRINT_DAY = re.compile(r"(?:10\.1101/|rxiv\.org/content/[\w/]{0,60}?/)((?:19|20)\d{2})\.(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])\.\d")


def url_date(url: str) -> str:
    """The date a paper link says: a preprint DOI's day, else the year :func:`url_year` reads."""
    day = PREPRINT_DAY.search(url)
    return "-".join(day.groups()) if day else url_year(url)


def url_year(url: str) -> str:
    """The year a proceedings link says (``aclanthology.org/2023.acl-long.1``, ``content/CVPR2023/``, ``paper/2022/hash``,
    AAAI's DOI volume, a PDF named ``2011_torch7.pdf``); ``""`` when none (an ACM or IEEE id, OpenReview say none)."""
    day = PREPRINT_DAY.search(url)
    if day:
        return day.group(1)
    pmlr = PMLR_ID.match(url)
    if pmlr:  # the volume's year, else the paper id's: author, two-digit year, letter ("min21a")
        said = pmlr.group(2)
        return PMLR_YEARS.get(pmlr.group(1), "") or (("20" if int(said) < 50 else "19") + said if said else "")
    jmlr = JMLR_VOLUME.search(url)
    if jmlr:
        return str(1999 + int(jmlr.group(1)))
    aaai = AAAI_VOLUME.search(url)
    if aaai and int(aaai.group(1)) >= 30:
        return str(1986 + int(aaai.group(1)))
    named = PDF_YEAR.search(url.replace("%20", " ")[:500])
    if named:
        return named.group(1) or named.group(2)
    for pattern in URL_YEARS:
        found = pattern.search(url)
        if found:
            said = next((group for group in found.groups() if group), "")
            return said if len(said) == 4 else ("20" + said if int(said) < 50 else "19" + said)
    return ""
