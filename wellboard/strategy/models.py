"""The strategy and its delivery plans: Strategy -> Plan -> Theme -> Priority -> Action.

Names follow the boards' own documents: a theme is a chapter or priority area, a priority
is an objective or "priority action", and an action is one line of the delivery plan.

Each model lives in a module that does one thing (strategy_models.py: the strategy and
its decisions; plan_models.py: plans, themes, priorities; action_models.py: actions;
progress_models.py, link_models.py, workflow_models.py, version_models.py); importing
them here registers them with Django, and `from wellboard.strategy.models import ...`
finds every model of the app.
"""

from __future__ import annotations

from wellboard.partnerships.models import RoleType
from wellboard.strategy.action_models import Action
from wellboard.strategy.choices import DeliveryStatus, Rag
from wellboard.strategy.plan_models import Plan, Priority, Theme
from wellboard.strategy.progress_models import Milestone, ProgressUpdate
from wellboard.strategy.strategy_models import ApprovalDecision, Strategy, has_published_strategy

__all__ = [
    "Action",
    "ActionBoard",
    "ActionComment",
    "ActionIndicator",
    "ActionLink",
    "ActionOrganisation",
    "ApprovalDecision",
    "DeliveryStatus",
    "Milestone",
    "Plan",
    "Priority",
    "ProgressUpdate",
    "ProposalDecision",
    "ProposedChange",
    "Rag",
    "RoleType",
    "Strategy",
    "StrategyVersion",
    "Theme",
    "ThemeIndicator",
    "UpdateReview",
    "has_published_strategy",
]

from wellboard.strategy.link_models import (
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    ThemeIndicator,
)
from wellboard.strategy.version_models import StrategyVersion
from wellboard.strategy.workflow_models import (
    ActionComment,
    ProposalDecision,
    ProposedChange,
    UpdateReview,
)
