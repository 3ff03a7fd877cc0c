"""The text of a spaCy Doc, computed once and kept on the Doc itself.

spaCy's `doc.text` joins every token on each access (2 ms for an article) and the extractors ask for it many
times. The text is kept in the Doc's own `user_data`, so it lives and dies with the Doc: no state outside it, and
no other Doc can ever be given this one's text."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

KEY = "newskit_text"


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, computed once per Doc (or given by `remember_text`)."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.text
        doc.user_data[KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell `doc_text` the text `doc` was made from, when its tokens span exactly that many characters."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data[KEY] = text
