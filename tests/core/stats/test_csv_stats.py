import io

import pytest

from wellboard.core.stats.csv_stats import compute_csv
from wellboard.core.stats.dsr import directly_standardised_rate
from wellboard.core.stats.errors import StatsInputError
from wellboard.core.stats.proportions import wilson_interval
from wellboard.core.stats.rates import crude_rate
from wellboard.core.stats.standard_populations import esp2013, esp2013_bands


def run(text: str, method: str, confidence: float = 95, multiplier: float | None = None):
    return compute_csv(io.StringIO(text), method, confidence, multiplier)


def dsr_text(groups=("North", "South"), skip=None, header="group,age_band,numerator,denominator"):
    lines = [header]
    for g, group in enumerate(groups):
        for i, band in enumerate(esp2013_bands()):
            if (group, band) != skip:
                lines.append(f"{group},{band},{(i + g) % 7 + 1},{1000 + 10 * i}")
    return "\n".join(lines) + "\n"


# --- results -------------------------------------------------------------------------------


def test_wilson_rows_as_proportions_by_default_and_percentages_with_a_multiplier():
    text = "area,numerator,denominator\nA,10,100\nB,0,40\n"
    rows = run(text, "wilson")
    assert rows[0] == pytest.approx({"value": 0.1, "lower": 0.055229, "upper": 0.174366}, abs=1e-6)
    assert set(rows[0]) == {"value", "lower", "upper"}
    percent = run(text, "wilson", 99.8, 100)
    expected = wilson_interval([10, 0], [100, 40], 0.998, 100)
    assert [r["upper"] for r in percent] == pytest.approx(list(expected.upper), rel=1e-15)
    assert all(type(v) is float for v in percent[1].values())


def test_confidence_as_a_fraction_or_a_percentage_is_the_same():
    text = "numerator,denominator\n3,70\n"
    assert run(text, "byars", 0.998) == run(text, "byars", 99.8)


def test_byars_rows_per_100000_by_default():
    rows = run("Numerator,Denominator\n5,100\n250,220\n", "byars")
    expected = crude_rate([5, 250], [100, 220], 0.95, 100_000)
    assert [r["value"] for r in rows] == pytest.approx([5000.0, 113636.36363636365])
    assert [r["lower"] for r in rows] == pytest.approx(list(expected.lower), rel=1e-15)


def test_missing_values_give_none_and_blank_lines_are_skipped():
    rows = run("numerator,denominator\n\n,100\n10,\n0,0\n", "wilson")
    assert rows == [{"value": None, "lower": None, "upper": None}] * 3


def test_dsr_with_esp2013_per_group_in_order_of_first_appearance():
    text = dsr_text(groups=("South", "North"))
    rows = run(text, "dsr")
    assert [r["group"] for r in rows] == ["South", "North"]
    counts = [(i + g) % 7 + 1 for g in range(2) for i in range(19)]
    pops = [1000 + 10 * i for _ in range(2) for i in range(19)]
    expected = directly_standardised_rate(
        [g for g in range(2) for _ in range(19)], counts, pops, list(esp2013()) * 2
    )
    assert [r["value"] for r in rows] == pytest.approx(list(expected.value), rel=1e-14)
    assert [r["upper"] for r in rows] == pytest.approx(list(expected.upper), rel=1e-14)


def test_dsr_with_its_own_standard_population_and_small_totals():
    text = (
        "group,age_band,numerator,denominator,standard_population\n"
        "A,young,20,1000,600\nA,old,30,500,400\nB,young,2,900,600\nB,old,,100,400\n"
    )
    rows = run(text, "dsr")
    assert rows[0]["group"] == "A" and rows[0]["value"] == pytest.approx(3600.0)
    assert rows[1] == {"group": "B", "value": None, "lower": None, "upper": None}


def test_reads_a_path(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("\ufeffnumerator,denominator\r\n1,100\r\n", encoding="utf-8")
    assert compute_csv(path, "wilson", 95, 100)[0]["value"] == 1.0
    assert compute_csv(str(path), "byars", 95, 100)[0]["upper"] == pytest.approx(5.5716433909)


# --- bad input: one test per case, each checking the row named ------------------------------


def expect_error(text: str, method: str, match: str, **kwargs) -> str:
    with pytest.raises(StatsInputError, match=match) as caught:
        run(text, method, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_empty_file():
    expect_error("", "wilson", r"^row 1: the file is empty")
    expect_error("\n\n", "byars", r"^row 1: the file is empty")


def test_missing_column_names_the_header_row():
    message = expect_error(
        "numerator,denom\n1,2\n", "wilson", r"^row 1: missing column denominator"
    )
    assert "numerator, denominator" in message


def test_missing_dsr_columns():
    expect_error("group,numerator,denominator\nA,1,2\n", "dsr", r"^row 1: missing column age_band")


def test_negative_count_names_its_row():
    expect_error("numerator,denominator\n1,10\n-2,10\n", "byars", r"^row 3: numerator must not be")


def test_negative_denominator_names_its_row():
    expect_error("numerator,denominator\n1,10\n2,-10\n", "wilson", r"^row 3: denominator must not")


def test_numerator_above_denominator_for_wilson_names_its_row():
    text = "numerator,denominator\n1,10\n5,10\n12,10\n"
    expect_error(text, "wilson", r"^row 4: numerator 12 is greater than denominator 10")
    assert run(text, "byars")[2]["value"] == pytest.approx(120_000.0)  # fine for a rate


def test_non_numbers_name_their_row():
    expect_error("numerator,denominator\n1,10\nten,10\n", "wilson", r"^row 3: numerator 'ten'")
    expect_error("numerator,denominator\n1,1e999\n", "byars", r"^row 2: denominator '1e999'")
    expect_error("numerator,denominator\nnan,10\n", "byars", r"^row 2: numerator 'nan'")
    expect_error('numerator,denominator\n"1,000",10\n', "byars", r"^row 2: numerator '1,000'")


def test_row_numbers_count_blank_lines_as_in_the_file():
    expect_error("numerator,denominator\n1,10\n\n\nx,10\n", "byars", r"^row 5: numerator 'x'")


def test_unknown_age_band_names_its_row():
    text = dsr_text().replace("North,45-49,", "North,45-50,")
    expect_error(text, "dsr", r"^row 11: unknown age band '45-50'")


def test_repeated_age_band_names_its_row():
    text = dsr_text() + "South,0-4,1,100\n"
    expect_error(text, "dsr", r"^row 40: age band '0-4' repeats for group 'South'")


def test_group_lacking_age_bands_names_its_first_row():
    text = dsr_text(skip=("South", "90+"))
    expect_error(text, "dsr", r"^row 21: group 'South' .* no rows for age band 90\+$")


def test_dsr_population_must_be_positive():
    text = dsr_text().replace("North,5-9,2,1010", "North,5-9,2,0")
    expect_error(text, "dsr", r"^row 3: denominator \(population\) must be greater than zero")


def test_dsr_group_must_be_named():
    expect_error(dsr_text().replace("North,0-4", ",0-4"), "dsr", r"^row 2: group is empty")


def test_dsr_standard_population_must_be_given_when_its_column_is():
    text = "group,age_band,numerator,denominator,standard_population\nA,x,1,10,\n"
    expect_error(text, "dsr", r"^row 2: standard_population is empty")


def test_unknown_method():
    expect_error("numerator,denominator\n1,2\n", "poisson", r"unknown method 'poisson'")


def test_bad_confidence_and_multiplier():
    expect_error("numerator,denominator\n1,2\n", "wilson", r"confidence", confidence=100)
    expect_error("numerator,denominator\n1,2\n", "wilson", r"multiplier", multiplier=0)


def test_malformed_csv_names_its_row():
    with pytest.raises(StatsInputError, match=r"^row \d+: not valid CSV"):
        compute_csv(io.StringIO('numerator,denominator\n1,2\n"3,4\n'), "wilson", 95)
