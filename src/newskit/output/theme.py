"""The report's colours, and the names of entity types as readers see them, shared by the page's markup, its
panels and its CSS. Per-type values come from the registry in `newskit.record` (ENTITY_TYPES)."""
from __future__ import annotations

from newskit.record import ENTITY_TYPES

# The types with a side panel, in page order: those shown above the timeline and quotes, then those below.
TYPES_ABOVE = tuple(k.name for k in ENTITY_TYPES if k.panel and not k.panel_below)
TYPES_BELOW = tuple(k.name for k in ENTITY_TYPES if k.panel and k.panel_below)
TYPES = TYPES_ABOVE + TYPES_BELOW
PANEL_TITLES = {k.name: k.panel for k in ENTITY_TYPES if k.panel}
# Highlight colours per entity type: (background, label text). Body text (FG) on each background and each label
# colour on its background are at least 4.5:1 (WCAG AA); tests/output/test_report.py checks the ratios.
COLORS = {**{k.name: k.colors for k in ENTITY_TYPES if k.colors}, "other": ("#e6e6e6", "#3d3d3d")}
LABELS = {k.name: k.short for k in ENTITY_TYPES if k.short}
FG, MUTED, BG, PANEL_BG, LINK = "#1a1a1a", "#545454", "#ffffff", "#f6f5f1", "#0b4f8a"
# The CSS custom properties report.css reads.
CSS_VARS = {"--fg": FG, "--muted": MUTED, "--bg": BG, "--panel-bg": PANEL_BG, "--link": LINK}
