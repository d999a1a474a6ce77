"""The SVG charts: well-formed XML, accessible names, escaped text, one mark per datum."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from wellboard.core.charts import (
    Bar,
    StackedRow,
    TrendPoint,
    comparison_chart,
    stacked_bar_chart,
    trend_chart,
)
from wellboard.core.charts.svg import Scale, nice_ticks, safe_id

NS = {"svg": "http://www.w3.org/2000/svg"}
HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def marks(root: ET.Element, cls: str, tag: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{{{NS['svg']}}}{tag}") if e.get("class") == cls]


def accessible_name(root: ET.Element) -> tuple[str, str]:
    """The title and desc the root's aria-labelledby points at."""
    ids = root.get("aria-labelledby", "").split()
    by_id = {e.get("id"): e for e in root.iter()}
    title, desc = (by_id[i] for i in ids)
    assert title.tag.endswith("title") and desc.tag.endswith("desc")
    return title.text or "", desc.text or ""


POINTS = [
    TrendPoint("2019/20", 40.2, 38.9, 41.5),
    TrendPoint("2020/21", None),
    TrendPoint("2021/22", 43.0, 41.7, 44.3),
    TrendPoint("2022/23", 44.1, 42.8, 45.4),
]


def test_trend_chart_is_an_accessible_image() -> None:
    chart = trend_chart(POINTS, title="Breastfeeding at 6-8 weeks", target=46.0)
    root = parse(chart.svg)
    assert root.get("role") == "img"
    title, desc = accessible_name(root)
    assert title == "Breastfeeding at 6-8 weeks"
    assert "2019/20 (40.2)" in desc and "2022/23 (44.1)" in desc and "Target: 46.0" in desc


def test_trend_chart_plots_one_point_per_value_and_one_whisker_per_interval() -> None:
    root = parse(trend_chart(POINTS, title="t").svg)
    assert len(marks(root, "wb-chart__point", "circle")) == 3
    assert len(marks(root, "wb-chart__ci", "line")) == 3


def test_trend_chart_puts_higher_values_higher_up() -> None:
    root = parse(trend_chart(POINTS, title="t").svg)
    ys = [float(c.get("cy", "nan")) for c in marks(root, "wb-chart__point", "circle")]
    # SVG y grows downwards, so rising values give falling y.
    assert ys == sorted(ys, reverse=True)


def test_trend_chart_draws_target_and_benchmark_only_when_given() -> None:
    plain = parse(trend_chart(POINTS, title="t").svg)
    assert not marks(plain, "wb-chart__target", "line")
    full = parse(
        trend_chart(
            POINTS, title="t", target=46.0, benchmark={"2019/20": 45.0, "2022/23": 47.0}
        ).svg
    )
    assert len(marks(full, "wb-chart__target", "line")) == 1
    (benchmark,) = marks(full, "wb-chart__benchmark", "polyline")
    assert len(benchmark.get("points", "").split()) == 2


def test_trend_chart_table_rows_match_the_points() -> None:
    chart = trend_chart(POINTS, title="t", benchmark={"2019/20": 45.0})
    assert [row[0] for row in chart.rows] == [p.label for p in POINTS]
    assert chart.rows[0][1:] == ("40.2", "38.9", "41.5", "45.0")
    assert chart.rows[1][1] == "\N{EN DASH}"


def test_all_chart_text_is_escaped() -> None:
    charts = [
        trend_chart([TrendPoint(HOSTILE, 1.0)], title=HOSTILE, unit=HOSTILE),
        comparison_chart([Bar(HOSTILE, 2.0, 1.0, 3.0, HOSTILE)], title=HOSTILE),
        stacked_bar_chart([StackedRow(HOSTILE, {HOSTILE: 2})], segments=[HOSTILE], title=HOSTILE),
    ]
    for chart in charts:
        assert "<script>" not in chart.svg
        root = parse(chart.svg)  # still well-formed
        assert accessible_name(root)[0] == HOSTILE


def test_chart_id_cannot_break_out_of_its_attribute() -> None:
    root = parse(trend_chart(POINTS, title="t", chart_id='x" onload="alert(1)').svg)
    assert root.get("onload") is None
    assert root.get("id") == safe_id('x" onload="alert(1)')


def test_empty_trend_chart_says_so() -> None:
    root = parse(trend_chart([], title="Nothing yet").svg)
    assert accessible_name(root)[1] == "No values to plot."
    assert not marks(root, "wb-chart__point", "circle")


def test_comparison_chart_draws_a_bar_per_area_coloured_by_comparison() -> None:
    bars = [
        Bar("Elmbridge Vale", 93.6, 93.1, 94.1, "Better", highlight=True),
        Bar("Northmoor", 79.1, 78.2, 80.1, "Worse"),
        Bar("Suppressed", None),
    ]
    chart = comparison_chart(bars, title="Areas", benchmark=91.1)
    root = parse(chart.svg)
    rects = marks(root, "wb-chart__bar", "rect")
    assert len(rects) == 2
    assert rects[0].get("fill") == "#007f3b" and rects[1].get("fill") == "#d5281b"
    assert rects[0].get("stroke") is not None and rects[1].get("stroke") is None
    assert float(rects[0].get("width", 0)) > float(rects[1].get("width", 0))
    assert len(marks(root, "wb-chart__benchmark", "line")) == 1
    assert "Elmbridge Vale: 93.6 (better)" in accessible_name(root)[1]
    assert [row[0] for row in chart.rows] == ["Elmbridge Vale", "Northmoor", "Suppressed"]


def test_stacked_bar_segments_are_proportional_and_tabulated() -> None:
    rows = [
        StackedRow("Start well", {"On track": 3, "At risk": 1}),
        StackedRow("Age well", {"On track": 2}),
    ]
    chart = stacked_bar_chart(rows, segments=["On track", "At risk"], title="Status")
    root = parse(chart.svg)
    segments = marks(root, "wb-chart__segment", "rect")
    assert len(segments) == 3
    widths = [float(s.get("width", 0)) for s in segments]
    assert widths[0] == pytest.approx(3 * widths[1], rel=0.01)
    assert widths[2] == pytest.approx(2 * widths[1], rel=0.01)
    assert chart.headers == ("", "On track", "At risk", "Total")
    assert chart.rows == [("Start well", "3", "1", "4"), ("Age well", "2", "0", "2")]


def test_chart_renders_unescaped_through_the_html_protocol() -> None:
    chart = trend_chart(POINTS, title="t")
    assert chart.__html__() == chart.svg


@pytest.mark.parametrize(
    ("low", "high"), [(0.0, 1.0), (38.9, 46.0), (-3.2, 7.7), (5.0, 5.0), (0.0, 123456.0)]
)
def test_nice_ticks_cover_the_range_with_even_steps(low: float, high: float) -> None:
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and 2 <= len(ticks) <= 12


def test_scale_maps_domain_ends_onto_range_ends() -> None:
    scale = Scale(10.0, 20.0, 300.0, 100.0)
    assert (scale(10.0), scale(15.0), scale(20.0)) == (300.0, 200.0, 100.0)
