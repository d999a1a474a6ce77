"""Telling people and job titles apart from organisations in a lead column.

Dense regional plans put "Health policy officer", "Director of Public Health" or a
person's name in the lead column beside the organisations. Those are lead officers, not
organisations, and storing them as organisations would fill the directory with people.
A job title is recognised by its post word (officer, manager, director, ...); a person's
name by two or three capitalised words with a title (Dr, Cllr) or none of the words
organisations are named with. Acronyms are always organisations.
"""

from __future__ import annotations

import re

_POST_WORDS = re.compile(
    r"\b(?:officer|manager|director|co-?ordinator|commissioner|consultant|chair(?:man|person)?"
    r"|chief|executive|nurse|matron|worker|advis[eo]r|specialist|practitioner|analyst"
    r"|head\s+of|portfolio\s+holder|cabinet\s+member|councillor|lead\s+member|clinical\s+lead"
    r"|programme\s+lead|project\s+lead|service\s+lead|strategic\s+lead|team\s+leader"
    r"|champion|gp\s+lead|pharmacist|principal)s?\b",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(
    r"^(?:dr|cllr|councillor|prof|professor|mr|mrs|ms|miss|sir|dame)\.?\s", re.I
)
_ORGANISATION_TEXT = """
council councils nhs trust trusts group groups board boards service services health
partnership partnerships team teams forum forums ccg ccgs icb university hospital
hospitals police fire rescue college colleges school schools centre centres care public
network networks association society agency agencies department directorate unit units
commissioning housing community communities healthwatch voluntary sector sport active
england foundation district districts county borough city practice practices surgery
pharmacy alliance consortium company ltd limited cic charity trustees office offices
authority authorities federation providers provider services' safeguarding children adults
adult social education library libraries leisure probation prison service's mind age
carers church churches project projects programme programmes clinic clinics commission
institute consortia collaborative hub hubs network's scheme schemes
"""
_ORGANISATION_WORDS = frozenset(_ORGANISATION_TEXT.split())
_NAME_WORD = re.compile(r"^[A-Z][a-z'\u2019-]+$")


def is_post(text: str) -> bool:
    """A job title ("Health policy officer", "Director of Public Health")."""
    return bool(_POST_WORDS.search(text))


def is_person(text: str) -> bool:
    """A person's name: "Jo Bloggs", "Dr Sarah Khan"; never an acronym or an organisation."""
    words = _HONORIFIC.sub("", text.strip()).split()
    if not 2 <= len(words) <= 3 or (_HONORIFIC.match(text.strip()) is None and len(words) > 3):
        return False
    if any(word.lower().strip(".,") in _ORGANISATION_WORDS for word in words):
        return False
    return all(_NAME_WORD.match(word) for word in words)


def split_people(names: list[str]) -> tuple[list[str], list[str]]:
    """(organisations, officers) from the names in a lead cell."""
    organisations: list[str] = []
    officers: list[str] = []
    for name in names:
        (officers if is_post(name) or is_person(name) else organisations).append(name)
    return organisations, officers
