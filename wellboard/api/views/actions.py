"""Actions: the filtered list (the web list's filters), one action, its updates, and the
writes (add an action, edit one with If-Match, add an update)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from wellboard.accounts.permissions import get_for_user
from wellboard.api import writing
from wellboard.api.action_reads import read_bodies
from wellboard.api.declared import ApiView
from wellboard.api.inputs import ActionCreateInput, ActionEditInput, UpdateInput
from wellboard.api.problems import problem
from wellboard.api.serializers import ActionSerializer, UpdateSerializer
from wellboard.api.views.records import int_param
from wellboard.strategy.delivery import action_state
from wellboard.strategy.delivery_current import current_state
from wellboard.strategy.listing import ActionFilters
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionOrganisation,
    DeliveryStatus,
    Priority,
    ProgressUpdate,
)
from wellboard.strategy.presenters import today

FILTERS = [
    OpenApiParameter("strategy", OpenApiTypes.INT),
    OpenApiParameter("theme", OpenApiTypes.INT),
    OpenApiParameter("board", OpenApiTypes.INT, description="A governance board's id"),
    OpenApiParameter("lead", OpenApiTypes.INT, description="A lead organisation's id"),
    OpenApiParameter("role", OpenApiTypes.INT, description="A role type's id"),
    OpenApiParameter("status", str, enum=[*DeliveryStatus.values, "stale"]),
    OpenApiParameter("due_before", OpenApiTypes.DATE),
    OpenApiParameter("due_after", OpenApiTypes.DATE),
    OpenApiParameter("q", str, description="Words in the title, description, measures, updates"),
]
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description='The action\'s version as read, e.g. "3": a newer save refuses the edit (412).',
)


def action_records() -> QuerySet[Action]:
    """Actions (archived ones too) with what their state and links need, fetched along."""
    return Action.objects.select_related("lead_officer", "role_type").prefetch_related(
        "organisation_links",
        "board_links",
        "milestones",
        Prefetch("updates", ProgressUpdate.objects.counted()),
    )


def _link_ids() -> list[Any]:
    """The links' ids and the milestones, fetched along (no linked record is read)."""
    links = ActionOrganisation.objects.only("action_id", "organisation_id", "is_lead")
    boards = ActionBoard.objects.only("action_id", "board_id")
    return [Prefetch("organisation_links", links), Prefetch("board_links", boards), "milestones"]


def read_action_records() -> QuerySet[Action]:
    """Actions (archived ones too) with their kept delivery and the links' ids."""
    found = Action.objects.select_related("lead_officer", "role_type", "current_update")
    return found.prefetch_related(*_link_ids())


def listed_actions(filters: ActionFilters, user: Any) -> QuerySet[Action]:
    """The matching actions in plan order (status: in the database) with what the list's
    body shows and nothing more: the links' ids without the records they link to, no path
    to the strategy. Each model and column fetched along costs CPU to compile and read."""
    found = filters.matching(user, today()).select_related(None)
    return (
        found.select_related("lead_officer", "role_type", "current_update")
        .prefetch_related(*_link_ids())
        .in_plan_order()
    )


def action_body(actions: list[Action], kept: bool = False, **extra: Any) -> Any:
    """Actions with their state: from the counted updates fetched along (after a write,
    through ActionSerializer), or (`kept`, for the reads, whose queries fetch no updates)
    from the delivery columns kept on each, written by `read_bodies`."""
    on = today()
    if kept:
        return read_bodies(actions, {a.pk: current_state(a, on) for a in actions})
    states = {a.pk: action_state(a, on) for a in actions}
    return ActionSerializer(actions, many=True, context={"states": states, **extra}).data


class Stale412(serializers.Serializer):
    """For the schema only: the problem a stale or unversioned write gets."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()


class ActionEdited(ActionSerializer):
    awaiting_approval = serializers.SerializerMethodField()

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "awaiting_approval"]

    def get_awaiting_approval(self, action: Action) -> list[str]:
        """Fields whose change waits for an administrator's approval."""
        waiting: list[str] = self.context.get("waiting", [])
        return waiting


class ActionList(ApiView):
    rules: ClassVar[dict[str, str | None]] = {"GET": None, "POST": "plan.edit"}
    serializer_class = ActionSerializer

    @extend_schema(
        tags=["actions"],
        operation_id="actions_list",
        parameters=FILTERS,
        responses=ActionSerializer(many=True),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters, errors = ActionFilters.from_query(request.query_params)
        if errors:
            raise exceptions.ValidationError({"query": errors})
        page = self.paginate_queryset(listed_actions(filters, request.user))
        return self.get_paginated_response(action_body(list(page or []), kept=True))

    @extend_schema(
        tags=["actions"],
        operation_id="actions_create",
        request=ActionCreateInput,
        responses={201: ActionSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = ActionCreateInput(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        try:
            priority = get_for_user(Priority, data["priority"], request.user, "plan.edit")
        except (Http404, PermissionDenied) as error:  # not theirs, or not theirs to build
            raise exceptions.ValidationError(
                {"priority": ["No priority with this id that you may add actions to."]}
            ) from error
        action = writing.create_action(priority, request.user, data)
        body = action_body([action_records().get(pk=action.pk)])[0]
        return Response(body, status=201, headers={"Location": f"/api/v1/actions/{action.pk}/"})


class ActionDetail(ApiView):
    model = Action
    rules: ClassVar[dict[str, str | None]] = {"GET": "action.view", "PATCH": "action.edit"}
    serializer_class = ActionSerializer

    def base_queryset(self) -> QuerySet[Action]:
        """Reading one action: its state from the delivery columns kept on it (as the list
        shows it), so none of its updates is read; editing: `action_records`."""
        if self.request.method in ("GET", "HEAD"):
            return read_action_records()
        return action_records()

    @extend_schema(tags=["actions"], operation_id="actions_read")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(action_body([self.get_object()], kept=True)[0])

    @extend_schema(
        tags=["actions"],
        operation_id="actions_edit",
        request=ActionEditInput,
        parameters=[IF_MATCH],
        responses={
            200: ActionEdited,
            412: OpenApiResponse(Stale412, description="Saved by someone else since"),
            428: OpenApiResponse(Stale412, description="No If-Match"),
        },
    )
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action = self.get_object()
        version = _version(request.headers.get("If-Match", ""))
        if version is None:
            return problem(428, 'Send If-Match with the action\'s version, as read, e.g. "3".')
        given = ActionEditInput(data=request.data, partial=True)
        given.is_valid(raise_exception=True)
        try:
            waiting = writing.edit_action(action, request.user, version, dict(given.validated_data))
        except writing.Stale as stale:
            return problem(412, str(stale))
        fresh = action_records().get(pk=action.pk)
        states = {fresh.pk: action_state(fresh, today())}
        return Response(ActionEdited(fresh, context={"states": states, "waiting": waiting}).data)


def _version(header: str) -> int | None:
    """The version an If-Match names: "3", W/"3" or 3; None when there is none."""
    text = header.strip().removeprefix("W/").strip('"').strip()
    if not text:
        return None
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else -1


class ActionUpdates(ApiView):
    """An action's updates (newest first), and adding one."""

    model = Action
    rules: ClassVar[dict[str, str | None]] = {"GET": "action.view", "POST": "action.update"}
    serializer_class = UpdateSerializer

    def base_queryset(self) -> QuerySet[Action]:
        return action_records()

    @extend_schema(
        tags=["updates"],
        operation_id="action_updates_list",
        responses=UpdateSerializer(many=True),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action = self.get_object()
        updates = ProgressUpdate.objects.filter(action=action).select_related("review")
        page = self.paginate_queryset(updates.order_by("-date", "-id"))
        return self.get_paginated_response(UpdateSerializer(page, many=True).data)

    @extend_schema(
        tags=["updates"],
        operation_id="action_updates_create",
        request=UpdateInput,
        responses={201: UpdateSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action = self.get_object()
        given = UpdateInput(data=request.data)
        given.is_valid(raise_exception=True)
        update = writing.add_update(action, request.user, dict(given.validated_data))
        saved = ProgressUpdate.objects.select_related("review").get(pk=update.pk)
        location = f"/api/v1/updates/{update.pk}/"
        return Response(UpdateSerializer(saved).data, status=201, headers={"Location": location})


__all__ = ["ActionDetail", "ActionList", "ActionUpdates", "int_param"]
