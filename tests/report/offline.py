"""Checks that an HTML report needs nothing from elsewhere."""

from __future__ import annotations

import re

EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.I
)


def assert_self_contained(html: str) -> None:
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "http://" not in html and "https://" not in html
    lowered = html.lower()
    for tag in ("<script", "<link", "<img", "<iframe", "@import", "@font-face"):
        assert tag not in lowered, tag
    assert "@media print" in html
