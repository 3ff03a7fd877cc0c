"""Saved web pages: main text through trafilatura, fields from the page's own metadata."""
from newskit.html.page import article_from_html

__all__ = ["article_from_html"]
