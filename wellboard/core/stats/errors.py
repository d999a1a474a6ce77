"""The one error the statistics front end raises for bad input."""


class StatsInputError(ValueError):
    """Input the statistics cannot be computed from; the message is one line and names the
    row (numbered as in the file, the header being row 1) where a row is at fault."""
