"""The attribution cue lexicon: verbs and phrases that introduce what someone said, wrote or thinks."""
from __future__ import annotations

# Verbs of saying: their subject is the speaker and their clausal or direct object is the statement.
SPEECH_VERBS = frozenset(["say", "tell", "add", "state", "claim", "announce", "insist", "argue", "warn", "explain", "note", "write", "tweet", "post", "report", "declare", "assert", "contend", "maintain", "acknowledge", "admit", "concede", "suggest", "predict", "ask", "reply", "respond", "answer", "continue", "recall", "remark", "observe", "comment", "describe", "urge", "promise", "vow", "pledge", "threaten", "deny", "confirm", "reveal", "disclose", "testify", "complain", "boast", "joke", "quip", "exclaim", "shout", "yell", "scream", "whisper", "mutter", "conclude", "emphasize", "emphasise", "stress", "express", "voice", "tout", "hail", "praise", "criticize", "criticise", "slam", "blast", "charge", "accuse", "allege", "lament", "recount", "agree", "disagree", "dismiss", "counter", "retort", "reiterate", "repeat", "mention", "indicate", "announce", "caution", "proclaim", "assure", "inform", "advise", "recommend", "propose", "demand", "question", "wonder", "say", "brag", "gush", "chime", "interject", "cite", "read", "quote", "acknowledge", "estimate", "calculate", "forecast", "project", "signal", "hint", "imply", "pronounce", "rule", "order", "instruct", "request", "plead", "beg", "concur", "object", "protest", "scoff", "sneer", "snap", "fire", "shoot", "lash", "rail", "bark", "beam", "mock", "echo", "chant", "sing", "cheer", "gasp", "sigh", "muse", "tease", "marvel", "reason", "relate", "chide", "scold", "fume", "rant", "thunder", "roar", "grumble", "groan", "cut", "recite", "summarize", "summarise", "elaborate", "clarify", "lecture", "preach", "declare", "speak", "talk", "proclaim"])

# Verbs of thinking and knowing: PolNeAR-style attributions of beliefs; used for indirect statements only.
COGNITION_VERBS = frozenset(["believe", "think", "feel", "hope", "fear", "worry", "expect", "know", "doubt", "suspect", "assume", "guess", "figure", "reckon", "consider"])

# Verbs that name or qualify something: a quotation as their complement is the subject's verdict in their own words.
NAMING_VERBS = frozenset(["call", "describe", "term", "dub", "label", "brand", "characterize", "characterise"])

# Particles that complete phrasal cues ("point out", "go on", "chime in", "fire back").
PHRASAL = {"point": "out", "go": "on", "chime": "in", "fire": "back", "shoot": "back", "lash": "out",
           "spell": "out", "lay": "out", "sum": "up", "weigh": "in", "cut": "in"}

# Nouns that, as the head of a subject NP, denote someone who speaks for someone else.
SPOKESPERSON_NOUNS = frozenset(["spokesman", "spokeswoman", "spokesperson", "aide", "official", "agency", "ministry", "office", "campaign", "department", "representative"])

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"it", "they", "we"})


def is_cue_lemma(lemma: str, *, indirect: bool = False) -> bool:
    """Return True when `lemma` is a verb that can introduce a quotation (or, if `indirect`, a belief)."""
    lemma = lemma.lower()
    return lemma in SPEECH_VERBS or (indirect and lemma in COGNITION_VERBS)


# Irregular past forms of cue verbs, for pipelines run without the lemmatizer.
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
              "spoken": "speak", "thought": "think", "felt": "feel", "knew": "know", "known": "know",
              "sang": "sing", "sung": "sing", "read": "read", "went": "go", "gone": "go", "shot": "shoot",
              "cut": "cut", "laid": "lay", "fired": "fire", "began": "begin", "led": "lead", "held": "hold",
              "met": "meet", "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
              "came": "come", "fought": "fight", "won": "win", "struck": "strike", "sent": "send",
              "left": "leave", "brought": "bring", "sold": "sell", "bought": "buy", "flew": "fly", "flown": "fly",
              "ran": "run", "saw": "see", "seen": "see", "got": "get", "did": "do", "done": "do", "had": "have",
              "has": "have", "was": "be", "were": "be", "is": "be", "are": "be", "been": "be"}
_KNOWN = SPEECH_VERBS | COGNITION_VERBS | NAMING_VERBS | set(PHRASAL)


def lemma(tok) -> str:
    """Return the token's lemma, guessing a verb's base form when the pipeline has no lemmatizer."""
    # without the lemmatizer some inflected verbs come back as their own lemma ("called"): guess those too
    if tok.lemma_ and not (tok.lemma_ == tok.text and tok.tag_ in ("VBD", "VBN", "VBG", "VBZ")):
        return tok.lemma_.lower()
    w = tok.lower_
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            base = w[: -len(suffix)] + repl
            if base in _KNOWN:
                return base
            if len(base) > 3 and base[-1] == base[-2] and base[:-1] in _KNOWN:
                return base[:-1]  # "admitted" -> "admit"
    return w
