"""The plan exchange format: one JSON document per strategy (docs/exchange-format.md).

Pure Python, so that importers, backups and other tools can read and write plans without
a database.
"""

from wellboard.core.exchange.canonical import canonical, dumps, with_defaults
from wellboard.core.exchange.validate import (
    ExchangeError,
    check_lengths,
    load_document,
    validate,
)

__all__ = [
    "ExchangeError",
    "canonical",
    "check_lengths",
    "dumps",
    "load_document",
    "validate",
    "with_defaults",
]
