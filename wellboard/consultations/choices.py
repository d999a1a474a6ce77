"""The fixed answers a consultation offers: kept here so forms, pages and exports agree."""

from __future__ import annotations

from django.db import models


class Agreement(models.IntegerChoices):
    """ "How far do you agree this should be a priority?" on the usual five-point scale."""

    STRONGLY_DISAGREE = 1, "Strongly disagree"
    DISAGREE = 2, "Disagree"
    NEUTRAL = 3, "Neither agree nor disagree"
    AGREE = 4, "Agree"
    STRONGLY_AGREE = 5, "Strongly agree"


class RespondentType(models.TextChoices):
    RESIDENT = "resident", "A resident"
    ORGANISATION = "organisation", "On behalf of an organisation"
    PARTNER = "partner", "A partner organisation of the board"


class Moderation(models.TextChoices):
    """Nothing a member of the public writes is shown to others until a person has read it."""

    PENDING = "pending", "Waiting for moderation"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Not published"


PREFER_NOT = ("prefer_not", "Prefer not to say")

AGE_BANDS = [
    ("under_18", "Under 18"),
    ("18_24", "18 to 24"),
    ("25_34", "25 to 34"),
    ("35_44", "35 to 44"),
    ("45_54", "45 to 54"),
    ("55_64", "55 to 64"),
    ("65_74", "65 to 74"),
    ("75_plus", "75 or over"),
    PREFER_NOT,
]
SEXES = [("female", "Female"), ("male", "Male"), PREFER_NOT]
YES_NO = [("yes", "Yes"), ("no", "No"), PREFER_NOT]
# The Census 2021 high-level ethnic groups for England.
ETHNIC_GROUPS = [
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("white", "White"),
    ("other", "Another ethnic group"),
    PREFER_NOT,
]
SEXUAL_ORIENTATIONS = [
    ("straight", "Straight or heterosexual"),
    ("gay_lesbian", "Gay or lesbian"),
    ("bisexual", "Bisexual"),
    ("other", "Another sexual orientation"),
    PREFER_NOT,
]
RELIGIONS = [
    ("none", "No religion"),
    ("buddhist", "Buddhist"),
    ("christian", "Christian"),
    ("hindu", "Hindu"),
    ("jewish", "Jewish"),
    ("muslim", "Muslim"),
    ("sikh", "Sikh"),
    ("other", "Another religion"),
    PREFER_NOT,
]
