"""Invented responses: at least 200, varied (no sentence twice), the same for one seed."""

from __future__ import annotations

import re
from collections import Counter

from wellboard.core.consultation import invent_responses

PRIORITIES = ["Start well", "Healthy weight and food", "Carers", "Smoking and vaping"]


def sentences(responses: list) -> list[str]:
    texts = [c for r in responses for c in (*r.priority_comments, r.general_comment) if c]
    return [s for text in texts for s in re.split(r"(?<=\.) ", text)]


def test_250_responses_without_one_sentence_repeated() -> None:
    responses = invent_responses(PRIORITIES, 250)
    written = sentences(responses)
    assert len(responses) == 250
    assert len(written) > 500
    assert len(set(written)) == len(written)


def test_same_seed_same_responses_other_seed_other_ones() -> None:
    assert invent_responses(PRIORITIES, 30) == invent_responses(PRIORITIES, 30)
    assert invent_responses(PRIORITIES, 30) != invent_responses(PRIORITIES, 30, seed=1)


def test_mix_of_types_points_and_topics() -> None:
    responses = invent_responses(PRIORITIES, 300)
    types = Counter(r.respondent_type for r in responses)
    assert set(types) == {"resident", "organisation", "partner"}
    assert types["resident"] > types["organisation"] > 0
    points = Counter(p for r in responses for p in r.agreement)
    assert set(points) == {1, 2, 3, 4, 5, None}
    assert all(r.organisation for r in responses if r.respondent_type != "resident")
    topics = Counter(t for r in responses for t in r.topics)
    assert len(topics) >= 8
