"""The duplication finder in the product: pairs, merges, intended pairs and the command."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.core.duplicate_plan import MEANINGS, generate
from tests.factories import (
    GoodPracticeFactory,
    OrganisationFactory,
    OtherStrategyFactory,
    UpdateFactory,
    WorkingGroupFactory,
)
from tests.partnerships.conftest import ADMIN, LEAD, Two, action_in, link
from wellboard.partnerships.models import ActionMerge, GlossaryTerm, IntendedPair
from wellboard.strategy.duplicates import duplicate_pairs, mark_intended, merge_actions
from wellboard.strategy.models import Action, ActionLink, Milestone, ProgressUpdate

pytestmark = pytest.mark.django_db

FIRST = "Deliver a stop smoking service for pregnant women in Harrowfold"
REPEAT = "In Harrowfold, provide stop smoking services to pregnant women"
SIBLING = "Deliver a stop smoking service for pregnant women in Wenmarsh"


def _plan(two: Two) -> tuple[Action, Action, Action]:
    first = action_in(two.draft, FIRST, plan_title="Delivery plan", ref="1.1")
    repeat = action_in(two.draft, REPEAT, plan_title="Staying healthy plan", ref="SH4")
    sibling = action_in(two.draft, SIBLING, plan_title="Delivery plan", ref="1.2")
    for n in range(12):
        action_in(two.draft, f"Commission service number {n} for the county")
    return first, repeat, sibling


def test_repeats_across_plans_are_paired_and_look_alikes_are_not(two: Two) -> None:
    first, repeat, _ = _plan(two)
    pairs = duplicate_pairs(two.draft)
    assert [(p.first, p.second) for p in pairs] == [(first, repeat)]


def test_glossary_expansions_pair_acronym_and_words(two: Two) -> None:
    GlossaryTerm.objects.create(
        partnership=two.ours, term="CAMHS", meaning="Child and Adolescent Mental Health Services"
    )
    a = action_in(two.draft, "Cut CAMHS waiting times in Oakhythe")
    b = action_in(
        two.draft, "Cut Child and Adolescent Mental Health Services waiting times in Oakhythe"
    )
    for n in range(10):
        action_in(two.draft, f"Commission service number {n} for the county")
    assert [(p.first, p.second) for p in duplicate_pairs(two.draft)] == [(a, b)]


def test_merge_moves_everything_records_it_and_removes_the_duplicate(two: Two) -> None:
    first, repeat, _ = _plan(two)
    kept_org, shared_org = (
        OrganisationFactory(partnership=two.ours),
        OrganisationFactory(partnership=two.ours),
    )
    link(first, shared_org)
    link(repeat, shared_org)
    link(repeat, kept_org, lead=False)
    ActionLink.objects.create(
        action=repeat, other_strategy=OtherStrategyFactory(partnership=two.ours)
    )
    UpdateFactory(action=repeat, text="Clinic opened")
    Milestone.objects.create(action=repeat, title="Recruit advisers")
    group = WorkingGroupFactory(partnership=two.ours)
    group.actions.add(repeat)
    practice = GoodPracticeFactory(partnership=two.ours)
    practice.actions.add(repeat, first)
    record = merge_actions(partnership=two.ours, kept=first, removed=repeat, user=None)
    assert not Action.objects.filter(pk=repeat.pk).exists()
    assert ProgressUpdate.objects.get(text="Clinic opened").action == first
    assert Milestone.objects.get(title="Recruit advisers").action == first
    assert sorted(first.organisation_links.values_list("organisation", "is_lead")) == sorted(
        [(shared_org.pk, True), (kept_org.pk, False)]
    )
    assert first.strategy_links.count() == 1
    assert record.removed_ref == "SH4" and record.kept == first
    assert record.moved["updates"] == 1 and record.moved["organisations"] == 1
    # Links other apps keep to actions move too, each counted under its own name.
    assert list(group.actions.all()) == [first] and list(practice.actions.all()) == [first]
    assert record.moved["working_groups"] == 1 and record.moved["good_practice"] == 1


def test_merge_is_refused_across_partnerships_and_changes_nothing(two: Two) -> None:
    ours = action_in(two.draft, FIRST)
    theirs = action_in(two.their_strategy, FIRST)
    UpdateFactory(action=theirs)
    with pytest.raises(Exception, match="partnership"):
        merge_actions(partnership=two.ours, kept=ours, removed=theirs, user=None)
    assert Action.objects.filter(pk=theirs.pk).exists()
    assert ActionMerge.objects.count() == 0


def test_intended_pair_is_not_suggested_again(two: Two) -> None:
    first, repeat, _ = _plan(two)
    mark_intended(partnership=two.ours, first=repeat, second=first, user=None)
    mark_intended(partnership=two.ours, first=first, second=repeat, user=None)
    assert IntendedPair.objects.count() == 1
    assert duplicate_pairs(two.draft) == []


def test_officer_page_merges_and_marks_pairs(two: Two) -> None:
    first, repeat, _ = _plan(two)
    base = f"/partnerships/{two.ours.pk}/duplicates/"
    admin = two.client_for(ADMIN)
    html = admin.get(f"{base}?strategy={two.draft.pk}").content.decode()
    assert "1 pair found" in html and "Merge, keeping the first" in html
    lead = two.client_for(LEAD)
    lead_html = lead.get(f"{base}?strategy={two.draft.pk}").content.decode()
    assert "1 pair found" in lead_html and "Merge, keeping" not in lead_html
    post = {"first": first.pk, "second": repeat.pk, "keep": "second", "strategy": two.draft.pk}
    assert lead.post(f"{base}merge/", post).status_code == 403
    response = admin.post(f"{base}merge/", post)
    assert response.status_code == 302 and response["Location"].endswith(
        f"?strategy={two.draft.pk}"
    )
    assert not Action.objects.filter(pk=first.pk).exists()
    assert ActionMerge.objects.get().kept == repeat


def test_intended_by_post_and_bad_input(two: Two) -> None:
    first, repeat, _ = _plan(two)
    theirs = action_in(two.their_strategy, "Elsewhere")
    base = f"/partnerships/{two.ours.pk}/duplicates/"
    admin = two.client_for(ADMIN)
    assert (
        admin.post(f"{base}intended/", {"first": first.pk, "second": theirs.pk}).status_code == 302
    )
    assert IntendedPair.objects.count() == 0
    admin.post(f"{base}intended/", {"first": first.pk, "second": repeat.pk})
    assert IntendedPair.objects.count() == 1
    assert "0 pairs found" in admin.get(f"{base}?strategy={two.draft.pk}").content.decode()
    assert admin.get(f"{base}?min_similarity=7").status_code == 400
    assert admin.get(f"{base}?min_similarity=abc").status_code == 400


def test_command_prints_pairs_as_json(two: Two) -> None:
    first, _repeat, _ = _plan(two)
    out = StringIO()
    call_command("duplicates", "--strategy", str(two.draft.pk), "--json", stdout=out)
    (pair,) = json.loads(out.getvalue())
    assert pair["first"] == {"id": first.pk, "ref": "1.1", "title": FIRST}
    assert pair["second"]["ref"] == "SH4" and pair["second"]["title"] == REPEAT
    assert 0.85 <= pair["similarity"] <= 1
    loose = StringIO()
    call_command(
        "duplicates",
        "--strategy",
        str(two.draft.pk),
        "--min-similarity",
        "0.5",
        "--json",
        stdout=loose,
    )
    assert len(json.loads(loose.getvalue())) > 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--strategy", "999999"], "no strategy with id 999999"),
        (["--strategy", "x"], "no strategy with id x"),
        (["--strategy", "{s}", "--min-similarity", "1.5"], "min-similarity"),
        (["--strategy", "{s}", "--min-similarity", "lots"], "min-similarity"),
    ],
)
def test_command_refuses_bad_input_with_status_2(two: Two, args: list[str], message: str) -> None:
    args = [a.replace("{s}", str(two.draft.pk)) for a in args]
    with pytest.raises(CommandError, match=message) as error:
        call_command("duplicates", *args)
    assert error.value.returncode == 2


def test_generated_plan_in_the_database_meets_the_targets(two: Two) -> None:
    plan = generate(7)
    for term, meaning in MEANINGS.items():
        GlossaryTerm.objects.create(partnership=two.ours, term=term, meaning=meaning)
    actions = [action_in(two.draft, title) for title in plan.titles]
    index = {action.pk: i for i, action in enumerate(actions)}
    found = {
        tuple(sorted((index[p.first.pk], index[p.second.pk]))) for p in duplicate_pairs(two.draft)
    }
    truth = plan.true_pairs()
    recall, precision = len(found & truth) / len(truth), len(found & truth) / len(found)
    print(f"database plan: recall {recall:.3f}, precision {precision:.3f} ({len(truth)} known)")
    assert recall >= 0.9 and precision >= 0.9
