"""The plan's themes and priorities as they are read, and which of them is current.

A heading above a table is held (``pending_heading``, with the paragraphs and indicators
under it) until a row needs a theme: a theme column or key-value row then starts its own
theme, which takes the heading's description and indicators; otherwise the heading becomes
the theme. A "Priority 1.2: ..." heading under a theme's heading is held as the priority
(``pending_priority``) for a table with no priority column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wellboard.core.parsing.text_rules import leading_ref, make_title, same_text

DEFAULT_THEME = "Plan"


@dataclass
class PriorityAcc:
    title: str
    ref: str = ""
    description: list[str] = field(default_factory=list)
    lead_officer: str = ""
    sub_plan: str = ""
    actions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ThemeAcc:
    title: str
    ref: str = ""
    description: list[str] = field(default_factory=list)
    lead_member: str = ""
    indicators: list[str] = field(default_factory=list)
    priorities: list[PriorityAcc] = field(default_factory=list)


class Outline:
    """Themes read so far, the current theme, priority and action, and the sub-plans named."""

    def __init__(self) -> None:
        self.themes: list[ThemeAcc] = []
        self.theme: ThemeAcc | None = None
        self.priority: PriorityAcc | None = None
        self.last_action: dict[str, Any] | None = None
        self.pending_heading = ""
        self.pending_description: list[str] = []
        self.pending_indicators: list[str] = []
        self.pending_priority = ""
        self.sub_plans: list[str] = []

    def new_theme(self, text: str) -> ThemeAcc:
        first, _, rest = text.strip().partition("\n")
        ref, first = leading_ref(" ".join(first.split()))
        title, description = make_title("\n".join(filter(None, [first, rest])))
        theme = ThemeAcc(title=title, ref=ref)
        if description:
            theme.description.append(description)
        theme.description.extend(self.pending_description)
        theme.indicators.extend(self.pending_indicators)
        self.pending_heading, self.pending_description, self.pending_indicators = "", [], []
        self.themes.append(theme)
        self.theme, self.priority, self.last_action = theme, None, None
        self.pending_priority = ""
        return theme

    def ensure_theme(self) -> ThemeAcc:
        if self.pending_heading or self.theme is None:
            return self.new_theme(self.pending_heading or DEFAULT_THEME)
        return self.theme

    def new_priority(self, text: str) -> PriorityAcc:
        theme = self.ensure_theme()
        ref, text = leading_ref(text.strip())
        title, description = make_title(text)
        priority = PriorityAcc(title=title, ref=ref)
        if description:
            priority.description.append(description)
        theme.priorities.append(priority)
        self.priority, self.last_action = priority, None
        self.pending_priority = ""
        return priority

    def ensure_priority(self) -> PriorityAcc:
        theme = self.ensure_theme()
        if self.pending_priority:
            return self.new_priority(self.pending_priority)
        if self.priority is None or self.priority not in theme.priorities:
            priority = PriorityAcc(title=theme.title)
            theme.priorities.append(priority)
            self.priority, self.last_action = priority, None
        return self.priority

    def is_current_theme(self, text: str) -> bool:
        if self.theme is None or self.pending_heading:
            return False
        _, rest = leading_ref(" ".join(text.split("\n", 1)[0].split()))
        return same_text(make_title(rest)[0], self.theme.title)

    def is_current_priority(self, text: str) -> bool:
        if self.priority is None or self.theme is None or self.pending_heading:
            return False
        if self.priority not in self.theme.priorities:
            return False
        _, rest = leading_ref(text.strip())
        title, description = make_title(rest)
        current = self.priority
        return same_text(title, current.title) and same_text(
            description, current.description[0] if current.description else ""
        )
