"""A handful of responses to the demo's open consultation (issue #11.8).

The past consultation has its 240 invented responses; the open one would otherwise show an
empty responses page and an empty moderation queue. Six invented responses arrive over its
first fortnight through the public form's service (submit_response): four published by the
administrator (moderate), one waiting for moderation and one whose writer did not agree to
publication, so the queue, the published list and the counts all have something to show.
Added once: a consultation with responses keeps them.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.utils import timezone

from wellboard.consultations.choices import RespondentType
from wellboard.consultations.models import Consultation, Question, Response
from wellboard.consultations.services import Submission, moderate, submit_response
from wellboard.demo.consultation import OPEN_TITLE
from wellboard.strategy.models import Strategy

# (days after opening, respondent type, organisation, agree to publish, published,
#  agreement with each priority in turn (repeating), comment on the first priority,
#  general comment). All invented.
RESPONSES = [
    (1, RespondentType.RESIDENT, "", True, True, (5, 4, 4),
     "Please keep the family hub in Wenmarsh open on Saturdays.",
     "The refresh should say more about getting to appointments by bus."),
    (3, RespondentType.ORGANISATION, "Harrowfold Carers Forum", True, True, (4, 5, 3),
     "Carers need breaks they can book without waiting weeks.",
     "Name unpaid carers in every theme, not only in ageing well."),
    (5, RespondentType.RESIDENT, "", False, False, (3, 2, 4),
     "",
     "I rent a damp flat and my children are always ill in winter."),
    (8, RespondentType.PARTNER, "Voluntary Action Elmbridge Vale", True, True, (5, 5, 4),
     "Small groups need funding for more than one year at a time.",
     "Measure what residents say has changed, not only the number of services."),
    (10, RespondentType.RESIDENT, "", True, True, (4, 3, 5),
     "More walking groups for older people in Oakhythe, please.",
     ""),
    (13, RespondentType.RESIDENT, "", True, False, (2, 4, 4),
     "The youth centre in Kestrelbury closed and nothing replaced it.",
     "Young people should be asked directly, at school and online."),
]  # fmt: skip


def add_open_responses(strategy: Strategy) -> int:
    """Add the responses unless the open consultation has some; how many were added."""
    consultation = Consultation.objects.filter(strategy=strategy, title=OPEN_TITLE).first()
    if consultation is None or consultation.responses.exists():
        return 0
    questions = list(consultation.questions.order_by("position"))
    on_priorities = [q for q in questions if q.kind == Question.Kind.PRIORITY]
    general = [q for q in questions if q.kind == Question.Kind.GENERAL]
    moderator = User.objects.filter(username="admin").first()
    for days, kind, organisation, consent, published, points, comment, said in RESPONSES:
        answers: dict[int, tuple[int | None, str]] = {
            q.pk: (points[n % len(points)], comment if n == 0 else "")
            for n, q in enumerate(on_priorities)
        }
        if general and said:
            answers[general[0].pk] = (None, said)
        response = submit_response(
            consultation,
            Submission(
                respondent_type=kind,
                organisation_name=organisation,
                consent_publish=consent,
                answers=answers,
            ),
        )
        moment = dt.datetime.combine(consultation.opens + dt.timedelta(days=days), dt.time(11))
        Response.objects.filter(pk=response.pk).update(submitted_at=timezone.make_aware(moment))
        if published:
            moderate(response, True, response.redacted_text(), moderator)
    return len(RESPONSES)
