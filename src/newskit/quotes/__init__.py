"""Who said what: quotation marks, cues, speakers and indirect speech."""
from newskit.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
