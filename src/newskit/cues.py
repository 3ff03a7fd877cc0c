"""The attribution cue lexicon: verbs and phrases that introduce what someone said, wrote or thinks."""
from __future__ import annotations

# Verbs of saying: their subject is the speaker and their clausal or direct object is the statement.
SPEECH_VERBS = frozenset("""
say tell add state claim announce insist argue warn explain note write tweet post report declare assert contend
maintain acknowledge admit concede suggest predict ask reply respond answer continue recall remark observe comment
describe urge promise vow pledge threaten deny confirm reveal disclose testify complain boast joke quip exclaim
shout yell scream whisper mutter conclude emphasize emphasise stress express voice tout hail praise criticize
criticise slam blast charge accuse allege lament recount agree disagree dismiss counter retort reiterate repeat
mention indicate announce caution proclaim assure inform advise recommend propose demand question wonder say
brag gush chime interject cite read quote acknowledge estimate calculate forecast project signal hint imply
pronounce rule order instruct request plead beg concur object protest scoff sneer snap fire shoot lash rail
bark beam mock echo chant sing cheer gasp sigh muse tease marvel reason relate chide scold fume rant thunder roar
grumble groan cut recite summarize summarise elaborate clarify lecture preach declare speak talk proclaim
""".split())

# Verbs of thinking and knowing: PolNeAR-style attributions of beliefs; used for indirect statements only.
COGNITION_VERBS = frozenset("""
believe think feel hope fear worry expect know doubt suspect assume guess figure reckon consider
""".split())

# Particles that complete phrasal cues ("point out", "go on", "chime in", "fire back").
PHRASAL = {"point": "out", "go": "on", "chime": "in", "fire": "back", "shoot": "back", "lash": "out",
           "spell": "out", "lay": "out", "sum": "up", "weigh": "in", "cut": "in"}

# Nouns that, as the head of a subject NP, denote someone who speaks for someone else.
SPOKESPERSON_NOUNS = frozenset("spokesman spokeswoman spokesperson aide official agency ministry office "
                               "campaign department representative".split())

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"it", "they", "we"})


def is_cue_lemma(lemma: str, *, indirect: bool = False) -> bool:
    """Return True when `lemma` is a verb that can introduce a quotation (or, if `indirect`, a belief)."""
    lemma = lemma.lower()
    return lemma in SPEECH_VERBS or (indirect and lemma in COGNITION_VERBS)
