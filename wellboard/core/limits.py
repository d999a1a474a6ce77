"""How long a text Wellboard keeps may be: the one place that states the numbers.

Pure Python so that the exchange format (plan.schema.json, checked against these by a
test), the importers and the Django models all use the same figures (issue #12.9). A
plan's longest paragraphs run to a few thousand characters; a text far beyond that is a
pasted document or an attack, and one action of 100,000 characters once made the delivery
PDF take 52 s and fail for every member.
"""

from __future__ import annotations

# Descriptions, outcome measures, progress updates, notes, reasons, summaries, terms of
# reference: the longest text a board writes about one thing.
LONG_TEXT = 10_000

# An action's or priority's title: plans often put a whole sentence or two in the title
# cell, and the importers keep what the board wrote, so titles share the long limit.
TITLE_TEXT = LONG_TEXT

# A comment on an action.
COMMENT_TEXT = 4_000

# A message Wellboard writes itself (the body of a reminder email lists a lead officer's
# actions with their titles); never typed by a person, bounded so no row grows without end.
GENERATED_TEXT = 200_000

# A theme's, priority's or action's reference ("2.3a"): the exchange format's and the
# database column's length.
REF_TEXT = 30

# A glossary term ("CAMHS"): the exchange format's and the database column's length. A first
# cell longer than this under a glossary heading is not a term but a misread row.
GLOSSARY_TERM = 50

# A person's name or role in a lead officer or lead member field: the exchange format's
# length. A value longer than this beside a "Lead officer" label is not a name but a
# misread row (found by the fuzz test).
PERSON_NAME = 200
