"""The words of a round's emails: short, plain text that reads well in any mail program
and to a screen reader (no tables, no images, the link on a line of its own)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.html import escape, urlize

SIGN_OFF = "This email was sent by Wellboard for {partnership}. Please do not reply to it."


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str

    def html(self) -> str:
        """The same words as HTML paragraphs, for mail programs that prefer it."""
        paragraphs = [p for p in self.body.split("\n\n") if p.strip()]
        parts = []
        for paragraph in paragraphs:
            lines = paragraph.splitlines()
            if all(line.startswith("- ") for line in lines):
                items = "".join(f"<li>{escape(line[2:])}</li>" for line in lines)
                parts.append(f"<ul>{items}</ul>")
            else:
                text = "<br>".join(urlize(escape(line), autoescape=False) for line in lines)
                parts.append(f"<p>{text}</p>")
        return '<html lang="en-GB"><body>' + "".join(parts) + "</body></html>"


@dataclass(frozen=True)
class RoundFacts:
    partnership: str
    board: str
    meeting: datetime | str
    closes_at: datetime

    @property
    def meeting_day(self) -> str:
        meeting = self.meeting
        return meeting if isinstance(meeting, str) else f"{meeting:%A %-d %B %Y}"

    @property
    def deadline_day(self) -> str:
        """The last day the link works: the day before the round closes at midnight."""
        last = timezone.localtime(self.closes_at) - timedelta(microseconds=1)
        return f"{last:%A %-d %B %Y}"


def _action_lines(actions: Sequence[str]) -> str:
    return "\n".join(f"- {title}" for title in actions)


def request_letter(facts: RoundFacts, name: str, actions: Sequence[str], link: str) -> Letter:
    count = f"{len(actions)} action{'s' if len(actions) != 1 else ''}"
    body = (
        f"Hello {name},\n\n"
        f"The {facts.board} meets on {facts.meeting_day}. Please give an update on the "
        f"{count} you lead:\n\n"
        f"{_action_lines(actions)}\n\n"
        f"Give your updates here, no password needed:\n{link}\n\n"
        f"This link is yours alone. It works until the end of {facts.deadline_day}, "
        f"the papers deadline.\n\n"
        f"{SIGN_OFF.format(partnership=facts.partnership)}"
    )
    return Letter(f"Updates needed for the {facts.board} by {facts.deadline_day}", body)


def reminder_letter(facts: RoundFacts, name: str, actions: Sequence[str], link: str) -> Letter:
    body = (
        f"Hello {name},\n\n"
        f"A reminder: the {facts.board} is still waiting for your update on:\n\n"
        f"{_action_lines(actions)}\n\n"
        f"Give your updates here, no password needed:\n{link}\n\n"
        f"The link works until the end of {facts.deadline_day}, the papers deadline.\n\n"
        f"{SIGN_OFF.format(partnership=facts.partnership)}"
    )
    return Letter(f"Reminder: updates needed by {facts.deadline_day}", body)


def digest_letter(
    facts: RoundFacts,
    *,
    answered: Sequence[str],
    waiting: Sequence[str],
    not_reached: Sequence[str],
    link: str,
) -> Letter:
    """The officer's summary of the round, sent with each set of reminders."""
    sections = [
        f"Update round for the {facts.board} meeting on {facts.meeting_day}.",
        f"Answered ({len(answered)}):\n" + (_action_lines(answered) or "- nobody yet"),
        f"Still waiting ({len(waiting)}), reminded today:\n"
        + (_action_lines(waiting) or "- nobody"),
    ]
    if not_reached:
        sections.append(
            f"Not reached by email ({len(not_reached)}), please contact them another way:\n"
            + _action_lines(not_reached)
        )
    sections += [f"The round page:\n{link}", SIGN_OFF.format(partnership=facts.partnership)]
    subject = f"Update round: {len(answered)} of {len(answered) + len(waiting)} answered"
    return Letter(subject, "\n\n".join(sections))


def closed_letter(
    facts: RoundFacts, *, answered: int, asked: int, without_update: Sequence[str], link: str
) -> Letter:
    """The officer's note at the papers deadline: who answered, what got no update."""
    sections = [
        f"The update round for the {facts.board} meeting on {facts.meeting_day} has closed: "
        f"{answered} of {asked} lead officers answered.",
        f"Actions with no update ({len(without_update)}):\n"
        + (_action_lines(without_update) or "- none: every action was updated"),
        f"The delivery report for the meeting is being prepared; it will be on the round page:"
        f"\n{link}",
        SIGN_OFF.format(partnership=facts.partnership),
    ]
    return Letter(f"Update round closed: {answered} of {asked} answered", "\n\n".join(sections))
