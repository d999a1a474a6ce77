"""Words of residents' comments for TF-IDF and theme labels: lower case, no stop words.

A theme's label is made of these words, so they are kept whole (no stemming) and common
consultation filler ("think", "really", "people") is dropped as well as English stop words.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z][a-z'\u2019-]*[a-z]|[a-z]")

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could could've did do does doing don't down during
    each etc even ever every feel few for from further get gets getting got had has have
    having he her here hers him his how however i i'm i've if in into is isn't it it's its
    just let lot lots many me more most much must my myself need needs no nor not now of off
    ok okay on once one only or other our ours out over own people please quite rather really
    same she should so some still such than that that's the their them then there these they
    they're thing things think this those though through to too under until up us very want
    was way we we're well were what when where which while who whom why will with would
    would've yes yet you your yours
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def words(text: str) -> list[str]:
    """The content words of a text, in order (apostrophes normalised, hyphens kept)."""
    found = WORD.findall(text.lower().replace("\u2019", "'"))
    return [w for w in (t.strip("'-") for t in found) if len(w) > 2 and w not in STOP_WORDS]
