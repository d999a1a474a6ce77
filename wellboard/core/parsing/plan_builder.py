"""Building the exchange-format plan from a document's paragraphs and tables.

Rules (the reasons are in the comments where each is applied):

- Title: the document's title (a Title-style paragraph before the first
  table), else its first paragraph before the first table, else the first
  one-cell row above a spreadsheet's header, else the file's stem.
- Themes come, in order of precedence, from a theme column, a key-value row
  ("THEME | <title> | LEAD HWB MEMBER | <name>"), a row whose only filled cell
  is the first, or the heading above a table (Heading style, a short bold
  paragraph, a spreadsheet's sheet name when there are several, or in text
  files a short line without closing punctuation). A "Possible indicators"
  list under that heading becomes the theme's ``indicators[]``. A plan with
  none of these (a two-level plan) gets one theme titled "Plan"; a document
  whose first heading comes before any title gives that heading as the title.
  A "Priority 1.2: ..." or "Objective 3 ..." heading below a theme's heading is the
  priority of the table under it (PDF plans print them so, with no priority column).
- Priorities come from the priority column or a key-value row ("PRIORITY
  ACTION | <title> | LEAD OFFICER | <name>"). A row whose priority cell is empty
  continues the priority above, across tables; actions met before any priority
  of their theme go to a priority titled like the theme.
- Actions: one per paragraph or bullet of the action cell (see actions.py for
  how the other cells are shared out). A row with no action text but other data
  continues the action above. An action cell that only introduces the bullets
  below ("... healthy eating:" with nothing else on its row) is kept as a note
  in the priority's description, since it describes all of the bullets that
  follow rather than any one of them. An action cell that only names another
  plan ("Staying Healthy action plan") sets the priority's ``sub_plan`` and
  adds that plan to ``plans[]`` with no themes, instead of an action.
- "As above", "As per above", "Ditto" in the indicators, due, lead, lead
  officer, supporting, governance, codes or links columns take the value of the
  nearest row above that has one; "see 2.1" takes row 2.1's (as_above.py).
- Colour-coded role types: a key (a table of shaded cells beside role names, or lines
  such as "Purple - advocacy", before or after the plan) maps each action's row shading
  to its role type (role_colours.py).
- Under a chapter heading (a Heading style or "Chapter 2", "Theme 3"), a bold line is
  a caption, not a theme; "Possible indicators for this chapter" after the chapter's
  tables adds to that chapter's theme.
- Refs: a "No."/"Ref" column's value is kept (shared by several actions of one
  cell as "4a", "4b"); a leading "1.2.3" in the action text is taken as its
  ref; otherwise actions are numbered theme.priority.action ("1.2.3") from
  their theme's and priority's refs, which come from the text ("Theme 2:",
  "1. ...") or from their position.
- Glossary: paragraphs or a table under a "Glossary"/"Abbreviations"/
  "Acronyms" heading. Acronyms used in leads and supporting organisations are
  kept as written; those missing from the glossary are listed in a warning.
- Tables with no recognisable header row are skipped with a warning (a plan
  may hold contact lists or budget tables); a table with no header of its own
  continues under the previous table's header, as a table broken by a page
  break does. A document with no plan table is read as a prose strategy (prose.py:
  chapter, "Priority 1:" and "Objective 1.1" lines, lists introduced as priorities); one
  that names no priority either is an error.

Where each part lives: block_kinds tells titles, headings and indicator lists apart;
outline keeps the current theme and priority; rows turns a table row into actions, with
as_above carrying values forward; plan_output writes the plan dict. This module walks the
document's blocks in order and keeps the reading mode (glossary, indicator list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wellboard.core.parsing.block_kinds import (
    fits_header,
    heading_like,
    indicator_item,
    title_block,
)
from wellboard.core.parsing.glossary import (
    is_glossary_heading,
    parse_glossary_lines,
    parse_glossary_rows,
)
from wellboard.core.parsing.headers import HeaderMap, detect_header, kv_pairs
from wellboard.core.parsing.outline import Outline
from wellboard.core.parsing.plan_output import acronym_warning, plan_dict, theme_dicts
from wellboard.core.parsing.prose import prose_summary, read_prose
from wellboard.core.parsing.role_colours import key_from_rows, key_from_text
from wellboard.core.parsing.rows import RowReader
from wellboard.core.parsing.table_model import (
    Cell,
    Paragraph,
    SourceDocument,
    Table,
    filled_cells,
    row_is_empty,
)
from wellboard.core.parsing.text_rules import (
    heading_kind,
    indicator_entries,
    indicators_for_this_chapter,
    indicators_label,
)

DESCRIPTION_MAX_PARAGRAPHS = 20


class NoPlanTableError(Exception):
    """Raised when no table in the document has a recognisable plan header."""


@dataclass
class Built:
    plan: dict[str, Any]
    warnings: list[str]
    unmapped_headers: list[str]


class PlanBuilder:
    """Reads blocks in order, keeping the current theme, priority and action."""

    def __init__(self, column_map: dict[str, str], stem: str) -> None:
        self.column_map = column_map
        self.stem = stem
        self.title = ""
        self.outline = Outline()
        self.rows = RowReader(self.outline, self._warn)
        self.header: HeaderMap | None = None
        self.mode = ""
        self.glossary_lines: list[str] = []
        self.glossary: list[dict[str, str]] = []
        self.warnings: list[str] = []
        self.unmapped: list[str] = []
        self.plan_tables = 0
        self.heading_since_table = False
        self.indicator_list_seen = False
        self.indicator_target: list[str] = self.outline.pending_indicators
        self.styled_pending = False
        self.role_key: dict[str, str] = {}
        self.location = ""

    # Blocks -------------------------------------------------------------------------------

    def build(self, document: SourceDocument) -> Built:
        self.warnings.extend(document.warnings)
        title_paragraph = title_block(document)
        if title_paragraph is not None:
            self.title = title_paragraph.text
        for block in document.blocks:
            if block is title_paragraph:
                continue
            if isinstance(block, Table):
                self._table(block)
            else:
                self._paragraph(block)
        self._end_glossary()
        if not self.plan_tables:
            return self._prose(document)
        return Built(self._plan(), self.warnings, self.unmapped)

    def _prose(self, document: SourceDocument) -> Built:
        """No plan table: the themes and priorities its headings and lists name (prose.py)."""
        reading = read_prose(document, self.title)
        if reading is None:
            raise NoPlanTableError
        self.outline = reading.outline
        self.warnings.extend(prose_summary(reading))
        return Built(self._plan(), self.warnings, self.unmapped)

    def _paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        if not text:
            return
        heading = heading_like(paragraph)
        if heading and is_glossary_heading(text):
            self._end_glossary()
            self.mode = "glossary"
            return
        if self.mode == "glossary":
            if paragraph.heading_level is None:
                self.glossary_lines.append(text)
                return
            self._end_glossary()
        outline = self.outline
        if self.mode == "indicators":
            if indicator_item(paragraph, self.indicator_list_seen):
                self.indicator_list_seen |= paragraph.list_item
                target = self.indicator_target
                target.extend(e for e in indicator_entries(text) if e not in target)
                return
            self.mode = ""
        rest = indicators_label(text)
        if rest is not None:
            self.mode = "indicators"
            self.indicator_list_seen = False
            # "Possible indicators for this chapter" after the chapter's tables: its theme's.
            closing = indicators_for_this_chapter(text) and outline.theme is not None
            self.indicator_target = (
                outline.theme.indicators
                if closing and outline.theme and not outline.pending_heading
                else outline.pending_indicators
            )
            for item in re.split(r"\s*;\s*", rest):
                self.indicator_target.extend(indicator_entries(item))
            return
        if key := key_from_text(text):
            self.role_key.update(key)
            return
        if not self.title and not self.plan_tables and paragraph.role != "sheet":
            self.title = text
            return
        if heading and self._caption(paragraph, text):
            heading = False
        if heading:
            self._heading(paragraph, text)
        elif (
            outline.pending_heading
            and len(outline.pending_description) < DESCRIPTION_MAX_PARAGRAPHS
        ):
            outline.pending_description.append(text)

    def _caption(self, paragraph: Paragraph, text: str) -> bool:
        """A bold line between a chapter heading (a Heading style or "Chapter 2") and its
        table: a caption ("Key actions"), not the theme, and kept in the description.

        The theme is the chapter that owns the table, not the nearest bold line. A bold
        line after a chapter's tables still starts a theme of its own.
        """
        if paragraph.heading_level is not None or heading_kind(text):
            self.styled_pending = True
            return False
        styled = self.styled_pending and bool(self.outline.pending_heading)
        return styled and paragraph.bold and paragraph.role == ""

    def _heading(self, paragraph: Paragraph, text: str) -> None:
        """A heading above a table: the theme, or under a theme a "Priority 1.2" heading."""
        outline = self.outline
        self.heading_since_table = True
        if heading_kind(text) == "priority" and (outline.pending_heading or outline.theme):
            if outline.pending_heading:
                outline.new_theme(outline.pending_heading)
            outline.pending_priority = text
            return
        outline.pending_heading = text
        outline.pending_description = []
        outline.pending_indicators = []

    def _end_glossary(self) -> None:
        if self.mode == "glossary":
            self._add_glossary(parse_glossary_lines(self.glossary_lines))
            self.glossary_lines = []
            self.mode = ""

    def _add_glossary(self, entries: list[dict[str, str]]) -> None:
        known = {entry["term"] for entry in self.glossary}
        self.glossary.extend(entry for entry in entries if entry["term"] not in known)

    # Tables -------------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        if self.mode == "indicators":
            self.mode = ""
        if key := key_from_rows(table.rows):
            self.role_key.update(key)  # the key to colour-coded role types, no plan rows
            return
        header: HeaderMap | None = None
        inherit = not self.heading_since_table
        self.heading_since_table = False
        skipped = 0
        glossary_rows: list[list[str]] = []
        for number, row in enumerate(table.rows, start=1):
            if row_is_empty(row):
                continue
            self.location = f"{table.label}, row {number}"
            if pairs := kv_pairs(row):
                self._end_glossary()
                self._key_values(pairs)
                continue
            if detected := detect_header(row, self.column_map):
                self._end_glossary()
                if header is None or detected.fields != header.fields:
                    self._note_unmapped(detected, table.label)
                header = self.header = detected
                self.plan_tables += 1
                continue
            if header is None and self.mode == "glossary":
                glossary_rows.append([cell.text for cell in row])
                continue
            if header is None and inherit and self.header and fits_header(row, self.header):
                header = self.header
            if header is None:
                skipped += self._preamble_row(row)
                continue
            self.rows.read(row, header)
        if glossary_rows:
            self._add_glossary(parse_glossary_rows(glossary_rows))
            self._end_glossary()
        if skipped:
            what = (
                "has no recognisable header row" if header is None else "has rows above its header"
            )
            self.warnings.append(f"{table.label} {what}: {skipped} row(s) skipped")

    def _preamble_row(self, row: list[Cell]) -> int:
        """A one-cell row above a header reads like a paragraph (title, heading)."""
        filled = filled_cells(row)
        if len(filled) == 1:
            self._paragraph(Paragraph(text=" ".join(filled[0][1].paragraphs), role="line"))
            return 0
        return 1

    def _note_unmapped(self, header: HeaderMap, label: str) -> None:
        new = [text for text in header.unmapped if text not in self.unmapped]
        self.unmapped.extend(new)
        if new:
            names = ", ".join(repr(text) for text in new)
            self.warnings.append(
                f"{label}: columns not recognised, so ignored: {names} (map them with column_map)"
            )

    def _key_values(self, pairs: list[tuple[str, str]]) -> None:
        for kind, value in pairs:
            if kind == "theme":
                self.outline.new_theme(value)
            elif kind == "priority":
                self.outline.new_priority(value)
            elif kind == "lead_member":
                self.outline.ensure_theme().lead_member = " ".join(value.split())
            elif kind == "lead_officer":
                self.outline.ensure_priority().lead_officer = " ".join(value.split())

    def _warn(self, message: str) -> None:
        self.warnings.append(f"{self.location}: {message}" if self.location else message)

    # Output -------------------------------------------------------------------------------

    def _plan(self) -> dict[str, Any]:
        for action, colour in self.rows.shaded:
            action["role_type"] = self.role_key.get(colour, action["role_type"])
        themes = theme_dicts(self.outline.themes)
        if warning := acronym_warning(themes, self.glossary):
            self.warnings.append(warning)
        title = self.title or self.stem or "Imported plan"
        return plan_dict(title, themes, self.outline.sub_plans, self.glossary)
