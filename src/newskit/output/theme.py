"""The report's colours and names for entity types, shared by the page's markup, its panels and its CSS."""
from __future__ import annotations

TYPES = ("person", "place", "organization", "event")
PANEL_TITLES = {"person": "People", "place": "Places", "organization": "Organizations", "event": "Named events"}
# Highlight colours per entity type: (background, label text). Body text (FG) on each background and each label
# colour on its background are at least 4.5:1 (WCAG AA); tests/output/test_report.py checks the ratios.
COLORS = {
    "person": ("#ffe1b8", "#6b3300"),
    "place": ("#d3ecd9", "#1c5229"),
    "organization": ("#d9e3fb", "#1f3d87"),
    "event": ("#f4dbee", "#74195a"),
    "other": ("#e6e6e6", "#3d3d3d"),
}
LABELS = {"person": "person", "place": "place", "organization": "org", "event": "event"}
FG, MUTED, BG, PANEL_BG, LINK = "#1a1a1a", "#545454", "#ffffff", "#f6f5f1", "#0b4f8a"
# The CSS custom properties report.css reads.
CSS_VARS = {"--fg": FG, "--muted": MUTED, "--bg": BG, "--panel-bg": PANEL_BG, "--link": LINK}
