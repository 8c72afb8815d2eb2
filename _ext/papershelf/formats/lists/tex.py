"""TeX in a list's titles and names, as old lists copy them from the paper: accents (``Sch\\"olkopf``,
``R\\'enyi``, ``{\\`e}``) and short inline math (``$\\ell_1$``, ``$k$-means``, ``$\\epsilon$-free``), read as a
reader sees them (``Schölkopf``, ``Rényi``, ``\u21131``, ``k-means``, ``\u03b5-free``). They are read before the Markdown,
where ``\\'`` and ``\\"`` would be taken for escapes and lose their letter's accent."""

from __future__ import annotations

import re
import unicodedata

#: TeX's accent commands -> Unicode's combining marks
ACCENTS = {"'": "\u0301", '"': "\u0308", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
           "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328", "r": "\u030a"}
#: "\'e", "{\'e}", "\'{e}", "\c{c}", "\v s" (a letter command needs its braces or a space before the letter)
ACCENT = re.compile(r"\{?\\(?:(['\"`^~=.])\s*\{?([A-Za-z]|\\i)\}?|([cvuHkr])(?:\{([A-Za-z]|\\i)\}|\s+([A-Za-z])))\}?")
LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "\u0131"}
LETTER = re.compile(r"\{\\(ss|o|O|ae|AE|aa|AA|l|L|i)\}|\\(ss|ae|AE|aa|AA)\b")
#: "$\ell_1$", "$k$": short math inside a line, a letter or a command in it (never "$5 and $10")
MATH = re.compile(r"(?<![\\$\w])\$(?=[^\s$])([^$\n]{0,40}?[A-Za-z\\][^$\n]{0,40}?)(?<=\S)\$(?![\w$])")
SYMBOLS = {"ell": "\u2113", "infty": "∞", "times": "\u00d7", "cdot": "·", "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "neq": "≠",
           "pm": "±", "approx": "≈", "in": "∈", "to": "→", "rightarrow": "→", "sqrt": "√", "partial": "∂", "nabla": "∇"}
GREEK = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
SUPERSCRIPT = str.maketrans("0123456789+-n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿ")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _accented(found: re.Match[str]) -> str:
    mark = found.group(1) or found.group(3)
    letter = found.group(2) or found.group(4) or found.group(5)
    return unicodedata.normalize("NFC", ("i" if letter == "\\i" else letter) + ACCENTS[mark])


def _command(name: str) -> str:
    bare = name[3:] if name.startswith("var") and name[3:] in GREEK else name
    if bare in GREEK or (bare.lower() in GREEK and bare[0].isupper()):
        case = "CAPITAL" if bare[0].isupper() else "SMALL"
        return unicodedata.lookup(f"GREEK {case} LETTER {bare.upper()}")
    return SYMBOLS.get(name, "")


def _math(found: re.Match[str]) -> str:
    said = found.group(1)
    unknown = [name for name in re.findall(r"\\([A-Za-z]+)", said) if not _command(name) and name not in ("mathrm", "mathbf", "mathcal", "text", "mathit")]
    if unknown:
        return found.group(0)  # math we cannot say in plain text stays as written
    said = re.sub(r"\\(?:mathrm|mathbf|mathcal|text|mathit)\s*\{([^{}]*)\}", r"\1", said)
    said = re.sub(r"\\([A-Za-z]+)\s*", lambda command: _command(command.group(1)), said)
    said = re.sub(r"\^\{?([0-9+\-n]+)\}?", lambda power: power.group(1).translate(SUPERSCRIPT), said)
    said = re.sub(r"_\{?([^{}\s]+?)\}?(?=\W|$)", r"\1", said)  # "\ell_1" reads "\u21131", as titles say it in plain text
    return said.replace("{", "").replace("}", "")


def tex_as_text(text: str) -> str:
    """``text`` with TeX accents and short inline math as plain Unicode, outside code blocks and inline code."""
    lines = text.split("\n")
    fenced = ""
    for number, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence and (not fenced or fence.group(1)[0] == fenced[0]):
            fenced = "" if fenced else fence.group(1)
            continue
        if fenced or ("\\" not in line and "$" not in line):
            continue
        parts = re.split(r"(`+[^`]*`+)", line)  # inline code as written
        for at in range(0, len(parts), 2):
            said = LETTER.sub(lambda found: LETTERS[found.group(1) or found.group(2)], ACCENT.sub(_accented, parts[at]))
            parts[at] = MATH.sub(_math, said)
        lines[number] = "".join(parts)
    return "\n".join(lines)
