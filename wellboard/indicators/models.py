"""Outcome indicators a partnership tracks, national (PHOF, ASCOF, NHSOF) or local.

An indicator is held per partnership because its baseline and target are the board's own,
even when its code and name come from a national framework.
"""

from __future__ import annotations

from django.db import models

from wellboard.partnerships.models import Partnership
from wellboard.web.models import TimestampedModel

NATIONAL_FRAMEWORKS = ("PHOF", "ASCOF", "NHSOF")


class Indicator(TimestampedModel):
    class Polarity(models.TextChoices):
        NOT_SET = "", "Not set"
        HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
        LOWER_IS_BETTER = "lower_is_better", "Lower is better"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(
        max_length=300,
        help_text='Framework and code ("PHOF 1.16", "ASCOF 1A"), or a local indicator\'s name',
    )
    name = models.CharField(max_length=400, blank=True)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    baseline = models.FloatField(null=True, blank=True)
    baseline_period = models.CharField(max_length=40, blank=True)
    target = models.FloatField(null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    target_text = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_indicator_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    @property
    def framework(self) -> str:
        prefix = self.code.split(" ", 1)[0].upper()
        return prefix if prefix in NATIONAL_FRAMEWORKS else "LOCAL"

    @property
    def is_national(self) -> bool:
        return self.framework != "LOCAL"
