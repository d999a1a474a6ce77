"""Near-duplicate actions: the same work written twice, in one plan or across plans.

Plans repeat an action under two priorities, or two partners plan the same work in their
own words. The wording differs by word order, inflection, a typo, a synonym or an acronym
written out, while genuinely different actions often differ by a single telling word
("... for pregnant women" and "... for people over 65"). So the comparison is on content
words, weighted by how rare they are in the strategy, with typo-tolerant word matching:

1. Normalise: expand the partnership's acronyms, lower-case, drop function words, reduce
   inflections with a light suffix stripper (after Harman's S-stemmer, Harman 1991, "How
   effective is suffixing?", JASIS 42(1), extended to -ing/-ed/-e) and fold a short list
   of plan-language synonyms ("improve"/"increase", "immunisation"/"vaccination").
2. Weight each word by smoothed inverse document frequency over the strategy's actions, so
   a place or population group that sets two actions apart outweighs shared words such as
   "deliver" and "programme".
3. Score a pair by Tversky's ratio model on word weights (shared weight over shared plus
   1.5 times unshared weight, see `Corpus.similarity`): a word counts as shared when it is
   present in the other action or within one or two edits of one of its words (rapidfuzz's
   optimal string alignment distance), which absorbs typos.
4. Block: comparing every pair is quadratic, so only pairs that share one of the rarest
   words of each action are scored, by weighted prefix filtering (Chaudhuri, Ganti and
   Kaushik 2006, "A primitive operator for similarity joins in data cleaning"; Bayardo,
   Ma and Srikant 2007, "Scaling up all pairs similarity search"). Typo-tolerant matching
   makes the filter inexact, so it runs at a threshold `BLOCKING_MARGIN` below the one
   asked for; tests/core/test_similarity.py measures the recall that results.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from wellboard.core.acronyms import expand

DEFAULT_MIN_SIMILARITY = 0.85
# Words shorter than this must match exactly: one letter changes a short word's meaning.
MIN_FUZZY_LENGTH = 5
TYPO_CUTOFF = 0.8
BLOCKING_MARGIN = 0.2
# Tversky's alpha = beta (Tversky 1977, "Features of similarity", Psychological Review
# 84(4)): set on seeds 10-29 of tests/core/duplicate_plan.py, where 1.0 let one-word
# differences through and 2.0 began to lose pairs with two typos; tests measure other seeds.
UNSHARED_COST = 1.5

_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    """
    a about across all also an and any are as at be been being both but by can could do
    does each either ensure etc for from further has have how in including into is it
    its more most new of on or other our out over per so such than that the their them
    then there these they this those through throughout to under up upon us via was we
    were what when where whether which while who whom will with within would people
    person residents continue
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("increase", "improve", "raise", "boost", "expand", "grow", "enhance"),
    ("reduce", "decrease", "lower", "cut", "minimise"),
    ("deliver", "provide", "run", "offer", "commission"),
    ("develop", "create", "establish", "build", "introduce", "launch", "design"),
    ("support", "help", "assist"),
    ("programme", "program", "scheme", "initiative"),
    ("child", "children", "kids"),
    ("vaccination", "immunisation", "immunization", "vaccine", "jab"),
    ("review", "evaluate", "assess", "audit"),
    ("promote", "encourage", "champion"),
    ("monitor", "track", "oversee"),
    ("workforce", "staff", "employees"),
    ("older", "elderly"),
)


def stem(word: str) -> str:
    """Strip regular English suffixes so "services", "service" and "servicing" meet."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


SYNONYMS = {stem(word): stem(group[0]) for group in _SYNONYM_GROUPS for word in group}


def canonical(word: str) -> str:
    stemmed = stem(word)
    return SYNONYMS.get(stemmed, stemmed)


def tokens(text: str, meanings: Mapping[str, str] | None = None) -> list[str]:
    """The content words of a text in comparable form."""
    if meanings:
        text = expand(text, meanings)
    return [canonical(word) for word in _WORD.findall(text.lower()) if word not in STOPWORDS]


@dataclass(frozen=True)
class Pair:
    """Two texts by their positions in the input, first < second."""

    first: int
    second: int
    similarity: float


class Corpus:
    """A set of texts compared with one another, with word weights taken from all of them."""

    def __init__(self, texts: Sequence[str], meanings: Mapping[str, str] | None = None) -> None:
        # Each text's words in comparable form, mapped to how the text wrote them.
        self.written = [self._tokens(text, meanings) for text in texts]
        self.words = [frozenset(written) for written in self.written]
        self.frequency = Counter(word for words in self.words for word in words)
        size = len(self.words)
        # Smoothed IDF as scikit-learn computes it: never zero, so shared words still count.
        self.weight = {
            word: math.log((size + 1) / (count + 1)) + 1 for word, count in self.frequency.items()
        }

    @staticmethod
    def _tokens(text: str, meanings: Mapping[str, str] | None) -> dict[str, str]:
        """Comparable words, each with the form the text wrote it in, for typo matching."""
        if meanings:
            text = expand(text, meanings)
        found: dict[str, str] = {}
        for word in _WORD.findall(text.lower()):
            if word not in STOPWORDS:
                found.setdefault(canonical(word), word)
        return found

    def similarity(self, i: int, j: int) -> float:
        """Tversky's ratio model on word weights: shared / (shared + k * unshared).

        The unshared words are what tell two similar actions apart, so they cost more than
        in Jaccard (k = 1) or Dice (k = 1/2): one different place in a twelve-word title
        must fall below the threshold while two typos stay above it.
        """
        covered_a, covered_b = self._covered(i, j), self._covered(j, i)
        shared = (covered_a + covered_b) / 2
        unshared = (self._mass(self.words[i]) - covered_a) + (self._mass(self.words[j]) - covered_b)
        denominator = shared + UNSHARED_COST * unshared
        return shared / denominator if denominator > 0 else 0.0

    def _mass(self, words: frozenset[str]) -> float:
        return sum(self.weight[word] for word in words)

    def _covered(self, i: int, j: int) -> float:
        """Weight of the words found in the other text, exactly or within a typo.

        Typos are compared in their written form, since a slip such as "smoknig" defeats
        the suffix stripper; transpositions count as one edit (optimal string alignment).
        """
        words, other = self.written[i], self.written[j]
        unmatched = [written for word, written in other.items() if word not in words]
        covered = 0.0
        for word, written in words.items():
            if word in other:
                covered += self.weight[word]
            elif len(written) >= MIN_FUZZY_LENGTH and unmatched:
                best = process.extractOne(
                    written, unmatched, scorer=OSA.normalized_similarity, score_cutoff=TYPO_CUTOFF
                )
                if best is not None:
                    covered += self.weight[word] * best[1]
        return covered

    def prefix(self, i: int, threshold: float) -> list[str]:
        """The rarest words of a text that any text at least `threshold` similar must share.

        A score of t needs a weighted overlap of at least t times the text's weight (the
        score is at most the weighted Jaccard, which needs that much); the
        words after the prefix weigh less than that, so the overlap reaches into it. Words
        found in no other text cannot be shared, and are most often typos, so they are left
        out: otherwise a misspelt word, being the rarest, would fill the prefix.
        """
        shareable = [word for word in self.words[i] if self.frequency[word] > 1]
        ordered = sorted(shareable, key=lambda word: (self.frequency[word], word))
        total = sum(self.weight[word] for word in shareable)
        remaining = total
        prefix: list[str] = []
        for word in ordered:
            if remaining < threshold * total:
                break
            prefix.append(word)
            remaining -= self.weight[word]
        return prefix

    def candidates(self, threshold: float) -> set[tuple[int, int]]:
        """Pairs sharing a prefix word, found through an inverted index of prefixes."""
        index: defaultdict[str, list[int]] = defaultdict(list)
        pairs: set[tuple[int, int]] = set()
        for i in range(len(self.words)):
            for word in self.prefix(i, threshold):
                pairs.update((j, i) for j in index[word])
                index[word].append(i)
        return pairs


def check_threshold(value: float) -> float:
    if not 0 < value <= 1:
        raise ValueError(f"the minimum similarity must be above 0 and at most 1, not {value}")
    return value


def find_duplicates(
    texts: Sequence[str],
    *,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    meanings: Mapping[str, str] | None = None,
) -> list[Pair]:
    """Pairs of texts at least `min_similarity` alike, most similar first."""
    check_threshold(min_similarity)
    corpus = Corpus(texts, meanings)
    blocking = max(min_similarity - BLOCKING_MARGIN, 0.05)
    pairs = []
    for i, j in corpus.candidates(blocking):
        score = corpus.similarity(i, j)
        if score >= min_similarity:
            pairs.append(Pair(i, j, round(score, 4)))
    return sorted(pairs, key=lambda pair: (-pair.similarity, pair.first, pair.second))
