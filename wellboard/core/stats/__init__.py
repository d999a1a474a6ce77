"""Public-health statistics as PHE/OHID compute them, vectorised with NumPy.

The methods and their sources are those of the R package PHEindicatormethods and the
Fingertips public health technical guidance; each module's docstring names its method and
source. Arrays in, arrays out; no SciPy at run time (the quantile functions are implemented
here) and no Django.

Names are imported when first used (PEP 562), so that ``wellboard indicators stats``, whose
start-up is part of every run, loads only the modules it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wellboard.core.stats.compare import (
        Comparison,
        TargetStatus,
        compare_with_benchmark,
        compare_with_target,
        comparison_labels,
        quintile_labels,
        quintiles,
        target_labels,
    )
    from wellboard.core.stats.confidence import GroupedInterval, Interval, normalise_confidence
    from wellboard.core.stats.csv_stats import compute_csv
    from wellboard.core.stats.dsr import directly_standardised_rate
    from wellboard.core.stats.errors import StatsInputError
    from wellboard.core.stats.gamma import chi2_ppf, chi2_sf, gamma_ppf
    from wellboard.core.stats.isr import indirectly_standardised_ratio, standardised_ratio
    from wellboard.core.stats.means import mean_interval
    from wellboard.core.stats.normal import norm_ppf, two_sided_z
    from wellboard.core.stats.polarity import Polarity
    from wellboard.core.stats.proportions import wilson_interval
    from wellboard.core.stats.rates import (
        byars_lower,
        byars_upper,
        crude_rate,
        exact_poisson_limits,
        poisson_limits,
    )
    from wellboard.core.stats.standard_populations import esp2013, esp2013_bands, esp2013_for_bands
    from wellboard.core.stats.student_t import t_ppf
    from wellboard.core.stats.targets import Progress, progress_labels, progress_towards_target
    from wellboard.core.stats.trend import Trend, proportion_trend, trend_labels, value_trend

_MODULES = {
    "Comparison": "compare",
    "GroupedInterval": "confidence",
    "Interval": "confidence",
    "Polarity": "polarity",
    "Progress": "targets",
    "StatsInputError": "errors",
    "TargetStatus": "compare",
    "Trend": "trend",
    "byars_lower": "rates",
    "byars_upper": "rates",
    "chi2_ppf": "gamma",
    "chi2_sf": "gamma",
    "compare_with_benchmark": "compare",
    "compare_with_target": "compare",
    "comparison_labels": "compare",
    "compute_csv": "csv_stats",
    "crude_rate": "rates",
    "directly_standardised_rate": "dsr",
    "esp2013": "standard_populations",
    "esp2013_bands": "standard_populations",
    "esp2013_for_bands": "standard_populations",
    "exact_poisson_limits": "rates",
    "gamma_ppf": "gamma",
    "indirectly_standardised_ratio": "isr",
    "mean_interval": "means",
    "norm_ppf": "normal",
    "normalise_confidence": "confidence",
    "poisson_limits": "rates",
    "progress_labels": "targets",
    "progress_towards_target": "targets",
    "proportion_trend": "trend",
    "quintile_labels": "compare",
    "quintiles": "compare",
    "standardised_ratio": "isr",
    "t_ppf": "student_t",
    "target_labels": "compare",
    "trend_labels": "trend",
    "two_sided_z": "normal",
    "value_trend": "trend",
    "wilson_interval": "proportions",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Comparison",
    "GroupedInterval",
    "Interval",
    "Polarity",
    "Progress",
    "StatsInputError",
    "TargetStatus",
    "Trend",
    "byars_lower",
    "byars_upper",
    "chi2_ppf",
    "chi2_sf",
    "compare_with_benchmark",
    "compare_with_target",
    "comparison_labels",
    "compute_csv",
    "crude_rate",
    "directly_standardised_rate",
    "esp2013",
    "esp2013_bands",
    "esp2013_for_bands",
    "exact_poisson_limits",
    "gamma_ppf",
    "indirectly_standardised_ratio",
    "mean_interval",
    "norm_ppf",
    "normalise_confidence",
    "poisson_limits",
    "progress_labels",
    "progress_towards_target",
    "proportion_trend",
    "quintile_labels",
    "quintiles",
    "standardised_ratio",
    "t_ppf",
    "target_labels",
    "trend_labels",
    "two_sided_z",
    "value_trend",
    "wilson_interval",
]
