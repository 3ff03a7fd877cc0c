"""The text of a spaCy Doc, computed once and kept on the Doc itself.

spaCy's `doc.text` joins every token on each access (2 ms for an article) and the extractors ask for it many
times. The text is kept in the Doc's own `user_data`, so it lives and dies with the Doc: no state outside it, and
no other Doc can ever be given this one's text."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def newline_tokens(doc: Doc, orth: Any = None) -> list[int]:
    """Return, in order, the indices of the tokens whose text or trailing whitespace holds a newline (`orth`: the
    doc's ORTH column, when read already).

    Read off the doc's word column, not every token's strings: a token's trailing whitespace is one space or none
    (spaCy keeps one flag for it), so a newline is always inside a token's own text, a whitespace token's."""
    import numpy  # with the first doc read, as spaCy

    if orth is None:
        orth = doc.to_array("ORTH")
    strings = doc.vocab.strings
    words = [w for w in numpy.unique(orth).tolist() if "\n" in strings[w]]
    if not words:
        return []
    found: list[int] = numpy.flatnonzero(numpy.isin(orth, words)).tolist()
    return found
