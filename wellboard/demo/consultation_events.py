"""The demo's consultation events: drop-ins and an online session for the open
consultation on the strategy's refresh, dated from the day the demo is loaded so they are
still to come, and the past consultation's public meetings. Added once: a consultation
that has events keeps its own.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from wellboard.consultations.models import Consultation, ConsultationEvent
from wellboard.demo.consultation import OPEN_TITLE, OPENS, PAST_TITLE
from wellboard.strategy.models import Strategy

# (days from the day of loading, time, place, what happens)
OPEN_EVENTS = [
    (6, "10am to 1pm", "Kestrelbury Library, community room",
     "Drop in to read the draft, ask the public health team questions and fill in the form."),
    (13, "6pm to 7pm", "Online (link on the council's website)",
     "A short talk on what the refresh changes, then questions."),
    (20, "1pm to 3pm", "Wenmarsh Family Hub",
     "A session for parents and carers, with a crèche."),
]  # fmt: skip
# (days after the past consultation opened, time, place, what happens)
PAST_EVENTS = [
    (15, "2pm to 4pm", "Harrowfold Town Hall", "Public meeting on the draft strategy."),
    (40, "11am to 1pm", "Oakhythe Community Centre", "Drop-in with Healthwatch."),
]


def add_consultation_events(strategy: Strategy, today: dt.date | None = None) -> int:
    """Events for the demo's consultations that have none yet; how many were made."""
    today = today or timezone.localdate()
    made = 0
    planned = ((OPEN_TITLE, today, OPEN_EVENTS), (PAST_TITLE, OPENS, PAST_EVENTS))
    for title, start, events in planned:
        consultation = Consultation.objects.filter(strategy=strategy, title=title).first()
        if consultation is None or consultation.events.exists():
            continue
        ConsultationEvent.objects.bulk_create(
            ConsultationEvent(
                consultation=consultation,
                date=start + dt.timedelta(days=days),
                time=time,
                place=place,
                description=description,
            )
            for days, time, place, description in events
        )
        made += len(events)
    return made
