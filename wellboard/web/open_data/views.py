"""The open data page (/open-data/) and its files: for each published strategy, its
actions and its indicators' values as CSV and JSON, under the partnership's licence.

The addresses are stable (a strategy's number and the file's name), so that a council's
dashboard can read them on a schedule. Anyone may read them; an unpublished strategy's
files do not exist (404), for members too, like its public page.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.core.open_data import (
    ACTION_COLUMNS,
    INDICATOR_COLUMNS,
    LICENCES,
    csv_text,
    json_text,
)
from wellboard.strategy.models import Strategy
from wellboard.strategy.presenters import today
from wellboard.web.open_data.datasets import (
    about,
    action_rows,
    indicator_rows,
    published_strategies,
)

COLUMNS = {"actions": ACTION_COLUMNS, "indicators": INDICATOR_COLUMNS}
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _published() -> Any:
    return Strategy.objects.published().active().select_related("partnership")


@guard(signed_in=False)
def open_data(request: HttpRequest) -> HttpResponse:
    strategies = list(published_strategies())
    context = {
        "strategies": [(s, LICENCES[s.partnership.open_data_licence]) for s in strategies],
        "dictionaries": [
            ("actions", "Actions", ACTION_COLUMNS),
            ("indicators", "Indicators", INDICATOR_COLUMNS),
        ],
    }
    return render(request, "web/open_data.jinja", context)


@guard("strategy.public", Strategy, queryset=_published)
def dataset_file(
    request: HttpRequest, strategy: Strategy, *, dataset: str, fmt: str
) -> HttpResponse:
    """One file; `dataset` and `fmt` come from the URL pattern, never from the visitor."""
    day = today()
    rows = action_rows(strategy, day) if dataset == "actions" else indicator_rows(strategy)
    columns = COLUMNS[dataset]
    if fmt == "csv":
        body = csv_text(columns, rows)
    else:
        body = json_text(about(strategy, dataset, day), columns, rows)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = f"strategy-{strategy.pk}-{dataset}.{fmt}"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    licence = LICENCES[strategy.partnership.open_data_licence]
    response["Link"] = f'<{licence.url}>; rel="license"'
    return response
