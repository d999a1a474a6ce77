"""Outcome indicators a partnership tracks, national (PHOF, ASCOF, NHSOF) or local.

An indicator is held per partnership because its baseline and target are the board's own,
even when its code and name come from a national framework. The national catalogue
(``CatalogueEntry``, loaded from data/catalogue.csv) is shared by every partnership; an
indicator whose code resolves to an entry is linked to it, and a national-looking code that
resolves to nothing is kept and flagged as unknown rather than refused, because plans cite
retired and mistyped codes that a board still needs to see.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from wellboard.base.models import TimestampedModel
from wellboard.core.indicator_codes import is_code, split_code
from wellboard.partnerships.models import Partnership

NATIONAL_FRAMEWORKS = ("PHOF", "ASCOF", "NHSOF")


class Polarity(models.TextChoices):
    NOT_SET = "", "Not set"
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"


class CatalogueEntryManager(models.Manager["CatalogueEntry"]):
    def get_by_natural_key(self, framework: str, code: str) -> CatalogueEntry:
        return self.get(framework=framework, code=code)


class CatalogueEntry(models.Model):
    """One indicator of a national outcomes framework, as data/catalogue.csv lists it."""

    framework = models.CharField(max_length=10)
    code = models.CharField(
        max_length=30, help_text='As the framework prints it: "2.02ii", "1C(1a)"'
    )
    name = models.CharField(max_length=400)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    fingertips_id = models.CharField(max_length=20, blank=True, db_index=True)
    verified = models.BooleanField(
        default=False, help_text="False where no source confirmed the wording of the name."
    )

    objects = CatalogueEntryManager()

    class Meta:
        ordering = ["framework", "code"]
        verbose_name_plural = "catalogue entries"
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_catalogue_code")
        ]

    def __str__(self) -> str:
        return f"{self.full_code} {self.name}"

    def natural_key(self) -> tuple[str, str]:
        """How a backup names the entry: the same in every installation's catalogue."""
        return (self.framework, self.code)

    @property
    def full_code(self) -> str:
        return f"{self.framework} {self.code}"

    @classmethod
    def lookup(cls, code: str) -> CatalogueEntry | None:
        """The entry a code cites in any spelling plans use ("ASCOF 1.D", "PHOF 2.2ii")."""
        try:
            framework, local = split_code(code)
        except ValueError:
            return None
        return cls.objects.filter(framework=framework, code=local).first()


class Indicator(TimestampedModel):
    Polarity = Polarity

    class CatalogueStatus(models.TextChoices):
        CATALOGUED = "catalogued", "In the national catalogue"
        UNKNOWN = "unknown", "National code not in the catalogue"
        LOCAL = "local", "Local indicator"

    partnership_path: ClassVar[str] = "partnership"

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
    catalogue_entry = models.ForeignKey(
        CatalogueEntry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text="Filled in from the code when it names a catalogued national indicator.",
    )
    fingertips_id = models.CharField(
        max_length=20,
        blank=True,
        help_text="Fingertips IndicatorID, where the catalogue does not give one (local data).",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_indicator_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    def save(self, *args: object, **kwargs: object) -> None:
        """Resolve the code against the catalogue on every save, so that creating an
        indicator by code alone (as importers and the exchange loader do) gives it its
        national name."""
        self.catalogue_entry = CatalogueEntry.lookup(self.code)
        if self.catalogue_entry and not self.name:
            self.name = self.catalogue_entry.name
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def framework(self) -> str:
        if self.catalogue_entry_id is not None and self.catalogue_entry:
            return self.catalogue_entry.framework
        prefix = self.code.split(" ", 1)[0].upper()
        return prefix if prefix in NATIONAL_FRAMEWORKS else "LOCAL"

    @property
    def is_national(self) -> bool:
        return self.framework != "LOCAL"

    @property
    def catalogue_status(self) -> CatalogueStatus:
        if self.catalogue_entry_id is not None:
            return self.CatalogueStatus.CATALOGUED
        if self.framework != "LOCAL" or is_code(self.code):
            return self.CatalogueStatus.UNKNOWN
        return self.CatalogueStatus.LOCAL

    @property
    def is_known(self) -> bool:
        """False only for a national-looking code the catalogue does not hold."""
        return self.catalogue_status != self.CatalogueStatus.UNKNOWN

    @property
    def effective_polarity(self) -> str:
        """The board's polarity, else the catalogue's: comparisons need a direction."""
        if self.polarity:
            return self.polarity
        return self.catalogue_entry.polarity if self.catalogue_entry else ""

    @property
    def effective_unit(self) -> str:
        if self.unit:
            return self.unit
        return self.catalogue_entry.unit if self.catalogue_entry else ""

    @property
    def effective_fingertips_id(self) -> str:
        if self.fingertips_id:
            return self.fingertips_id
        return self.catalogue_entry.fingertips_id if self.catalogue_entry else ""


class ReportingArea(TimestampedModel):
    """The geography a partnership reports on (its upper-tier authority) and its region,
    so that pages can pick the partnership's own rows out of a national data download."""

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="reporting_area"
    )
    area_code = models.CharField(max_length=20)
    area_name = models.CharField(max_length=200, blank=True)
    region_code = models.CharField(max_length=20, blank=True)
    region_name = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"{self.area_name or self.area_code} ({self.partnership})"


ENGLAND_CODE = "E92000001"


class IndicatorValue(models.Model):
    """One published or locally computed value of an indicator for an area and period.

    The columns follow the Fingertips data download, so a download row maps to one record;
    local uploads fill the same columns with limits computed by wellboard.core.stats.
    """

    class Source(models.TextChoices):
        FINGERTIPS = "fingertips", "Fingertips"
        LOCAL = "local", "Local upload"

    partnership_path: ClassVar[str] = "indicator__partnership"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area_code = models.CharField(max_length=20)
    area_name = models.CharField(max_length=200, blank=True)
    area_type = models.CharField(max_length=100, blank=True)
    parent_code = models.CharField(max_length=20, blank=True)
    period_label = models.CharField(max_length=40)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_sort = models.BigIntegerField(default=0, help_text="Orders periods chronologically.")
    sex = models.CharField(max_length=20, blank=True)
    age = models.CharField(max_length=40, blank=True)
    category_type = models.CharField(
        max_length=200, blank=True, help_text="Breakdown, e.g. a deprivation quintile type."
    )
    category = models.CharField(max_length=200, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    lower_ci95 = models.FloatField(null=True, blank=True)
    upper_ci95 = models.FloatField(null=True, blank=True)
    lower_ci998 = models.FloatField(null=True, blank=True)
    upper_ci998 = models.FloatField(null=True, blank=True)
    value_note = models.CharField(max_length=300, blank=True)
    compared_to_england = models.CharField(max_length=100, blank=True)
    trend = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.FINGERTIPS)
    recorded_at = models.DateTimeField(auto_now=True)

    KEY_FIELDS = (
        "indicator",
        "area_code",
        "period_label",
        "sex",
        "age",
        "category_type",
        "category",
    )

    class Meta:
        ordering = ["indicator", "area_code", "period_sort", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "area_code",
                    "period_label",
                    "sex",
                    "age",
                    "category_type",
                    "category",
                ],
                name="unique_indicator_value",
            )
        ]
        indexes = [models.Index(fields=["indicator", "period_sort"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area_name or self.area_code} {self.period_label}"
