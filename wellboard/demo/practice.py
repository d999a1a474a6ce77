"""The demo's good practice library: projects the partners ran, each linked to the actions
and priorities it serves, so the practice pages, the action pages and the reports' "good
practice" section have examples to show.

The projects are invented, in the shape a board's library records them: what was done,
where, for whom, with what evidence and whom to ask. Three are published (reports and the
public page show them); one is still being written up. Added once, by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from wellboard.partnerships.models import Organisation, Partnership
from wellboard.practice.models import GoodPractice
from wellboard.strategy.models import Action, Priority, Strategy


@dataclass(frozen=True)
class Example:
    name: str
    summary: str
    place: str
    organisation: str  # acronym
    population_group: str
    evidence: str
    contact: str
    tags: str
    actions: tuple[str, ...]  # action references
    priorities: tuple[str, ...]  # priority references
    published: bool = True


EXAMPLES = [
    Example(
        name="Bump to Baby breastfeeding buddies",
        summary="Trained local mothers visit new mothers at home in the first ten days and "
        "run a weekly drop-in at the family hub, with a midwife on call.",
        place="North locality family hubs",
        organisation="PH",
        population_group="New mothers in the most deprived wards",
        evidence="Breastfeeding at 6-8 weeks rose from 38% to 46% among mothers offered a "
        "buddy, against 41% in the rest of the locality over the same year.",
        contact="Infant feeding lead, Public Health",
        tags="breastfeeding, early years, peer support",
        actions=("1.1.1",),
        priorities=("1.1",),
    ),
    Example(
        name="Quit where you work: stop smoking clinics on site",
        summary="An adviser runs lunchtime clinics at depots, warehouses and the bus garage, "
        "with free vapes or nicotine replacement for twelve weeks.",
        place="Kestrelbury and Harrowfold",
        organisation="PH",
        population_group="Routine and manual workers",
        evidence="214 quit attempts in a year; 49% were smoke-free at four weeks (validated "
        "by CO reading), against 38% in the community service.",
        contact="Stop smoking service manager",
        tags="smoking, workplace, inequalities",
        actions=("4.6", "SH.1.1"),
        priorities=("SH.1",),
    ),
    Example(
        name="Warm and Well winter visits",
        summary="Fire service home safety visits also check heating, damp and benefits, and "
        "refer straight to the council's repair grant and welfare rights advice.",
        place="County-wide",
        organisation="EVFRS",
        population_group="People over 75 living alone",
        evidence="1,130 homes visited in one winter; 312 referrals for heating repairs and "
        "£410,000 of benefits claimed after welfare rights referrals.",
        contact="Community safety team, Fire and Rescue Service",
        tags="older people, warm homes, falls",
        actions=("3.1.4", "4.1"),
        priorities=("3.1",),
    ),
    Example(
        name="Carers' breaks by text message",
        summary="Carers book a short break or a sitting service by replying to a text, "
        "without a new assessment each time.",
        place="Wenmarsh",
        organisation="VAEV",
        population_group="Unpaid carers of people with dementia",
        evidence="Pilot under evaluation with the University of Kestrelbury; first results "
        "are due to the Ageing Well board.",
        contact="Carers support service",
        tags="carers, respite",
        actions=("3.3.1", "3.3.3"),
        priorities=("3.3",),
        published=False,
    ),
]


def add_good_practice(strategy: Strategy) -> int:
    """Create the examples the partnership does not have yet; how many were made."""
    partnership: Partnership = strategy.partnership
    organisations = {o.acronym: o for o in Organisation.objects.filter(partnership=partnership)}
    actions = {a.ref: a for a in Action.objects.in_strategy(strategy)}
    priorities = {p.ref: p for p in Priority.objects.in_strategy(strategy).exclude(ref="")}
    made = 0
    for example in EXAMPLES:
        if GoodPractice.objects.filter(partnership=partnership, name=example.name).exists():
            continue
        practice = GoodPractice(
            partnership=partnership,
            name=example.name,
            summary=example.summary,
            place=example.place,
            organisation=organisations.get(example.organisation),
            population_group=example.population_group,
            evidence_of_impact=example.evidence,
            contact=example.contact,
            published=example.published,
        )
        practice.set_tags(example.tags)
        practice.save()
        practice.actions.set([actions[r] for r in example.actions if r in actions])
        practice.priorities.set([priorities[r] for r in example.priorities if r in priorities])
        made += 1
    return made
