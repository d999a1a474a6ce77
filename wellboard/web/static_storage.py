"""Static files under hashed names with long cache lifetimes, once collected.

WhiteNoise's CompressedManifestStaticFilesStorage names each collected file after its
content (wellboard.3f2a9c1d0e4b.css), writes gzip and Brotli copies beside it, and serves
those names with a ten-year immutable cache lifetime: a changed file gets a new name, so
browsers never keep a stale one. Before `collectstatic` has run (tests, a fresh checkout
under `make run`) there is no manifest: pages then use the plain names, which WhiteNoise
serves from the app directories (WHITENOISE_USE_FINDERS) with a short lifetime.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        try:
            return str(super().stored_name(name))
        except ValueError:  # not collected yet: no manifest entry, no file to hash
            return name
