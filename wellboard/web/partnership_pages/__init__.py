"""A partnership's pages: directory, glossary, alignment, duplicates and role balance.

They combine the partnership's own records with its strategies' actions, so they sit in
the web layer above both (ARCHITECTURE.md); their templates stay with the partnerships app.
"""
