"""The ordered links of actions and themes to organisations, boards, indicators and
other strategies. Each keeps a position, because plans list leads, boards and codes in an
order the board chose and exports must give them back in that order."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from wellboard.partnerships.models import GovernanceBoard, Organisation, OtherStrategy
from wellboard.strategy.querysets import ACTION_PATH, THEME_PATH, PlanPartQuerySet


class ActionOrganisation(models.Model):
    """An organisation leading or supporting an action, in the order the plan names them."""

    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    action = models.ForeignKey(
        "strategy.Action", on_delete=models.CASCADE, related_name="organisation_links"
    )
    # PROTECT: deleting an organisation must not silently drop it as an action's lead.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    is_lead = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.organisation} {'leads' if self.is_lead else 'supports'} {self.action}"


class ActionBoard(models.Model):
    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    action = models.ForeignKey(
        "strategy.Action", on_delete=models.CASCADE, related_name="board_links"
    )
    board = models.ForeignKey(GovernanceBoard, on_delete=models.PROTECT)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.board} oversees {self.action}"


class ActionIndicator(models.Model):
    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    action = models.ForeignKey(
        "strategy.Action", on_delete=models.CASCADE, related_name="indicator_links"
    )
    # By name: indicators sit in a layer above the strategy (ARCHITECTURE.md).
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.action} contributes to {self.indicator}"


class ActionLink(models.Model):
    """A link from an action to another strategy it serves."""

    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    action = models.ForeignKey(
        "strategy.Action", on_delete=models.CASCADE, related_name="strategy_links"
    )
    other_strategy = models.ForeignKey(OtherStrategy, on_delete=models.PROTECT)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.action} serves {self.other_strategy}"


class ThemeIndicator(models.Model):
    strategy_path: ClassVar[str] = f"theme__{THEME_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    theme = models.ForeignKey(
        "strategy.Theme", on_delete=models.CASCADE, related_name="indicator_links"
    )
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.theme} measured by {self.indicator}"
