"""The demo strategy's deciding bodies and approval history as lifecycle steps: from draft
through consultation, revision, approval and adoption into delivery, each with its minute.

The demo document carries the board decisions (body, date, decision, note); here the
partnership's deciding bodies are set up (the Board approves, the council's Cabinet and the
ICB adopt), each decision is marked with the status step it made (the Cabinet's adoption
waited for the ICB's, which made the strategy adopted), and the officer's steps between
them are added. Run on every demo load, it changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt

from wellboard.partnerships.models import DecidingBody, Partnership
from wellboard.strategy.models import ApprovalDecision, Strategy

HWB = "Health and Wellbeing Board"
CABINET = "Elmbridge Vale County Council Cabinet"
ICB = "NHS Elmbridge Vale Integrated Care Board"
BODIES = [
    (HWB, DecidingBody.Part.APPROVES),
    (CABINET, DecidingBody.Part.ADOPTS),
    (ICB, DecidingBody.Part.ADOPTS),
    ("Adults and Health Select Committee", DecidingBody.Part.OTHER),
]

# (body, meeting date, decision, from status, to status, minute reference)
STEPS = [
    (HWB, "2024-01-18", "consultation_agreed", "draft", "consultation", "HWB/24/04"),
    (HWB, "2024-05-16", "noted", "consultation", "revised", "HWB/24/19"),
    (HWB, "2024-06-20", "approved", "revised", "approved", "HWB/24/27"),
    (CABINET, "2024-07-16", "adopted", "approved", "", "CAB/24/112"),
    (ICB, "2024-07-25", "adopted", "approved", "adopted", "ICB/24/088"),
    (HWB, "2024-09-19", "noted", "adopted", "in_delivery", "HWB/24/36"),
]
NOTES = {
    "HWB/24/19": "Noted the consultation findings and the revised draft.",
    "HWB/24/36": "Noted the first delivery plan; delivery starts.",
}


def add_bodies(partnership: Partnership) -> dict[str, DecidingBody]:
    """The demo partnership's deciding bodies, by name."""
    bodies = {}
    for position, (name, part) in enumerate(BODIES):
        bodies[name], _ = DecidingBody.objects.get_or_create(
            partnership=partnership, name=name, defaults={"part": part, "position": position}
        )
    return bodies


def add_lifecycle(strategy: Strategy) -> None:
    """Mark or add each step of the demo's lifecycle, matched by body, date and decision."""
    bodies = add_bodies(strategy.partnership)
    for body, date, decision, before, after, minute in STEPS:
        record, _ = ApprovalDecision.objects.get_or_create(
            strategy=strategy,
            body=body,
            date=dt.date.fromisoformat(date),
            decision=decision,
            defaults={"note": NOTES.get(minute, "")},
        )
        if record.minute_reference != minute or record.deciding_body_id is None:
            record.from_status, record.to_status, record.minute_reference = before, after, minute
            record.deciding_body = bodies[body]
            record.save(
                update_fields=["from_status", "to_status", "minute_reference", "deciding_body"]
            )
