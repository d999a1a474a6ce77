import numpy as np
import pytest

from wellboard.core.stats.standard_populations import (
    esp2013,
    esp2013_bands,
    esp2013_for_bands,
    normalise_band,
)


def test_esp2013_values_and_total():
    # Eurostat 2013, with 0 and 1-4 combined and 90-94 and 95+ combined (PHEindicatormethods).
    expected = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000]
    expected += [7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
    assert esp2013().tolist() == expected
    assert esp2013().sum() == 100_000


def test_band_labels():
    bands = esp2013_bands()
    assert len(bands) == 19
    assert bands[0] == "0-4" and bands[17] == "85-89" and bands[18] == "90+"


@pytest.mark.parametrize(
    ("label", "canonical"),
    [
        ("0-4", "0-4"),
        (" 5 - 9 ", "5-9"),
        ("10 to 14", "10-14"),
        ("85\u201389", "85-89"),
        ("90+", "90+"),
        ("90 and over", "90+"),
        ("90 plus", "90+"),
    ],
)
def test_label_spellings(label, canonical):
    assert normalise_band(label) == canonical


def test_lookup_by_label_and_unknown_bands():
    assert np.array_equal(esp2013_for_bands(["90+", "0-4"]), [1000.0, 5000.0])
    with pytest.raises(KeyError):
        esp2013_for_bands(["0-5"])


def test_fresh_array_each_call():
    first = esp2013()
    first[0] = 0
    assert esp2013()[0] == 5000
