"""Invented consultation responses for the demo and the tests: varied, never one sentence
twice, the same for the same seed.

Each comment is composed from parts (an opening, what is wrong, where or for whom, what
would help) chosen by a seeded random generator, in the shape of what residents write about
health priorities; every sentence is checked against those already written and drawn again
if used. The words are Wellboard's own and the places the demo county's invented towns.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from wellboard.core.consultation.topics import TOPICS, Topic

TOWNS = ("Kestrelbury", "Harrowfold", "Wenmarsh", "Oakhythe", "the north of the county")
RESPONDENT_TYPES = (("resident", 80), ("organisation", 12), ("partner", 8))
ORGANISATIONS = (
    "Wenmarsh Carers Network",
    "Kestrelbury Tenants' Association",
    "Oakhythe Youth Trust",
    "Harrowfold Food Partnership",
    "Elmbridge Vale Older People's Forum",
    "Vale Community Transport",
    "Kestrelbury Mosque Welfare Group",
    "North Vale Parish Council",
)
OPENERS = (
    "",
    "Honestly, ",
    "In my experience ",
    "As someone living in {town}, ",
    "Speaking for my family, ",
    "From what I see at work, ",
    "To be frank, ",
    "Like many people I know, I find that ",
)
TRIES = 400


class VarietyExhausted(RuntimeError):
    """More sentences were asked for than the parts can compose without repeating one."""


@dataclass(frozen=True)
class InventedResponse:
    respondent_type: str
    organisation: str
    agreement: tuple[int | None, ...]  # one scale point (1-5) or None per priority
    priority_comments: tuple[str, ...]  # one (maybe empty) comment per priority
    general_comment: str
    topics: tuple[str, ...] = field(default=())  # the topic of each comment written, in order


def invent_responses(
    priorities: Sequence[str], count: int, *, seed: int = 2026, comment_rate: float = 0.35
) -> list[InventedResponse]:
    """``count`` responses to questions on ``priorities`` (their titles), each priority
    commented on by about ``comment_rate`` of them, all sentences distinct;
    VarietyExhausted if the parts run out."""
    writer = _Writer(random.Random(seed), comment_rate)  # noqa: S311 - invented demo text, not a secret
    leaning = [writer.rng.uniform(0.55, 0.9) for _ in priorities]
    return [writer.response(priorities, leaning) for _ in range(count)]


class _Writer:
    def __init__(self, rng: random.Random, comment_rate: float) -> None:
        self.rng = rng
        self.comment_rate = comment_rate
        self.used: set[str] = set()

    def response(self, priorities: Sequence[str], leaning: Sequence[float]) -> InventedResponse:
        rng = self.rng
        kind = rng.choices([k for k, _ in RESPONDENT_TYPES], [w for _, w in RESPONDENT_TYPES])[0]
        organisation = "" if kind == "resident" else rng.choice(ORGANISATIONS)
        agreement = tuple(self._point(lean) for lean in leaning)
        topics: list[str] = []
        comments = []
        for title in priorities:
            if rng.random() < self.comment_rate:
                topic = self._topic_for(title)
                topics.append(topic.name)
                comments.append(self.comment(topic))
            else:
                comments.append("")
        general = ""
        if rng.random() < 0.6:
            topic = rng.choice(TOPICS)
            topics.append(topic.name)
            general = self.comment(topic)
        return InventedResponse(
            kind, organisation, agreement, tuple(comments), general, tuple(topics)
        )

    def _point(self, lean: float) -> int | None:
        """Mostly agreement, some doubt, a few skipped."""
        draw = self.rng.random()
        if draw < 0.04:
            return None
        if draw < 0.04 + lean:
            return self.rng.choice((4, 4, 5, 5, 5))
        return self.rng.choice((1, 2, 2, 3, 3, 3))

    def _topic_for(self, title: str) -> Topic:
        """A topic sharing a word with the priority's title, else any topic."""
        lowered = title.lower()
        matching = [t for t in TOPICS if any(word in lowered for word in t.cues)]
        return self.rng.choice(matching or list(TOPICS))

    def comment(self, topic: Topic) -> str:
        """One to three sentences on a topic: the problem, maybe a second, maybe a fix."""
        parts = [self._sentence(self._problem, topic)]
        if self.rng.random() < 0.3:
            parts.append(self._sentence(self._problem, topic))
        if self.rng.random() < 0.6:
            parts.append(self._sentence(self._remedy, topic))
        return " ".join(parts)

    def _sentence(self, compose: object, topic: Topic) -> str:
        for _ in range(TRIES):
            text = compose(topic)  # type: ignore[operator]
            if text not in self.used:
                self.used.add(text)
                return text
        raise VarietyExhausted(f"no new sentence about {topic.name} after {TRIES} tries")

    def _problem(self, topic: Topic) -> str:
        rng = self.rng
        opener = rng.choice(OPENERS).format(town=rng.choice(TOWNS))
        core = rng.choice(topic.problems).format(town=rng.choice(TOWNS))
        detail = rng.choice(topic.details)
        sentence = f"{opener}{core}{detail}."
        return sentence[0].upper() + sentence[1:]

    def _remedy(self, topic: Topic) -> str:
        rng = self.rng
        lead = rng.choice(topic.remedy_leads)
        fix = rng.choice(topic.remedies).format(town=rng.choice(TOWNS))
        tail = rng.choice(topic.remedy_tails)
        return f"{lead}{fix}{tail}."
