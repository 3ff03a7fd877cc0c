"""The Doc's text, computed once and kept on the Doc."""
from __future__ import annotations

from newskit.doctext import doc_text, remember_text


def test_doc_text_is_the_docs_text_and_a_wrong_remembered_text_is_refused(nlp):
    doc = nlp.make_doc("Putin met Kim.\n\nThey talked.")
    assert doc_text(doc) == doc.text
    other = nlp.make_doc("Something else entirely, longer.")
    remember_text(other, "too short")  # its tokens span more characters: not taken
    assert doc_text(other) == other.text
    assert doc_text(doc) == doc.text


def test_each_doc_keeps_its_own_text_when_docs_interleave(nlp):
    # Remembered texts of the tokens' length are taken as given, so what comes back shows where it was kept.
    first = nlp.make_doc("The council met on Monday.")
    second = nlp.make_doc("A storm closed the harbour.")
    remember_text(first, "x" * len(first.text))
    remember_text(second, "y" * len(second.text))
    assert doc_text(first) == "x" * len(first.text)
    assert doc_text(second) == "y" * len(second.text)
