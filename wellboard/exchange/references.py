"""Resolving the names a document uses to a partnership's records, creating the unknown.

Plans refer to organisations by acronym or name, to people and boards by name, and to
indicators by code; a document that names something new brings it into the partnership.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from wellboard.core.exchange import ExchangeError
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import (
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
)

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]{1,11}$")
_BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[A-Z][A-Za-z0-9&]{1,11})\)$")


def _org_key(name: str) -> str:
    """A name as compared: lower case, "&" as "and", no leading "the", no punctuation."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return "~" + " ".join(words)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise ExchangeError(f"{value!r} is not a real date") from exc


class References:
    """A per-load cache of the partnership's named records."""

    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self.boards = {b.name: b for b in partnership.boards.all()}
        self.people = {p.name: p for p in partnership.people.all()}
        self.indicators = {i.code: i for i in partnership.indicators.all()}
        self.others = {o.title: o for o in partnership.other_strategies.all()}
        self.organisations: dict[str, Organisation] = {}
        for org in partnership.organisations.all():
            self._remember(org)

    def _remember(self, org: Organisation) -> None:
        self.organisations[org.name] = org
        self.organisations.setdefault(_org_key(org.name), org)
        if org.acronym:
            self.organisations[org.acronym] = org
            self.organisations.setdefault(_org_key(org.acronym), org)

    def _known_organisation(self, label: str, acronym: str) -> Organisation | None:
        """The partnership's organisation a plan names: by name or acronym as written, then
        ignoring case, "the" and punctuation ("the County Council", "Public Health Team"
        is not "Public Health"), then by the acronym in brackets ("Carers Trust (CT)")."""
        bracketed = _BRACKETED.match(label)
        keys = [label, acronym, _org_key(label)]
        if bracketed:
            keys += [bracketed["acronym"], bracketed["name"], _org_key(bracketed["name"])]
        return next((self.organisations[k] for k in keys if k and k in self.organisations), None)

    # Reference data from the document's partnership block and top-level lists.

    def merge(self, document: dict[str, Any]) -> None:
        block = document.get("partnership") or {}
        for board in block.get("boards", []):
            self.board(
                board["name"], short_name=board["short_name"], description=board["description"]
            )
        for org in block.get("organisations", []):
            self.organisation(
                org["name"], acronym=org["acronym"], kind=org["kind"], website=org["website"]
            )
        for member in block.get("members", []):
            self.person(
                member["name"],
                job_title=member["job_title"],
                board_role=member["board_role"],
                email=member["email"],
                organisation=self.organisation(member["organisation"])
                if member["organisation"]
                else None,
            )
        for term in document.get("glossary", []):
            GlossaryTerm.objects.update_or_create(
                partnership=self.partnership,
                term=term["term"],
                defaults={"meaning": term["meaning"]},
            )
        for ind in document.get("indicators", []):
            fields = {k: v for k, v in ind.items() if k != "code"}
            fields["target_date"] = _date(fields.get("target_date"))
            self.indicator(ind["code"], **fields)
        for other in document.get("other_strategies", []):
            self.other_strategy(other["title"], owner=other["owner"], url=other["url"])

    # Look-ups that create what they do not find; keyword fields update what they find.

    def board(self, name: str, **fields: Any) -> GovernanceBoard:
        board = self.boards.get(name)
        if board is None:
            board = GovernanceBoard.objects.create(
                partnership=self.partnership, name=name, **fields
            )
            self.boards[name] = board
        elif fields:
            _update(board, fields)
        return board

    def organisation(self, label: str, **fields: Any) -> Organisation:
        org = self._known_organisation(label, fields.get("acronym") or "")
        if org is None:
            bracketed = _BRACKETED.match(label)
            if bracketed and "acronym" not in fields:
                label, fields["acronym"] = bracketed["name"], bracketed["acronym"]
            if "acronym" not in fields and ACRONYM.match(label) and label.upper() == label:
                fields["acronym"] = label
            org = Organisation.objects.create(partnership=self.partnership, name=label, **fields)
        elif fields:
            _update(org, fields)
        self._remember(org)
        return org

    def person(self, name: str, **fields: Any) -> Person:
        person = self.people.get(name)
        if person is None:
            person = Person.objects.create(partnership=self.partnership, name=name, **fields)
            self.people[name] = person
        elif fields:
            _update(person, fields)
        return person

    def person_or_none(self, name: str) -> Person | None:
        return self.person(name) if name else None

    def indicator(self, code: str, **fields: Any) -> Indicator:
        indicator = self.indicators.get(code)
        if indicator is None:
            indicator = Indicator.objects.create(partnership=self.partnership, code=code, **fields)
            self.indicators[code] = indicator
        elif fields:
            _update(indicator, fields)
        return indicator

    def other_strategy(self, title: str, **fields: Any) -> OtherStrategy:
        other = self.others.get(title)
        if other is None:
            other = OtherStrategy.objects.create(
                partnership=self.partnership, title=title, **fields
            )
            self.others[title] = other
        elif fields:
            _update(other, fields)
        return other


def _update(obj: Any, fields: dict[str, Any]) -> None:
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, fields[name])
    if changed:
        obj.save(update_fields=[*changed, "updated_at"])
