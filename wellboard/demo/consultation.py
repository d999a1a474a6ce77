"""The demo's consultations: the past one on the strategy's draft (240 invented responses,
their themes, the board's "you said, we did"), and an open one on a draft refresh, so the
public form can be tried.

The responses are invented by core/consultation/invented.py (seeded: the same every load).
Their themes are grouped at once by word frequency (a second or two); where the sentence
model is installed, demo/theme_task.py groups them again with it in the background (half a
minute or more), so that the first `make run` serves pages without waiting for it.
The past consultation points at the demo's "Consultation draft" version (demo/versions.py)
and its "you said, we did" rows at the parts of the text the approved version changed, so
the table shows the words that changed. Run on every demo load, it adds nothing the second
time.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F
from django.utils import timezone

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation, Question, Response, YouSaidWeDid
from wellboard.consultations.services import (
    Submission,
    create_consultation,
    moderate,
    submit_response,
)
from wellboard.consultations.you_said import add_row
from wellboard.core.consultation import Theme, invent_responses
from wellboard.core.consultation.themes import Engine, choose_engine
from wellboard.core.text_compare import sections
from wellboard.strategy.models import Strategy
from wellboard.strategy.version_models import StrategyVersion

PAST_TITLE = "Have your say on our draft health and wellbeing strategy"
OPEN_TITLE = "Refreshing our strategy for 2027: tell us what matters now"
OPENS, CLOSES = dt.date(2024, 1, 29), dt.date(2024, 4, 27)
RESPONSES = 240
# What respondents said about each theme's words, what the board did, and words that find
# the matching theme of comments.
SAID_BY_THEME: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Start well": (
        "Young people wait far too long for mental health support.",
        "Described the support children get while they wait, in school and online.",
        ("camhs", "teenage", "young people"),
    ),
    "Live well": (
        "Getting to appointments without a car is too hard.",
        "Spelt out transport to appointments and asked the ICB to fund volunteer drivers.",
        ("bus", "hospital", "appointment"),
    ),
    "Age well": (
        "Unpaid carers and lonely older people are forgotten.",
        "Named carers' breaks and befriending in the priority.",
        ("carer", "respite", "lonel"),
    ),
    "Reduce health inequalities": (
        "Cold, damp homes and the cost of food make people ill.",
        "Made warm homes and affordable food part of the priority.",
        ("damp", "food", "heating"),
    ),
}
VISION_SAID: tuple[str, str, tuple[str, ...]] = (
    "The vision should be about living happily, and about closing the gap for the poorest areas.",
    "Rewrote the vision: happy as well as healthy lives, and the gap narrowing every year.",
    ("food", "damp", "money"),
)
ADDED_PRIORITY_CUES = ("food", "damp")


def first_engine() -> Engine:
    """Word frequency when the configured engine would be the (slow) sentence model, which
    then runs in the background; otherwise the configured engine itself."""
    configured = analysis.configured_engine()
    return "tfidf" if choose_engine(configured) == "model" else configured


def add_consultations(strategy: Strategy) -> None:
    if not Consultation.objects.filter(strategy=strategy, title=PAST_TITLE).exists():
        _past_consultation(strategy)
    if not Consultation.objects.filter(strategy=strategy, title=OPEN_TITLE).exists():
        _open_consultation(strategy)


def _past_consultation(strategy: Strategy) -> None:
    consultation = create_consultation(
        strategy,
        title=PAST_TITLE,
        summary="Twelve weeks to tell the Board what you think of its draft strategy.",
        opens=OPENS,
        closes=CLOSES,
        privacy_contact="consultation@elmbridgevale.example",
    )
    kept_now = consultation.strategy_version
    draft = strategy.versions.filter(label="Consultation draft").first()
    if draft is not None and kept_now is not None:
        # Consulted on the demo's draft, not on today's words: the version made a moment
        # ago is the approved text again, so it goes (nothing else points at it yet).
        Consultation.objects.filter(pk=consultation.pk).update(strategy_version=draft)
        StrategyVersion.objects.filter(pk=kept_now.pk).delete()
    Consultation.objects.filter(pk=consultation.pk).update(status=Consultation.Status.CLOSED)
    consultation.refresh_from_db()
    _responses(consultation)
    themes = analysis.refresh_themes(consultation, engine=first_engine())
    later = strategy.versions.filter(label__startswith="Approved").order_by("number").last()
    if draft is not None and later is not None:
        _you_said(consultation, draft, later, themes.themes)


def _responses(consultation: Consultation) -> None:
    questions = list(consultation.questions.all())
    on_priorities = [q for q in questions if q.kind == Question.Kind.PRIORITY]
    general = [q for q in questions if q.kind == Question.Kind.GENERAL]
    titles = [q.priority.title if q.priority else q.text for q in on_priorities]
    invented = invent_responses(titles, RESPONSES, seed=2024, comment_rate=0.15)
    span = (CLOSES - OPENS).days
    for n, item in enumerate(invented):
        answers = {
            q.pk: (point, comment)
            for q, point, comment in zip(
                on_priorities, item.agreement, item.priority_comments, strict=True
            )
        }
        if general and item.general_comment:
            answers[general[n % len(general)].pk] = (None, item.general_comment)
        consent = n % 5 != 0
        response = submit_response(
            consultation,
            Submission(
                respondent_type=item.respondent_type,
                organisation_name=item.organisation,
                consent_publish=consent,
                answers=answers,
            ),
        )
        day = OPENS + dt.timedelta(days=(n * span) // RESPONSES)
        moment = dt.datetime.combine(day, dt.time(10)) + dt.timedelta(minutes=7 * n)
        Response.objects.filter(pk=response.pk).update(submitted_at=timezone.make_aware(moment))
        if consent and n % 3 != 0:
            moderate(response, True, response.redacted_text(), None)


def _theme_about(themes: tuple[Theme, ...], cues: tuple[str, ...]) -> str:
    """The label of the theme whose quotes mention the cues most, if any does."""
    scored = [(sum(q.lower().count(c) for q in t.quotes for c in cues), t.label) for t in themes]
    best = max(scored, default=(0, ""))
    return best[1] if best[0] else ""


def _you_said(
    consultation: Consultation,
    draft: StrategyVersion,
    later: StrategyVersion,
    themes: tuple[Theme, ...],
) -> None:
    """A row per part of the text the approved version changed (vision, each theme's
    first priority, a priority added), then one the board answered without a change."""
    before, after = sections(draft.text), sections(later.text)
    theme_titles = {
        f"theme:{t.get('ref') or n}": t.get("title", "")
        for n, t in enumerate(later.text.get("themes", []), start=1)
    }
    for key, (_, text) in after.items():
        if before.get(key, ("", ""))[1] == text:
            continue
        if key == "vision":
            said, did, cues = VISION_SAID
        elif key.endswith(":description") and key.removesuffix(":description") in before:
            theme = theme_titles.get(key.split(":priority:")[0], "")
            if theme not in SAID_BY_THEME:
                continue
            said, did, cues = SAID_BY_THEME[theme]
        elif key not in before and ":priority:" in key:
            said = f"Residents asked the board to make “{text}” a priority."
            did = "Added it as a priority of its own."
            cues = ADDED_PRIORITY_CUES
        else:
            continue
        add_row(
            consultation,
            theme=_theme_about(themes, cues),
            you_said=said,
            we_did=did,
            strategy_version=later,
            section=key,
        )
    add_row(
        consultation,
        you_said="Leisure centre prices put families off being active.",
        we_did="Not changed in the strategy: passed to the council's leisure review.",
    )


def _cues(said: str) -> tuple[str, ...]:
    """The words that found the theme of a row, from what the row says it heard."""
    for known, _, cues in (*SAID_BY_THEME.values(), VISION_SAID):
        if said == known:
            return cues
    return ADDED_PRIORITY_CUES if said.startswith("Residents asked") else ()


def relabel_you_said(consultation: Consultation, themes: tuple[Theme, ...]) -> int:
    """Point the rows at the themes of a new grouping (their labels change with it); how
    many rows changed. The version goes up, so a form opened on the old label is refused."""
    changed = 0
    for row in consultation.you_said_we_did.exclude(theme=""):
        label = _theme_about(themes, _cues(row.you_said))
        if label and label != row.theme:
            rows = YouSaidWeDid.objects.filter(pk=row.pk, version=row.version)
            changed += rows.update(theme=label, version=F("version") + 1)
    return changed


def _open_consultation(strategy: Strategy) -> None:
    today = timezone.localdate()
    consultation = create_consultation(
        strategy,
        title=OPEN_TITLE,
        summary="The Board is refreshing its strategy for 2027 to 2030. Read the draft and "
        "tell us what should change.",
        opens=today - dt.timedelta(days=14),
        closes=today + dt.timedelta(days=76),
        privacy_contact="consultation@elmbridgevale.example",
    )
    Consultation.objects.filter(pk=consultation.pk).update(status=Consultation.Status.OPEN)
