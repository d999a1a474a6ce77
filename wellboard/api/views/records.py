"""Read endpoints: a list (the caller's partnerships' records, a page at a time) and a
detail (the permission layer's answer for that record) for each kind of record."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from wellboard.api import serializers as s
from wellboard.api.declared import ApiView
from wellboard.base.ids import is_id
from wellboard.indicators.models import Indicator, IndicatorValue
from wellboard.partnerships.models import GovernanceBoard, Organisation, Partnership
from wellboard.strategy.models import Plan, Priority, ProgressUpdate, Strategy, Theme


def int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name, "")
    if not raw:
        return None
    if not is_id(raw):
        raise exceptions.ValidationError({name: [f"{name} must be a whole number"]})
    return int(raw)


def _parameters(names: tuple[str, ...]) -> list[OpenApiParameter]:
    return [
        OpenApiParameter(name, OpenApiTypes.INT, description=f"Only those of this {name}")
        for name in names
    ]


class RecordList(ApiView):
    """Active records of `listed` in the caller's partnerships, narrowed by `by`
    (query parameter -> field)."""

    listed: ClassVar[type[models.Model]]
    by: ClassVar[dict[str, str]] = {}
    order: ClassVar[tuple[str, ...]] = ()

    def records(self) -> QuerySet[Any]:
        queryset = self.listed._default_manager.all()
        if hasattr(queryset, "active"):
            queryset = queryset.active()
        queryset = self.scoped(self.listed, queryset)
        for param, field in self.by.items():
            value = int_param(self.request, param)
            if value is not None:
                queryset = queryset.filter(**{field: value})
        return queryset.order_by(*self.order) if self.order else queryset

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.records())
        data = self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)


class RecordDetail(ApiView):
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)


def pair(
    model: type[models.Model],
    serializer: Any,
    rule: str,
    by: dict[str, str] | None = None,
    order: tuple[str, ...] = (),
    tag: str = "",
) -> tuple[type[RecordList], type[RecordDetail]]:
    """The list and detail views of one kind of record."""
    name = model.__name__
    listing = type(
        f"{name}List",
        (RecordList,),
        {"listed": model, "serializer_class": serializer, "by": by or {}, "order": order},
    )
    detail = type(
        f"{name}Detail",
        (RecordDetail,),
        {"model": model, "serializer_class": serializer, "rules": {"GET": rule}},
    )
    plural = tag or str(model._meta.verbose_name_plural)

    # Functions of their own: the schema's annotations are kept on the function.
    def list_get(self: RecordList, request: Request, *args: Any, **kwargs: Any) -> Response:
        return RecordList.get(self, request, *args, **kwargs)

    def detail_get(self: RecordDetail, request: Request, *args: Any, **kwargs: Any) -> Response:
        return RecordDetail.get(self, request, *args, **kwargs)

    listing.get = extend_schema(  # type: ignore[attr-defined]
        tags=[plural],
        operation_id=f"{plural}_list",
        parameters=_parameters(tuple(by or {})),
        responses=serializer(many=True),
    )(list_get)
    detail.get = extend_schema(tags=[plural], operation_id=f"{plural}_read")(detail_get)  # type: ignore[attr-defined]
    return listing, detail


PartnershipList, PartnershipDetail = pair(Partnership, s.PartnershipSerializer, "partnership.view")
StrategyList, StrategyDetail = pair(
    Strategy, s.StrategySerializer, "strategy.view", {"partnership": "partnership_id"}
)
PlanList, PlanDetail = pair(Plan, s.PlanSerializer, "strategy.view", {"strategy": "strategy_id"})
ThemeList, ThemeDetail = pair(Theme, s.ThemeSerializer, "theme.view", {"plan": "plan_id"})
PriorityList, PriorityDetail = pair(
    Priority, s.PrioritySerializer, "priority.view", {"theme": "theme_id"}
)
UpdateList, UpdateDetail = pair(
    ProgressUpdate,
    s.UpdateSerializer,
    "action.view",
    {"action": "action_id"},
    order=("-date", "-id"),
    tag="updates",
)
OrganisationList, OrganisationDetail = pair(
    Organisation, s.OrganisationSerializer, "directory.view", {"partnership": "partnership_id"}
)
BoardList, BoardDetail = pair(
    GovernanceBoard,
    s.BoardSerializer,
    "directory.boards",
    {"partnership": "partnership_id"},
    tag="boards",
)
IndicatorList, IndicatorDetail = pair(
    Indicator, s.IndicatorSerializer, "indicator.view", {"partnership": "partnership_id"}
)


class IndicatorValues(ApiView):
    """An indicator's values, oldest period first (the indicator's rule decides)."""

    model = Indicator
    rules: ClassVar[dict[str, str | None]] = {"GET": "indicator.view"}
    serializer_class = s.IndicatorValueSerializer

    @extend_schema(
        tags=["indicators"],
        operation_id="indicator_values_list",
        parameters=[OpenApiParameter("area_code", str)],
        responses=s.IndicatorValueSerializer(many=True),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        indicator = self.get_object()
        values = IndicatorValue.objects.filter(indicator=indicator).order_by(
            "area_code", "period_sort", "id"
        )
        area = request.query_params.get("area_code", "")
        if area:
            values = values.filter(area_code=area[:20])
        page = self.paginate_queryset(values)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
