"""The text of a spaCy Doc, computed once and kept on the Doc itself.

spaCy's `doc.text` joins every token on each access (2 ms for an article) and the extractors ask for it many
times. The text is kept in the Doc's own `user_data`, so it lives and dies with the Doc: no state outside it, and
no other Doc can ever be given this one's text."""
from __future__ import annotations

import re
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


_NEWLINE = re.compile("\n")


def newline_tokens(doc: Doc) -> list[int]:
    """Return, in order, the indices of the tokens whose text or trailing whitespace holds a newline: found from the
    newlines of the doc's text, not by reading every token's strings (a token's text and whitespace run from its
    offset to the next token's)."""
    import numpy  # with the first doc read, as spaCy

    at = [m.start() for m in _NEWLINE.finditer(doc.text)]
    if not at:
        return []
    owners = numpy.searchsorted(doc.to_array("IDX"), numpy.array(at, dtype=numpy.uint64), side="right") - 1
    return [i for i in dict.fromkeys(owners.tolist()) if 0 <= i < len(doc)]
