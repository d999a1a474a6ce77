"""The demo strategy's approval history as lifecycle steps: from draft through consultation,
revision, approval and adoption into delivery, each with its minute reference.

The demo document carries the board decisions (body, date, decision, note); here they are
marked with the status step each one made, and the officer's steps between them are added.
Run on every demo load, it changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt

from wellboard.strategy.models import ApprovalDecision, Strategy

# (body, meeting date, decision, from status, to status, minute reference)
STEPS = [
    ("Health and Wellbeing Board", "2024-01-18", "consultation_agreed", "draft", "consultation",
     "HWB/24/04"),
    ("Health and Wellbeing Board", "2024-05-16", "noted", "consultation", "revised", "HWB/24/19"),
    ("Health and Wellbeing Board", "2024-06-20", "approved", "revised", "approved", "HWB/24/27"),
    ("Elmbridge Vale County Council Cabinet", "2024-07-16", "adopted", "approved", "adopted",
     "CAB/24/112"),
    ("NHS Elmbridge Vale Integrated Care Board", "2024-07-25", "adopted", "", "", "ICB/24/088"),
    ("Health and Wellbeing Board", "2024-09-19", "noted", "adopted", "in_delivery", "HWB/24/36"),
]  # fmt: skip
NOTES = {
    "HWB/24/19": "Noted the consultation findings and the revised draft.",
    "HWB/24/36": "Noted the first delivery plan; delivery starts.",
}


def add_lifecycle(strategy: Strategy) -> None:
    """Mark or add each step of the demo's lifecycle, matched by body, date and decision."""
    for body, date, decision, before, after, minute in STEPS:
        record, _ = ApprovalDecision.objects.get_or_create(
            strategy=strategy,
            body=body,
            date=dt.date.fromisoformat(date),
            decision=decision,
            defaults={"note": NOTES.get(minute, "")},
        )
        if record.minute_reference != minute:
            record.from_status, record.to_status, record.minute_reference = before, after, minute
            record.save(update_fields=["from_status", "to_status", "minute_reference"])
