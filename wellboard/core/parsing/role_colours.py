"""Colour-coded role types: a plan's key maps cell shading colours to roles.

Regional plans shade each action's row by the board's role in it (purple advocacy, green
scrutiny, blue direct action, red capacity building, grey monitoring) and print a key.
The key may be a small table of shaded cells beside role names, or lines such as
"Purple - advocacy". Shading is compared by colour name (hue and saturation), since the
key's purple and a row's purple are rarely the same hex value.
"""

from __future__ import annotations

import colorsys
import re

from wellboard.core.parsing.table_model import Cell

# Role words, most specific first: "scrutiny and monitoring" is scrutiny.
_ROLES = (
    ("advoca", "advocacy"),
    ("scrutin", "scrutiny"),
    ("direct", "direct"),
    ("capacity", "capacity"),
    ("monitor", "partner_monitoring"),
)
COLOUR_WORDS = ("purple", "green", "blue", "red", "grey", "orange", "yellow", "pink")
_KEY_LINE = re.compile(
    rf"\b(?P<colour>{'|'.join(COLOUR_WORDS)}|gray)\b\s*(?:[-\u2013\u2014:=]|is|for)\s*"
    r"(?P<role>[a-z][a-z &-]{2,60})",
    re.IGNORECASE,
)


def role_for(text: str) -> str:
    """The exchange-format role type a key's text names, or ""."""
    lowered = text.lower()
    return next((role for word, role in _ROLES if word in lowered), "")


def colour_name(fill: str) -> str:
    """A shading's colour name from its hex value ("7030A0" -> "purple"); "" for white."""
    if not re.fullmatch(r"[0-9a-fA-F]{6}", fill):
        return ""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if lightness > 0.96:
        return ""
    if saturation < 0.15:
        return "grey"
    degrees = hue * 360
    for limit, name in (
        (15, "red"),
        (45, "orange"),
        (70, "yellow"),
        (170, "green"),
        (255, "blue"),
        (330, "purple"),
        (345, "pink"),
        (360, "red"),
    ):
        if degrees < limit:
            return name
    return "red"  # pragma: no cover - the loop always returns


def key_from_rows(rows: list[list[Cell]]) -> dict[str, str]:
    """A key table: each row a shaded cell and a role name. {} if the table is not one."""
    key: dict[str, str] = {}
    for row in rows:
        filled = [cell for cell in row if not cell.empty or cell.shade]
        if not filled:
            continue
        colours = [colour_name(cell.shade) for cell in row if colour_name(cell.shade)]
        roles = [role_for(cell.text) for cell in row if role_for(cell.text)]
        if not colours or not roles:
            return {}
        key[colours[0]] = roles[0]
    return key if len(key) >= 2 else {}


def key_from_text(text: str) -> dict[str, str]:
    """ "Purple - advocacy; green - scrutiny" -> {"purple": "advocacy", "green": "scrutiny"}."""
    key = {}
    for match in _KEY_LINE.finditer(text):
        if role := role_for(match["role"]):
            colour = match["colour"].lower()
            key["grey" if colour == "gray" else colour] = role
    return key


def row_colour(row: list[Cell]) -> str:
    """The colour a row is shaded with: that of its first shaded cell."""
    return next((name for cell in row if (name := colour_name(cell.shade))), "")
