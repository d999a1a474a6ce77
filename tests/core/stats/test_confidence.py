import pytest

from wellboard.core.stats.confidence import normalise_confidence


@pytest.mark.parametrize(
    ("given", "expected"), [(0.95, 0.95), (95, 0.95), (99.8, 0.998), (0.998, 0.998), (90, 0.9)]
)
def test_fractions_and_percentages(given, expected):
    assert normalise_confidence(given) == pytest.approx(expected, abs=1e-15)


@pytest.mark.parametrize("bad", [0, -5, 1, 100, 150, float("nan"), float("inf")])
def test_refuses_levels_that_give_no_interval(bad):
    with pytest.raises(ValueError, match="confidence"):
        normalise_confidence(bad)
