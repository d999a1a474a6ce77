"""Loading indicator values: Fingertips downloads, the Fingertips API and local uploads.

Every loader validates the whole input before writing anything and writes in one
transaction, so bad input leaves the database as it was; errors are ``LoadError`` with a
one-line message naming the row (the header being row 1).
"""

from wellboard.indicators.loaders.errors import LoadError, LoadResult
from wellboard.indicators.loaders.fingertips import load_fingertips_csv, load_fingertips_records
from wellboard.indicators.loaders.fingertips_api import load_fingertips_api
from wellboard.indicators.loaders.local import load_local_csv

__all__ = [
    "LoadError",
    "LoadResult",
    "load_fingertips_api",
    "load_fingertips_csv",
    "load_fingertips_records",
    "load_local_csv",
]
