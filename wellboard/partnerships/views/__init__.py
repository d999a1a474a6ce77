"""Partnership pages: directory, glossary, alignment, duplicates and role balance."""
