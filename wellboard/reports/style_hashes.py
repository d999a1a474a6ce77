"""The standalone HTML report carries its stylesheet inside (it must open offline), so
the page allows exactly that <style> by its SHA-256 and nothing else inline (issue #12)."""

from __future__ import annotations

import base64
import hashlib
import re

_STYLE = re.compile(rb"<style>(.*?)</style>", re.S)


def style_sources(html: bytes) -> list[str]:
    """CSP sources ('sha256-...') for each <style> element of the document."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _STYLE.findall(html)
    ]
