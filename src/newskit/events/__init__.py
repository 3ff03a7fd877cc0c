"""What happened or will happen: triggers, participants, status and the timeline."""
from newskit.events.extract import extract_events, timeline

__all__ = ["extract_events", "timeline"]
