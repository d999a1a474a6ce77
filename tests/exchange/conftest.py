from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def small_plan() -> dict[str, Any]:
    """A two-theme strategy touching every kind of reference, each declared once."""
    action = {
        "ref": "1.1.1",
        "title": "Offer a health check to every carer registered with a GP practice",
        "leads": ["BVCCG", "Carers Link"],
        "supporting": ["BVC"],
        "lead_officer": "Priya Shah",
        "due_text": "2025/26",
        "due_start": "2025-04-01",
        "due_end": "2026-03-31",
        "due_precision": "financial_year",
        "outcome_measures": "1,200 carers' health checks a year",
        "boards": ["Staying Healthy Partnership"],
        "indicator_codes": ["ASCOF 1D", "PHOF 2.14"],
        "links": ["Carers Strategy 2024-2027"],
        "role_type": "direct",
        "percent_complete": 40,
        "milestones": [
            {
                "title": "Pilot in two practices",
                "due_end": "2025-09-30",
                "done_on": "2025-09-12",
                "due_text": "Sep-25",
            }
        ],
        "updates": [
            {"date": None, "date_text": "", "text": "Imported note.", "rag": None},
            {
                "date": "2025-10-31",
                "date_text": "October 2025",
                "text": "Pilot done.",
                "rag": "green",
                "author": "Priya Shah",
                "percent_complete": 40,
            },
        ],
    }
    return {
        "format": "wellboard-plan",
        "version": 1,
        "title": "Brookvale Joint Health and Wellbeing Strategy 2025-2028",
        "period_start": 2025,
        "period_end": 2028,
        "status": "in_delivery",
        "approvals": [{"body": "Brookvale HWB", "date": "2025-03-20", "decision": "approved"}],
        "partnership": {
            "name": "Brookvale Health and Wellbeing Board",
            "boards": [{"name": "Staying Healthy Partnership", "short_name": "SHP"}],
            "organisations": [
                {"name": "Brookvale Council", "acronym": "BVC", "kind": "local_authority"},
                {"name": "Brookvale CCG", "acronym": "BVCCG", "kind": "nhs"},
                {"name": "Carers Link", "kind": "vcs"},
            ],
            "members": [
                {"name": "Cllr Ann Webb", "board_role": "chair", "organisation": "BVC"},
                {"name": "Priya Shah", "job_title": "Carers lead", "organisation": "BVCCG"},
            ],
        },
        "plan_title": "Delivery plan 2025-26",
        "themes": [
            {
                "title": "Caring for carers",
                "lead_member": "Cllr Ann Webb",
                "indicators": ["ASCOF 1D"],
                "priorities": [
                    {"title": "Carers stay well", "lead_officer": "Priya Shah", "actions": [action]}
                ],
            },
            {
                "title": "Staying healthy",
                "priorities": [
                    {
                        "title": "Fewer people smoke",
                        "sub_plan": "Tobacco control plan",
                        "actions": [],
                    }
                ],
            },
        ],
        "plans": [
            {
                "title": "Tobacco control plan",
                "kind": "sub_plan",
                "themes": [
                    {
                        "title": "Tobacco",
                        "priorities": [
                            {
                                "title": "Quit support",
                                "actions": [
                                    {
                                        "title": "Run stop-smoking clinics",
                                        "due_text": "On going",
                                        "ongoing": True,
                                        "due_precision": "none",
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
        "glossary": [{"term": "BVC", "meaning": "Brookvale Council"}],
        "indicators": [
            {
                "code": "ASCOF 1D",
                "name": "Carer-reported quality of life",
                "polarity": "higher_is_better",
                "target": 8.2,
                "target_date": "2028-03-31",
            },
            {"code": "PHOF 2.14", "name": "Smoking prevalence in adults"},
        ],
        "other_strategies": [{"title": "Carers Strategy 2024-2027", "owner": "BVC"}],
    }
