"""People, places, organizations and named events: mentions, cleaning, rules, grouping, titles."""
from newskit.entities.extract import extract_entities

__all__ = ["extract_entities"]
