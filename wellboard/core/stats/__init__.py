"""Public-health statistics as PHE/OHID compute them, vectorised with NumPy.

The methods and their sources are those of the R package PHEindicatormethods and the
Fingertips public health technical guidance; each module's docstring names its method and
source. Arrays in, arrays out; no SciPy at run time (the quantile functions are implemented
here) and no Django.
"""

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
