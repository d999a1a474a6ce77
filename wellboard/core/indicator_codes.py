"""National outcome indicator codes as plans write them, in one canonical form.

Plans cite indicators of three national frameworks, written many ways:
"ASCOF 1A, 1B, 1.D", "PHOF 1.16, 1.18", "NHS OF 1.1", "NHS Outcomes Framework
3b", "NHSOF Domain 2". The canonical forms follow each framework's own
numbering, as printed in:

- PHOF: "Improving outcomes and supporting transparency, Part 1A: A public
  health outcomes framework for England, 2013-2016" (DH, 2012; updated 2013 and
  2016): domain 0 has one-digit indicators with roman parts ("0.1i"), domains
  1-4 two-digit ones ("1.16", "2.02ii"). A one-digit indicator in domains 1-4
  ("PHOF 2.2ii") is padded ("PHOF 2.02ii"), since PHOF 2013-2016 has no other
  reading of it.
- ASCOF: "The Adult Social Care Outcomes Framework: Handbook of definitions"
  (DH/DHSC, 2014/15 to 2022/23 editions): domain digit and capital letter
  ("1A", "1I"), an optional part in brackets ("1C(1a)", "2A(1)"). Plans often
  write a dot ("1.D"): it is dropped.
- NHS OF: "NHS Outcomes Framework 2016/17: at a glance" (DH, 2016): domain
  overarching indicators with a lower-case letter ("1a", "3b"), improvement
  areas with a dot ("2.1", "3.6.i"), domains as "D2".

A bare code after a framework name belongs to that framework until another
name appears ("ASCOF 1A, 1B, PHOF 1.16, 2.14"). Before any framework name, only
shapes that belong to a single framework are read: "4.03" (two-digit decimal)
and "0.1i" are PHOF, "1A" (digit and capital) is ASCOF. Everything else is left
over and reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FRAMEWORKS: dict[str, str] = {
    "PHOF": "Public Health Outcomes Framework",
    "ASCOF": "Adult Social Care Outcomes Framework",
    "NHSOF": "NHS Outcomes Framework",
}

_TOKEN = re.compile(
    r"(?P<phof>\bphof|\bpublic\s+health\s+outcomes?\s+framework)(?![a-z])"
    r"|(?P<ascof>\bascof|\badult\s+social\s+care\s+outcomes?\s+framework)(?![a-z])"
    r"|(?P<nhsof>\bnhsof|\b(?-i:NHS\s?OF)|\bnhs\s+outcomes?\s+framework)(?![a-z])"
    r"|(?P<domain>\bdomain\s*(?P<dnum>\d)(?!\w)|\b(?-i:D)(?P<dnum2>\d)(?!\w))"
    r"|(?P<code>(?<![\w.])\d[0-9a-z.()]*)",
    re.IGNORECASE,
)
_GLUED = re.compile(r"\b(phof|ascof|nhsof)(?=\d)", re.IGNORECASE)
_SEPARATORS = re.compile(r"^(?:[\s,;/&+()\[\]:.\-\u2013\u2014]|\band\b|\bor\b)*$", re.IGNORECASE)

_PHOF = re.compile(r"(\d)\.(\d{1,2})\.?([ivx]*)", re.IGNORECASE)
_ASCOF = re.compile(r"(\d)\.?([a-z])(\([0-9a-z]{1,3}\))?", re.IGNORECASE)
_NHSOF_AREA = re.compile(r"(\d)\.(\d{1,2})(?:\.?([ivx]+))?", re.IGNORECASE)
_NHSOF_OVERARCHING = re.compile(r"(\d)([a-z])(?:\.?([ivx]+))?", re.IGNORECASE)
_NHSOF_DOMAIN_INDICATOR = re.compile(r"\d")
_BARE_PHOF = re.compile(r"\d\.\d\d[ivx]*|0\.\d[ivx]+")
_BARE_ASCOF = re.compile(r"\d[A-Z](\([0-9a-zA-Z]{1,3}\))?")


@dataclass(frozen=True)
class CodeScan:
    """Codes found, in order of first mention, and the text that was not a code."""

    codes: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)


def scan_codes(text: str, *, strict: bool = False) -> CodeScan:
    """Read every indicator code in the text; keep what is not a code as leftovers.

    ``strict`` is for prose (an "Outcome measures" cell): a code is read only
    straight after a framework name or after another code of a list, so that
    "PHOF 2.14, then 3.5 per 1,000" does not make "3.5" a PHOF code.
    """
    text = _GLUED.sub(r"\1 ", text)
    codes: list[str] = []
    leftovers: list[str] = []
    framework = ""
    position = 0
    for match in _TOKEN.finditer(text):
        if _keep_leftover(text[position : match.start()], leftovers) and strict:
            framework = ""
        position = match.end()
        kind = match.lastgroup
        if kind in ("phof", "ascof", "nhsof"):
            framework = "NHSOF" if kind == "nhsof" else kind.upper()
            continue
        if kind == "domain" and framework:
            _add(codes, f"{framework} D{match['dnum'] or match['dnum2']}")
            continue
        raw, trailing = _trim(match.group())
        code = _canonical(framework, raw) if framework else None if strict else _bare(raw)
        if code:
            _add(codes, code)
            position = match.end() - len(trailing)
        else:
            _keep_leftover(match.group(), leftovers)
            framework = "" if strict else framework
    _keep_leftover(text[position:], leftovers)
    return CodeScan(codes, leftovers)


def normalise_codes(text: str) -> list[str]:
    """Canonical codes cited in the text: "ASCOF 1A, 1.D" -> ["ASCOF 1A", "ASCOF 1D"]."""
    return scan_codes(text).codes


def split_code(code: str) -> tuple[str, str]:
    """("PHOF", "1.16") for a text that is exactly one code, in any accepted spelling."""
    scan = scan_codes(code)
    if len(scan.codes) != 1 or scan.leftovers:
        raise ValueError(f"not a single indicator code: {code!r}")
    framework, _, local = scan.codes[0].partition(" ")
    return framework, local


def is_code(text: str) -> bool:
    """Whether the text is exactly one indicator code."""
    try:
        split_code(text)
    except ValueError:
        return False
    return True


def _canonical(framework: str, raw: str) -> str | None:
    if framework == "PHOF" and (m := _PHOF.fullmatch(raw)):
        domain, number, roman = m.groups()
        if domain != "0" and len(number) == 1:
            number = f"0{number}"
        return f"PHOF {domain}.{number}{roman.lower()}"
    if framework == "ASCOF" and (m := _ASCOF.fullmatch(raw)):
        domain, letter, part = m.groups()
        return f"ASCOF {domain}{letter.upper()}{(part or '').lower()}"
    if framework == "NHSOF":
        return _nhsof(raw)
    return None


def _nhsof(raw: str) -> str | None:
    if m := _NHSOF_AREA.fullmatch(raw):
        domain, number, roman = m.groups()
        return f"NHSOF {domain}.{number}" + (f".{roman.lower()}" if roman else "")
    if m := _NHSOF_OVERARCHING.fullmatch(raw):
        domain, letter, roman = m.groups()
        return f"NHSOF {domain}{letter.lower()}" + (f".{roman.lower()}" if roman else "")
    if _NHSOF_DOMAIN_INDICATOR.fullmatch(raw):
        return f"NHSOF {raw}"
    return None


def _bare(raw: str) -> str | None:
    if _BARE_PHOF.fullmatch(raw):
        return _canonical("PHOF", raw)
    if _BARE_ASCOF.fullmatch(raw):
        return _canonical("ASCOF", raw)
    return None


def _trim(token: str) -> tuple[str, str]:
    """Drop trailing full stops and an unbalanced closing bracket: "3D." and "1.16)"."""
    trimmed = token
    while trimmed and (
        trimmed[-1] == "." or (trimmed[-1] == ")" and trimmed.count(")") > trimmed.count("("))
    ):
        trimmed = trimmed[:-1]
    if trimmed.count("(") > trimmed.count(")"):
        trimmed = trimmed[: trimmed.index("(")]
    return trimmed, token[len(trimmed) :]


def _keep_leftover(chunk: str, leftovers: list[str]) -> bool:
    """Record text that is not a separator; say whether there was any."""
    if not chunk or _SEPARATORS.match(chunk):
        return False
    found = False
    for piece in re.split(r"[,;]", chunk):
        cleaned = " ".join(piece.split()).strip(" :/&-")
        if cleaned.startswith("(") and cleaned.endswith(")"):
            cleaned = cleaned[1:-1].strip()
        if cleaned and not _SEPARATORS.match(cleaned):
            leftovers.append(cleaned)
            found = True
    return found


def _add(codes: list[str], code: str) -> None:
    if code not in codes:
        codes.append(code)
