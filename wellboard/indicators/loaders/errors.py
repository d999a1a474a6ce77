"""What loaders report: a one-line error, or how much they wrote."""

from __future__ import annotations

from dataclasses import dataclass, field


class LoadError(ValueError):
    """Input that cannot be loaded; the message is one line and names the row at fault."""


@dataclass(frozen=True)
class LoadResult:
    rows: int
    indicators: list[str] = field(default_factory=list)
    created_indicators: list[str] = field(default_factory=list)
    reporting_area: str = ""

    def summary(self) -> str:
        text = f"Loaded {self.rows} value{'s' if self.rows != 1 else ''}"
        if self.indicators:
            text += f" for {', '.join(self.indicators)}"
        if self.created_indicators:
            text += f"; new indicators: {', '.join(self.created_indicators)}"
        if self.reporting_area:
            text += f"; reporting area {self.reporting_area}"
        return text
