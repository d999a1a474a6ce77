"""Checks on the demo strategy fixture (wellboard/demo/demo_plan.json).

The demo is what a new installation shows, viewed on a fixed "today", so it must
exercise every delivery state the dashboards distinguish (complete, on track, at
risk, off track, overdue, not started, stale, due soon) and every cross-reference
must resolve: a dangling board, member or acronym would show up as a stray
"unknown" entry the moment `wellboard load` runs.
"""

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "wellboard" / "demo" / "demo_plan.json"
SCHEMA = ROOT / "wellboard" / "core" / "exchange" / "plan.schema.json"

# The date the demo is designed to be viewed on; every state count is relative to it.
TODAY = date(2026, 11, 23)
STALE_AFTER = timedelta(days=90)
DUE_SOON = timedelta(days=30)
RAGS = {"red", "amber", "green", "complete", "not_started"}

Json = dict[str, Any]


@pytest.fixture(scope="module")
def doc() -> Json:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> Json:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def all_themes(doc: Json) -> Iterator[Json]:
    yield from doc["themes"]
    for plan in doc["plans"]:
        yield from plan["themes"]


def all_actions(doc: Json) -> list[Json]:
    return [
        action
        for theme in all_themes(doc)
        for priority in theme["priorities"]
        for action in priority["actions"]
    ]


def latest(action: Json) -> Json | None:
    return action["updates"][-1] if action["updates"] else None


def is_complete(action: Json) -> bool:
    last = latest(action)
    return last is not None and last["rag"] == "complete" and last["percent_complete"] == 100


def is_not_started(action: Json) -> bool:
    last = latest(action)
    return last is None or last["rag"] == "not_started"


def is_overdue(action: Json) -> bool:
    end = action["due_end"]
    return end is not None and date.fromisoformat(end) < TODAY and not is_complete(action)


def is_stale(action: Json) -> bool:
    last = latest(action)
    return (
        last is not None
        and not is_complete(action)
        and date.fromisoformat(last["date"]) < TODAY - STALE_AFTER
    )


def is_due_soon(action: Json) -> bool:
    end = action["due_end"]
    return (
        end is not None
        and TODAY <= date.fromisoformat(end) <= TODAY + DUE_SOON
        and not is_complete(action)
    )


def member_names(doc: Json) -> set[str]:
    return {m["name"] for m in doc["partnership"]["members"]}


def glossary_terms(doc: Json) -> set[str]:
    return {g["term"] for g in doc["glossary"]}


def test_validates_against_schema(doc: Json, schema: Json) -> None:
    errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=lambda e: e.path)
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def _missing_keys(node: Any, subschema: Json, root: Json, where: str) -> Iterator[str]:
    """Walk the document beside the schema, naming every object that lacks a listed key."""
    if "$ref" in subschema:
        name = subschema["$ref"].rsplit("/", 1)[-1]
        yield from _missing_keys(node, root["$defs"][name], root, where)
        return
    for option in subschema.get("anyOf", []):
        yield from _missing_keys(node, option, root, where)
    if isinstance(node, dict) and "properties" in subschema:
        for key, prop in subschema["properties"].items():
            if key not in node:
                yield f"{where}.{key}"
            else:
                yield from _missing_keys(node[key], prop, root, f"{where}.{key}")
    if isinstance(node, list) and "items" in subschema:
        for i, item in enumerate(node):
            yield from _missing_keys(item, subschema["items"], root, f"{where}[{i}]")


def test_every_schema_key_is_present(doc: Json, schema: Json) -> None:
    assert list(_missing_keys(doc, schema, schema, "$")) == []


def test_file_is_in_canonical_form() -> None:
    raw = FIXTURE.read_bytes()
    canonical = json.dumps(json.loads(raw), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert raw == canonical.encode("utf-8")


def test_size_and_shape(doc: Json) -> None:
    assert len(all_actions(doc)) >= 48
    assert len(doc["themes"]) >= 4
    for theme in doc["themes"]:
        assert 3 <= len(theme["indicators"]) <= 6, theme["title"]
        assert 2 <= len(theme["priorities"]) <= 4, theme["title"]


def test_refs_are_unique_within_each_plan(doc: Json) -> None:
    plans = [doc["themes"]] + [plan["themes"] for plan in doc["plans"]]
    for themes in plans:
        refs = [a["ref"] for t in themes for p in t["priorities"] for a in p["actions"]]
        assert all(refs)
        assert len(refs) == len(set(refs))


def test_every_rag_value_appears(doc: Json) -> None:
    seen = {u["rag"] for a in all_actions(doc) for u in a["updates"]}
    assert seen >= RAGS


def test_delivery_states_meet_the_minimums(doc: Json) -> None:
    actions = all_actions(doc)
    complete = [a["ref"] for a in actions if is_complete(a)]
    overdue = [a["ref"] for a in actions if is_overdue(a)]
    not_started = [a["ref"] for a in actions if is_not_started(a)]
    stale = [a["ref"] for a in actions if is_stale(a)]
    due_soon = [a["ref"] for a in actions if is_due_soon(a)]
    assert len(complete) >= 3, complete
    assert len(overdue) >= 6, overdue
    assert len(not_started) >= 4, not_started
    assert len(stale) >= 4, stale
    assert len(due_soon) >= 2, due_soon
    in_flight = {a["updates"][-1]["rag"] for a in actions if a["updates"] and not is_complete(a)}
    assert in_flight >= {"red", "amber", "green"}


def test_updates_are_dated_in_order_and_not_in_the_future(doc: Json) -> None:
    for action in all_actions(doc):
        dates = [date.fromisoformat(u["date"]) for u in action["updates"]]
        assert dates == sorted(dates), action["ref"]
        assert all(d <= TODAY for d in dates), action["ref"]


def test_updates_span_the_delivery_period(doc: Json) -> None:
    dates = [u["date"] for a in all_actions(doc) for u in a["updates"]]
    assert min(dates) < "2024-11-01"
    assert max(dates) >= "2026-11-01"


def test_percent_complete_agrees_with_the_latest_update(doc: Json) -> None:
    for action in all_actions(doc):
        last = latest(action)
        expected = last["percent_complete"] if last else 0
        assert action["percent_complete"] == expected, action["ref"]
        if is_complete(action):
            assert all(m["done_on"] for m in action["milestones"]), action["ref"]


def test_due_dates_are_coherent(doc: Json) -> None:
    for action in all_actions(doc):
        start, end = action["due_start"], action["due_end"]
        assert action["due_text"], action["ref"]
        if start and end:
            assert start <= end, action["ref"]
        if action["to_be_agreed"]:
            assert (start, end, action["due_precision"]) == (None, None, "none")
        if action["due_precision"] == "none":
            assert (start, end) == (None, None), action["ref"]
            assert action["ongoing"] or action["to_be_agreed"], action["ref"]


def test_due_dates_match_the_parser(doc: Json) -> None:
    """The stored readings must be what `wellboard.core.dates.parse_due` gives."""
    dates = pytest.importorskip("wellboard.core.dates")
    for action in all_actions(doc):
        due = dates.parse_due(action["due_text"])
        got = (
            due.start.isoformat() if due.start else None,
            due.end.isoformat() if due.end else None,
            str(due.precision),
            due.ongoing,
            due.to_be_agreed,
        )
        stored = (
            action["due_start"],
            action["due_end"],
            action["due_precision"],
            action["ongoing"],
            action["to_be_agreed"],
        )
        assert got == stored, action["due_text"]


def test_boards_are_partnership_boards(doc: Json) -> None:
    boards = {b["name"] for b in doc["partnership"]["boards"]}
    assert 6 <= len(boards) <= 8
    used = {name for a in all_actions(doc) for name in a["boards"]}
    assert used <= boards
    assert any(len(a["boards"]) == 2 for a in all_actions(doc))


def test_people_are_members(doc: Json) -> None:
    names = member_names(doc)
    themes = list(all_themes(doc))
    priorities = [p for t in themes for p in t["priorities"]]
    actions = all_actions(doc)
    named = (
        [t["lead_member"] for t in themes]
        + [p["lead_officer"] for p in priorities]
        + [a["lead_officer"] for a in actions if a["lead_officer"]]
        + [u["author"] for a in actions for u in a["updates"]]
    )
    assert all(named)
    assert set(named) <= names


def test_member_organisations_are_partners(doc: Json) -> None:
    acronyms = {o["acronym"] for o in doc["partnership"]["organisations"]}
    assert {m["organisation"] for m in doc["partnership"]["members"]} <= acronyms


def test_lead_and_supporting_acronyms_are_in_the_glossary(doc: Json) -> None:
    used = {x for a in all_actions(doc) for x in a["leads"] + a["supporting"]}
    assert used
    assert used <= glossary_terms(doc)


def test_organisation_acronyms_are_in_the_glossary(doc: Json) -> None:
    acronyms = {o["acronym"] for o in doc["partnership"]["organisations"] if o["acronym"]}
    assert acronyms <= glossary_terms(doc)


def test_indicator_codes_are_defined(doc: Json) -> None:
    defined = {i["code"] for i in doc["indicators"]}
    for theme in all_themes(doc):
        assert set(theme["indicators"]) <= defined, theme["title"]
        theme_codes = set(theme["indicators"])
        for priority in theme["priorities"]:
            for action in priority["actions"]:
                assert set(action["indicator_codes"]) <= theme_codes, action["ref"]


def test_every_defined_indicator_is_used(doc: Json) -> None:
    used = {c for t in all_themes(doc) for c in t["indicators"]}
    assert {i["code"] for i in doc["indicators"]} == used


def test_links_name_other_strategies(doc: Json) -> None:
    titles = {s["title"] for s in doc["other_strategies"]}
    used = {link for a in all_actions(doc) for link in a["links"]}
    assert used
    assert used <= titles


def test_sub_plans_name_plans(doc: Json) -> None:
    titles = {p["title"] for p in doc["plans"]}
    deferred = [p for t in all_themes(doc) for p in t["priorities"] if p["sub_plan"]]
    assert deferred
    for priority in deferred:
        assert priority["sub_plan"] in titles
        assert priority["actions"] == []


def test_approvals_run_in_order(doc: Json) -> None:
    decisions = [a["decision"] for a in doc["approvals"]]
    dates = [a["date"] for a in doc["approvals"]]
    assert decisions[0] == "consultation_agreed"
    assert "approved" in decisions
    assert "adopted" in decisions
    assert dates == sorted(dates)
