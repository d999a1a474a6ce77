"""/api/v1/: the REST API (ARCHITECTURE.md, README "The API")."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from wellboard.accounts.guards import Guard
from wellboard.api.views import records as r
from wellboard.api.views.actions import ActionDetail, ActionList, ActionUpdates
from wellboard.api.views.docs import DocsView

app_name = "api"


def _open_to_all(view: Any) -> Any:
    """The schema and its documentation: anyone may read them (they hold no records)."""
    view.guard = Guard({"GET": None}, signed_in=False)
    return view


urlpatterns = [
    path("schema/", _open_to_all(SpectacularJSONAPIView.as_view()), name="schema"),
    path(
        "docs/",
        _open_to_all(DocsView.as_view(url_name="api:schema")),
        name="docs",
    ),
    path("partnerships/", r.PartnershipList.as_view(), name="partnerships"),
    path("partnerships/<int:pk>/", r.PartnershipDetail.as_view(), name="partnership"),
    path("strategies/", r.StrategyList.as_view(), name="strategies"),
    path("strategies/<int:pk>/", r.StrategyDetail.as_view(), name="strategy"),
    path("plans/", r.PlanList.as_view(), name="plans"),
    path("plans/<int:pk>/", r.PlanDetail.as_view(), name="plan"),
    path("themes/", r.ThemeList.as_view(), name="themes"),
    path("themes/<int:pk>/", r.ThemeDetail.as_view(), name="theme"),
    path("priorities/", r.PriorityList.as_view(), name="priorities"),
    path("priorities/<int:pk>/", r.PriorityDetail.as_view(), name="priority"),
    path("actions/", ActionList.as_view(), name="actions"),
    path("actions/<int:pk>/", ActionDetail.as_view(), name="action"),
    path("actions/<int:pk>/updates/", ActionUpdates.as_view(), name="action_updates"),
    path("updates/", r.UpdateList.as_view(), name="updates"),
    path("updates/<int:pk>/", r.UpdateDetail.as_view(), name="update"),
    path("organisations/", r.OrganisationList.as_view(), name="organisations"),
    path("organisations/<int:pk>/", r.OrganisationDetail.as_view(), name="organisation"),
    path("boards/", r.BoardList.as_view(), name="boards"),
    path("boards/<int:pk>/", r.BoardDetail.as_view(), name="board"),
    path("indicators/", r.IndicatorList.as_view(), name="indicators"),
    path("indicators/<int:pk>/", r.IndicatorDetail.as_view(), name="indicator"),
    path("indicators/<int:pk>/values/", r.IndicatorValues.as_view(), name="indicator_values"),
]
