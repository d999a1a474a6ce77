"""Consultation themes: seconds to group 200 and 2,000 invented comments with each engine,
and (where sentence-transformers happens to be installed too) how far the NumPy model's
vectors are from sentence-transformers' own. Prints figures; not a test."""

from __future__ import annotations

import os
import time

from wellboard.core.consultation import Comment, embedding, find_themes, invent_responses

PRIORITIES = ["Start well", "Healthy weight and food", "Age well", "Carers", "Smoking", "Homes"]


def comments(count: int) -> list[Comment]:
    """``count`` comments from batches of 150 invented responses (about 400 comments), one
    seed per batch: the parts run out of new sentences beyond a few hundred responses."""
    found: list[Comment] = []
    seed = 0
    while len(found) < count:
        for r, response in enumerate(invent_responses(PRIORITIES, 150, seed=seed)):
            texts = (*response.priority_comments, response.general_comment)
            found += [Comment((seed, r, q), text) for q, text in enumerate(texts) if text]
        seed += 1
    return found[:count]


def timed(engine: str, texts: list[Comment]) -> None:
    start = time.perf_counter()
    result = find_themes(texts, engine=engine)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    sizes = ", ".join(str(t.size) for t in result.themes)
    print(f"{engine:>5}: {len(texts):>5} comments in {seconds:6.2f} s -> themes of {sizes}")


def compare_with_sentence_transformers(texts: list[str]) -> None:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        print("sentence-transformers not installed: no comparison")
        return
    model = SentenceTransformer(str(embedding.model_directory()), device="cpu")
    theirs = model.encode(texts, convert_to_numpy=True)
    ours = embedding.embed(texts)
    print(f"largest difference from sentence-transformers: {abs(theirs - ours).max():.2e}")


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    small = comments(200)
    large = comments(2000)
    engines = ["tfidf", "model"] if embedding.is_available() else ["tfidf"]
    for engine in engines:
        if engine == "model":
            embedding.embed(["warm up"])  # load the weights outside the timing
        for texts in (small, large):
            timed(engine, texts)
    if "model" in engines:
        compare_with_sentence_transformers([c.text for c in small[:50]])


if __name__ == "__main__":
    main()
