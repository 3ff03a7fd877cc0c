"""The plain-text field parser: headline, dek, byline, publisher, dates, dateline, images and body."""
from newskit.article.builder import parse_article

__all__ = ["parse_article"]
