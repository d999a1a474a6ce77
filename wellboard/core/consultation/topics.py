"""What invented residents write about (invented.py composes sentences from these parts).

Wellboard's own words, in the shape of consultation comments on health priorities: a
problem, where or for whom it bites, and what would help. ``cues`` are words of a priority's
title that make a topic a likely comment on it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    cues: tuple[str, ...]
    problems: tuple[str, ...]
    details: tuple[str, ...]
    remedy_leads: tuple[str, ...]
    remedies: tuple[str, ...]
    remedy_tails: tuple[str, ...]


LEADS = ("Please ", "The board should ", "It would help to ", "I would like you to ")
TAILS = ("", " as soon as possible", " before anything else", " within the next year")

TOPICS: tuple[Topic, ...] = (
    Topic(
        "transport to appointments",
        ("transport", "travel", "access", "rural", "hospital"),
        (
            "the bus to the hospital from {town} takes well over an hour",
            "there is no bus back from the hospital after six in the evening",
            "getting to hospital appointments without a car is nearly impossible",
            "taxi fares to the hospital cost more than a day's food",
            "the community transport minibus is booked up weeks ahead",
            "parking at the hospital is so dear that people skip appointments",
        ),
        (
            "",
            " for anyone who does not drive",
            ", so I have missed appointments",
            " and older neighbours simply give up",
            " when you are already unwell",
            " for families with young children",
        ),
        LEADS,
        (
            "put on a bus from {town} that matches clinic times",
            "pay travel costs up front for people on low incomes",
            "offer more appointments closer to home",
            "fund the volunteer drivers scheme properly",
            "let people choose video appointments where it is safe",
        ),
        TAILS,
    ),
    Topic(
        "getting a GP appointment",
        ("primary care", "gp", "access", "services", "prevention"),
        (
            "ringing the surgery at eight in the morning gets me nowhere",
            "the wait for a routine GP appointment in {town} is three weeks",
            "the online booking system at my practice is always full",
            "I never see the same doctor twice",
            "the receptionist asks for details I do not want to share on the phone",
            "my surgery in {town} stopped taking new patients",
        ),
        (
            "",
            " and I end up at A&E instead",
            ", which is worrying with a long-term condition",
            " for my elderly mother",
            " even for a simple review",
            " when you work shifts",
        ),
        LEADS,
        (
            "hold back some same-day appointments for people who cannot book online",
            "open a walk-in clinic in {town}",
            "make more use of pharmacists and nurses for minor problems",
            "let people book evening and weekend appointments",
            "tell us honestly how long the waits are",
        ),
        TAILS,
    ),
    Topic(
        "young people's mental health",
        ("mental", "young", "children", "wellbeing", "start well", "school"),
        (
            "my teenage son waited over a year for a first CAMHS appointment",
            "young people in {town} have nowhere to turn when they are anxious",
            "school counsellors are stretched far too thin",
            "the waiting list for talking therapy for teenagers is endless",
            "social media pressure is making our children miserable",
            "students self-harming are sent home rather than helped",
        ),
        (
            "",
            " and things got much worse in the meantime",
            ", which frightens parents",
            " unless families can pay privately",
            " after the youth club closed",
            " in the secondary schools I know",
        ),
        LEADS,
        (
            "put a mental health worker in every secondary school",
            "reopen drop-in youth services in {town}",
            "offer support to parents while children wait",
            "train teachers to spot the early signs of distress",
            "fund peer support run by young people themselves",
        ),
        TAILS,
    ),
    Topic(
        "loneliness in later life",
        ("age well", "older", "loneliness", "isolation", "independent", "ageing"),
        (
            "many older people in {town} go days without speaking to anyone",
            "since my husband died I hardly leave the house",
            "the lunch club my father loved closed last year",
            "older people who are not online are cut off from everything",
            "isolation is as harmful as any illness for my neighbours",
            "the day centre in {town} has cut its opening hours",
        ),
        (
            "",
            ", especially in winter",
            " and nobody seems to notice",
            " now that the village shop has shut",
            " when family live far away",
            " after a fall knocks their confidence",
        ),
        LEADS,
        (
            "support befriending schemes run by local volunteers",
            "keep community centres open for lunch clubs and coffee mornings",
            "help older people get online with patient one-to-one support",
            "check on people living alone after a hospital stay",
            "fund social prescribing link workers in {town}",
        ),
        TAILS,
    ),
    Topic(
        "parks and being active",
        ("active", "physical", "healthy weight", "green", "live well", "obesity"),
        (
            "the park in {town} is not safe to walk in after dark",
            "there are no safe cycle routes to school",
            "leisure centre prices have gone beyond what families can pay",
            "the footpaths near my home are overgrown and broken",
            "the playground equipment in {town} has been taped off for months",
            "swimming lessons are hard to find and harder to afford",
        ),
        (
            "",
            ", so my children stay indoors",
            " for people using wheelchairs",
            " which puts people off exercise",
            " in the estates that need them most",
            " for anyone on a low income",
        ),
        LEADS,
        (
            "light the paths through the park and keep them clear",
            "build protected cycle lanes to the schools in {town}",
            "offer free or cheap swimming for children and carers",
            "repair the play areas before adding anything new",
            "run free walking groups for people starting out",
        ),
        TAILS,
    ),
    Topic(
        "healthy food and the cost of living",
        ("food", "healthy weight", "poverty", "cost", "inequalities", "nutrition"),
        (
            "fresh fruit and vegetables cost too much for families on benefits",
            "the only shops near me in {town} sell takeaways and sweets",
            "more working families than ever use the food bank",
            "people are choosing between heating and eating",
            "school holidays mean children going hungry",
            "cooking from scratch is hard when energy is so expensive",
        ),
        (
            "",
            " in the streets around me",
            ", and health suffers as a result",
            " despite everyone trying their best",
            " this winter more than ever",
            " for pensioners as well as families",
        ),
        LEADS,
        (
            "expand holiday activities with a free meal for children",
            "support community fridges and affordable food clubs in {town}",
            "limit new takeaways near schools",
            "teach simple, cheap cooking in schools and family hubs",
            "make sure everyone eligible claims Healthy Start",
        ),
        TAILS,
    ),
    Topic(
        "damp and cold homes",
        ("housing", "homes", "warm", "inequalities", "environment"),
        (
            "our rented flat in {town} has black mould in every room",
            "the landlord ignores repeated complaints about damp",
            "we cannot afford to heat the house properly",
            "the children's asthma gets worse every winter in this house",
            "temporary accommodation is damp, cramped and far from school",
            "privately rented homes in {town} are often in terrible condition",
        ),
        (
            "",
            " and the council says its hands are tied",
            ", which is affecting my health",
            " while rents keep rising",
            " for tenants who are afraid to complain",
            " in older terraced streets",
        ),
        LEADS,
        (
            "enforce standards on landlords who leave homes damp",
            "fund insulation and heating upgrades for the poorest homes",
            "link GPs with housing officers when illness is caused by housing",
            "give tenants one number to report damp and mould",
            "prioritise families with sick children for repairs in {town}",
        ),
        TAILS,
    ),
    Topic(
        "support for unpaid carers",
        ("carers", "caring", "care", "independent", "dementia"),
        (
            "as a carer for my wife I have not had a proper break in two years",
            "unpaid carers in {town} are exhausted and invisible",
            "getting a carer's assessment took months",
            "respite care is almost impossible to arrange",
            "young carers miss school and nobody asks why",
            "nobody told me what help I was entitled to as a carer",
        ),
        (
            "",
            " and my own health is suffering",
            ", though we save the system a fortune",
            " when the person you care for has dementia",
            " while also holding down a job",
            " even in a crisis",
        ),
        LEADS,
        (
            "guarantee regular respite breaks for carers",
            "give carers a named contact at the surgery",
            "make carers' assessments quick and simple",
            "identify young carers through schools in {town}",
            "fund carers' support groups that meet in the evenings",
        ),
        TAILS,
    ),
    Topic(
        "smoking, vaping and alcohol",
        ("smoking", "tobacco", "alcohol", "drugs", "staying healthy", "vape"),
        (
            "children in {town} buy vapes from corner shops with no questions asked",
            "vapes are everywhere at the school gates",
            "cheap illegal cigarettes are sold openly in {town}",
            "the stop smoking service was hard to find when I needed it",
            "alcohol is sold cheaply at all hours near my home",
            "street drinking in the town centre puts people off going out",
        ),
        (
            "",
            " and it is getting worse",
            ", which worries every parent I know",
            " right next to the primary school",
            " despite complaints to the police",
            " in the evenings especially",
        ),
        LEADS,
        (
            "crack down on shops selling vapes to children",
            "advertise the stop smoking service in GP surgeries and pharmacies",
            "use licensing powers to limit late-night alcohol sales in {town}",
            "fund youth workers to talk honestly with teenagers about vaping",
            "offer quit support to every smoker admitted to hospital",
        ),
        TAILS,
    ),
)
