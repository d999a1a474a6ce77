"""Fingertips values through its API, by the fingertips-py client (installed with the app).

fingertips-py's ``get_data_by_indicator_ids`` returns a pandas DataFrame of the API's
``all_data/csv/by_indicator_id`` response, whose columns are those of the download CSV; its
records go through the same validation and writing as a download. The fetch function can
be injected; the tests run the real client against a local server that replays a recorded
response, so no test touches the network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from wellboard.indicators.loaders.errors import LoadError, LoadResult
from wellboard.indicators.loaders.fingertips import load_fingertips_records
from wellboard.partnerships.models import Partnership

COUNTY_AND_UA = 502
"""Fingertips AreaTypeID for upper-tier local authorities (counties and unitaries, 4/23)."""

Fetch = Callable[[Sequence[int], int], Iterable[Mapping[str, Any]]]


def fetch_with_fingertips_py(indicator_ids: Sequence[int], area_type_id: int) -> list[dict]:
    try:
        import fingertips_py
    except ImportError:
        raise LoadError(
            "the Fingertips API needs fingertips-py, installed by make setup: run it again"
        ) from None
    try:
        frame = fingertips_py.get_data_by_indicator_ids(list(indicator_ids), area_type_id)
    except Exception as exc:  # the client raises bare URL and HTTP errors
        raise LoadError(f"the Fingertips API did not answer: {exc}".splitlines()[0]) from None
    return list(frame.to_dict("records"))


def load_fingertips_api(
    *,
    partnership: Partnership,
    indicator_ids: Sequence[int],
    area_type_id: int = COUNTY_AND_UA,
    area_code: str | None = None,
    fetch: Fetch = fetch_with_fingertips_py,
) -> LoadResult:
    """Fetch the indicators for every area of the type (with England and the regions, which
    the API includes as parents) and load them like a download."""
    if not indicator_ids:
        raise LoadError("name at least one Fingertips indicator ID")
    records = [
        # Numbered as the rows of the equivalent CSV, the header being row 1.
        (number, {str(key).lower(): value for key, value in record.items()})
        for number, record in enumerate(fetch(indicator_ids, area_type_id), start=2)
    ]
    if not records:
        raise LoadError(f"the Fingertips API returned no data for {list(indicator_ids)}")
    return load_fingertips_records(partnership=partnership, records=records, area_code=area_code)
