"""Requests counted per client and window, in the database so every web process agrees.

The client is stored only as a keyed hash of its address: the counter needs to tell
clients apart, not to know who they are.
"""

from __future__ import annotations

from django.db import models


class ClientHit(models.Model):
    scope = models.CharField(max_length=50)
    client = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "client", "window_start"], name="one_counter_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope}: {self.count} from {self.client[:8]} since {self.window_start}"
