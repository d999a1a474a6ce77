# ruff: noqa: E501 - CSV rows are kept whole so they read as the file does
from __future__ import annotations

from pathlib import Path

import pytest

PLAN_CSV = """\
Theme,Priority,Action,Lead organisation,Supporting organisations,By when,Governance,Progress to date,Contributing toward national outcome indicators
Starting well,Fewer children overweight at school entry,Run family cooking clubs in every hub,TMBC,Tarnside Food Bank,Mar-26,Starting Well Board,October 2025 update: six clubs open,PHOF 2.06i
Starting well,Fewer children overweight at school entry,Measure every reception child,TPCT,TMBC,2025/26,Starting Well Board,,"PHOF 2.06i, 2.06ii"
Ageing well,Carers are supported,Carers' assessments within 28 days,TMBC,Carers Tarnside,On going,Ageing Well Board,,"ASCOF 1D, 3.D"
"""

# The same plan with a lead column headed in words the synonym table does not know.
ODD_HEADER_CSV = PLAN_CSV.replace("Lead organisation", "Carried out by", 1)

DECIDIM_CSV = """\
id,category/id,parent/id,title/en,description/en,start_date,end_date,status/name/en,progress
1,4,,Active travel to school,,,,,
2,4,1,Map safe routes,,2025-04-01,2025-09-30,Completed,100
3,4,1,Bike hire for Year 7,,,2026-03-31,Delayed,10
"""


@pytest.fixture
def plan_csv(tmp_path: Path) -> Path:
    path = tmp_path / "tarnside-plan.csv"
    path.write_text(PLAN_CSV, encoding="utf-8")
    return path


@pytest.fixture
def decidim_csv(tmp_path: Path) -> Path:
    path = tmp_path / "results.csv"
    path.write_text(DECIDIM_CSV, encoding="utf-8")
    return path
