"""A generated action plan with known repeated actions, to measure the duplication finder.

Each base action is "<verb> <intervention> for <population> in <place>". Some bases get a
sibling that differs in exactly one slot (another population or place): a different action
that must not be paired. Some get a repeat written another way, as plans repeat work:

- paraphrase: a synonymous verb, plural or singular nouns, other function words;
- reordered: the place or population clause moved to the front;
- typo: one or two slips of the keyboard in longer words;
- acronym: an acronym written out, or an expansion abbreviated.

Only repeats (and repeats of repeats) are true pairs. Siblings look alike but are not.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MEANINGS = {
    "NHS": "National Health Service",
    "DFG": "Disabled Facilities Grant",
    "SMI": "serious mental illness",
    "CAMHS": "Child and Adolescent Mental Health Services",
    "VCSE": "voluntary, community and social enterprise",
    "MECC": "Making Every Contact Count",
    "LTC": "long-term conditions",
}

VERBS = {
    "Deliver": ["Provide", "Run", "Offer"],
    "Expand": ["Increase", "Grow", "Improve"],
    "Develop": ["Establish", "Create", "Introduce"],
    "Promote": ["Encourage", "Champion"],
    "Review": ["Evaluate", "Assess"],
    "Reduce waiting times for": ["Cut waiting times for", "Lower waiting times for"],
}

# (plain wording, wording with the acronym) pairs; None where no acronym applies.
INTERVENTIONS: list[tuple[str, str | None]] = [
    ("a stop smoking service", None),
    ("the healthy weight programme", None),
    ("falls prevention classes", None),
    ("mental health first aid training", None),
    ("National Health Service Health Checks", "NHS Health Checks"),
    ("a social prescribing service", None),
    ("breastfeeding peer support", None),
    ("the flu vaccination campaign", None),
    ("debt and welfare advice", None),
    (
        "home adaptations funded by the Disabled Facilities Grant",
        "home adaptations funded by the DFG",
    ),
    ("alcohol brief interventions", None),
    ("a community diabetes prevention programme", None),
    ("Child and Adolescent Mental Health Services", "CAMHS"),
    ("Making Every Contact Count training", "MECC training"),
    ("physical activity referral", None),
    ("dementia friendly communities", None),
]

POPULATIONS: list[tuple[str, str | None]] = [
    ("pregnant women", None),
    ("people over 65", None),
    ("young carers", None),
    ("care leavers", None),
    ("adults with a learning disability", None),
    ("rough sleepers", None),
    ("families with children under five", None),
    ("armed forces veterans", None),
    ("people with serious mental illness", "people with SMI"),
    ("people living with long-term conditions", "people living with LTC"),
    ("secondary school pupils", None),
    ("Gypsy and Traveller communities", None),
]

PLACES = ["Harrowfold", "Kestrelbury", "Oakhythe", "Wenmarsh", "the North locality", "Lowmere"]


@dataclass(frozen=True)
class Slots:
    verb: str
    intervention: int
    population: int
    place: str


@dataclass
class GeneratedPlan:
    titles: list[str] = field(default_factory=list)
    cluster: list[int] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)

    def true_pairs(self) -> set[tuple[int, int]]:
        return {
            (i, j)
            for i in range(len(self.titles))
            for j in range(i + 1, len(self.titles))
            if self.cluster[i] == self.cluster[j]
        }


def _text(slots: Slots, *, abbreviate: bool = False, verb: str | None = None) -> str:
    plain, short = INTERVENTIONS[slots.intervention]
    people, people_short = POPULATIONS[slots.population]
    if abbreviate:
        plain, people = short or plain, people_short or people
    return f"{verb or slots.verb} {plain} for {people} in {slots.place}"


def _typo(text: str, rng: random.Random) -> str:
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
    for i in rng.sample(long_words, k=min(len(long_words), rng.choice([1, 2]))):
        w = words[i]
        k = rng.randrange(1, len(w) - 2)
        slip = rng.choice(["swap", "drop", "double"])
        if slip == "swap":
            w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        elif slip == "drop":
            w = w[:k] + w[k + 1 :]
        else:
            w = w[:k] + w[k] + w[k:]
        words[i] = w
    return " ".join(words)


def _paraphrase(slots: Slots, rng: random.Random) -> str:
    verb = rng.choice(VERBS[slots.verb])
    plain, _ = INTERVENTIONS[slots.intervention]
    plain = plain.removeprefix("a ").removeprefix("the ")
    people, _ = POPULATIONS[slots.population]
    joiner = rng.choice(["for", "to", "with"])
    return f"{verb} the {plain} {joiner} {people} across {slots.place}"


def _reordered(slots: Slots, rng: random.Random) -> str:
    plain, _ = INTERVENTIONS[slots.intervention]
    people, _ = POPULATIONS[slots.population]
    if rng.random() < 0.5:
        return f"In {slots.place}, {slots.verb.lower()} {plain} for {people}"
    return f"For {people} in {slots.place}: {slots.verb.lower()} {plain}"


def _acronym(slots: Slots) -> str | None:
    if INTERVENTIONS[slots.intervention][1] or POPULATIONS[slots.population][1]:
        return _text(slots, abbreviate=True)
    return None


def _repeat(slots: Slots, rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["paraphrase", "reordered", "typo", "acronym"])
    if kind == "acronym":
        text = _acronym(slots)
        if text is not None:
            return kind, text
        kind = "typo"
    if kind == "paraphrase":
        return kind, _paraphrase(slots, rng)
    if kind == "reordered":
        return kind, _reordered(slots, rng)
    return kind, _typo(_text(slots), rng)


def _clashes(slots: Slots, used: set[Slots]) -> bool:
    """The same work in the same place for the same people is one action, whatever the verb."""
    what = (slots.intervention, slots.population, slots.place)
    return any((u.intervention, u.population, u.place) == what for u in used)


def _sibling(slots: Slots, rng: random.Random, used: set[Slots]) -> Slots | None:
    for _ in range(20):
        if rng.random() < 0.5:
            other = Slots(
                slots.verb, slots.intervention, rng.randrange(len(POPULATIONS)), slots.place
            )
        else:
            other = Slots(slots.verb, slots.intervention, slots.population, rng.choice(PLACES))
        if not _clashes(other, used):
            return other
    return None


def generate(seed: int, bases: int = 120, repeat_share: float = 0.4) -> GeneratedPlan:
    """A shuffled plan of base actions, their siblings and their repeats."""
    rng = random.Random(seed)
    used: set[Slots] = set()
    entries: list[tuple[str, int, str]] = []
    for _ in range(bases):
        slots = Slots(
            rng.choice(list(VERBS)),
            rng.randrange(len(INTERVENTIONS)),
            rng.randrange(len(POPULATIONS)),
            rng.choice(PLACES),
        )
        if _clashes(slots, used):
            continue
        used.add(slots)
        cluster = len(used)
        entries.append(("base", cluster, _text(slots)))
        if rng.random() < 0.4 and (sibling := _sibling(slots, rng, used)) is not None:
            used.add(sibling)
            entries.append(("sibling", len(used) + 10_000, _text(sibling)))
        if rng.random() < repeat_share:
            kind, text = _repeat(slots, rng)
            entries.append((kind, cluster, text))
    rng.shuffle(entries)
    plan = GeneratedPlan()
    for kind, cluster, text in entries:
        plan.titles.append(text)
        plan.cluster.append(cluster)
        plan.kinds[kind] = plan.kinds.get(kind, 0) + 1
    return plan
