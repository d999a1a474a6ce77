"""The duplication finder measured on a generated plan with known repeats."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.duplicate_plan import MEANINGS, generate
from wellboard.core.similarity import (
    DEFAULT_MIN_SIMILARITY,
    Corpus,
    check_threshold,
    find_duplicates,
    stem,
    tokens,
)

# Seeds 10-29 set UNSHARED_COST; these were not used to choose anything.
HELD_OUT_SEEDS = range(5)


def _measure(seed: int, min_similarity: float = DEFAULT_MIN_SIMILARITY) -> tuple[int, int, int]:
    plan = generate(seed)
    truth = plan.true_pairs()
    found = {
        (pair.first, pair.second)
        for pair in find_duplicates(plan.titles, min_similarity=min_similarity, meanings=MEANINGS)
    }
    return len(found & truth), len(truth), len(found)


def test_finds_known_repeats_without_pairing_look_alikes() -> None:
    hits = known = reported = 0
    for seed in HELD_OUT_SEEDS:
        seed_hits, seed_known, seed_reported = _measure(seed)
        hits, known, reported = hits + seed_hits, known + seed_known, reported + seed_reported
    recall, precision = hits / known, hits / reported
    print(f"duplicates: recall {recall:.3f} ({hits}/{known}), precision {precision:.3f}")
    assert known > 100
    assert recall >= 0.9
    assert precision >= 0.9


def test_every_kind_of_repeat_is_present_and_found() -> None:
    plan = generate(3)
    assert {"paraphrase", "reordered", "typo", "acronym", "sibling"} <= set(plan.kinds)
    corpus = Corpus(plan.titles, MEANINGS)
    scores = [corpus.similarity(i, j) for i, j in plan.true_pairs()]
    assert sum(score >= DEFAULT_MIN_SIMILARITY for score in scores) / len(scores) >= 0.9


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Deliver a stop smoking service for pregnant women in Harrowfold",
            "Deliver a stop smoking service for pregnant women in Wenmarsh",
        ),
        (
            "Increase flu vaccination uptake among pregnant women in Oakhythe",
            "Increase flu vaccination uptake among people over 65 in Oakhythe",
        ),
        (
            "Expand falls prevention classes for people over 65 in Kestrelbury",
            "Expand falls prevention classes for care leavers in Kestrelbury",
        ),
    ],
)
def test_one_telling_difference_keeps_actions_apart(first: str, second: str) -> None:
    filler = [f"Commission service number {n} for the county" for n in range(30)]
    assert find_duplicates([first, second, *filler]) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Develop CAMHS support for young carers in Lowmere",
            "Develop Child and Adolescent Mental Health Services support for young carers "
            "in Lowmere",
        ),
        (
            "Deliver NHS Health Checks to rough sleepers in Wenmarsh",
            "In Wenmarsh, provide National Health Service Health Checks for rough sleepers",
        ),
        (
            "Review the falls prevention programme for people over 65 in Oakhythe",
            "Review the falls preventoin programme for people over 65 in Oakhythe",
        ),
    ],
)
def test_repeats_written_differently_are_paired(first: str, second: str) -> None:
    filler = [f"Commission service number {n} for the county" for n in range(30)]
    pairs = find_duplicates([first, second, *filler], meanings=MEANINGS)
    assert [(pair.first, pair.second) for pair in pairs] == [(0, 1)]
    assert DEFAULT_MIN_SIMILARITY <= pairs[0].similarity <= 1


def test_blocking_keeps_comparisons_far_below_all_pairs() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{n}x" for n in range(3000)]
    texts = [" ".join(rng.sample(vocabulary, 8)) for _ in range(3000)]
    texts += [f"{text} extra" for text in texts[:100]]
    started = time.perf_counter()
    corpus = Corpus(texts)
    candidates = corpus.candidates(DEFAULT_MIN_SIMILARITY - 0.2)
    pairs = find_duplicates(texts)
    elapsed = time.perf_counter() - started
    every = len(texts) * (len(texts) - 1) // 2
    print(f"blocking: {len(candidates)} of {every} pairs compared, {elapsed:.2f}s for {len(texts)}")
    assert len(candidates) < every / 100
    assert {(i, i + 3000) for i in range(100)} <= {(p.first, p.second) for p in pairs}


def test_blocking_loses_few_pairs_that_comparing_everything_finds() -> None:
    plan = generate(4)
    corpus = Corpus(plan.titles, MEANINGS)
    size = len(plan.titles)
    everything = {
        (i, j)
        for i in range(size)
        for j in range(i + 1, size)
        if corpus.similarity(i, j) >= DEFAULT_MIN_SIMILARITY
    }
    blocked = {(p.first, p.second) for p in find_duplicates(plan.titles, meanings=MEANINGS)}
    assert blocked <= everything
    assert len(blocked) >= 0.95 * len(everything)


def test_normalising_folds_inflections_synonyms_and_function_words() -> None:
    assert stem("services") == stem("service")
    assert stem("training") == stem("train")
    assert tokens("Improve the services") == tokens("increase service")
    assert tokens("Deliver CAMHS", {"CAMHS": "Child and Adolescent Mental Health Services"}) == (
        tokens("deliver child adolescent mental health service")
    )
    assert tokens("of the and for") == []


@pytest.mark.parametrize("value", [0, -0.1, 1.01, 5])
def test_threshold_outside_zero_to_one_is_refused(value: float) -> None:
    with pytest.raises(ValueError, match="minimum similarity"):
        check_threshold(value)


words = st.lists(st.sampled_from(["falls", "smoking", "carers", "Oakhythe", "review", "the"]))


@settings(max_examples=60, deadline=None)
@given(words, words)
def test_similarity_is_symmetric_bounded_and_one_for_identical_text(
    first: list[str], second: list[str]
) -> None:
    corpus = Corpus([" ".join(first), " ".join(second), " ".join(first)])
    assert corpus.similarity(0, 1) == pytest.approx(corpus.similarity(1, 0))
    assert 0 <= corpus.similarity(0, 1) <= 1
    expected = 1.0 if tokens(" ".join(first)) else 0.0
    assert corpus.similarity(0, 2) == pytest.approx(expected)
