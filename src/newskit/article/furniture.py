"""Page furniture: the lines a browser copy drags along that are not the article (menus, share bars, notices)."""
from __future__ import annotations

import re
from functools import lru_cache

# Whole-line furniture: matched against a line stripped of surrounding whitespace and bullets.
_LINE = re.compile(r"""^(?:
    scroll\s+to\s+top|back\s+to\s+top|top\s+of\s+page|skip\s+(?:to\s+)?(?:main\s+|site\s+)?(?:content|navigation|index|links)
  | (?:skip\s+)?advertisement|advert|ad\s+feedback|sponsored(?:\s+content)?|paid\s+content|promoted|ad|ads
  | (?:show\s+)?navigation(?:\s+menu)?|(?:section|site\s+information)\s+navigation|search\s*&\s*section\s+navigation
  | site\s+index
  | open\s+in\s+app|read\s+in\s+app|write|follow|following|save|saved|save\s+this\s+(?:story|article)
  | gift\s+this\s+article
  | listen|link\s+copied!?|share\s+(?:full\s+)?(?:this\s+)?(?:article|story)|share\d?|show\s+more|more|live|live\s+tv
  | watch(?:\s+now)?
  | [·•|–—_-]+|\d+(?:[.,]\d+)?[kKmM]?|\d{1,2}:\d\d|reuse\s+this\s+content|order\s+reprints.*|today[’']s\s+paper
  | share(?:\s+(?:this|the)\s+(?:article|story|post|page))?(?:\s+on\s+\w+)?|share\s+via\s+\w+|tweet|pin\s+it
  | (?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|reddit|copy\s+link|copy\s+url)(?:\s*[|/·]\s*\w+)*
  | read\s+more(?:\s*[:»›>].*)?|read\s+next(?:\s*:.*)?|see\s+also(?:\s*:.*)?
  | related(?:\s+(?:articles?|stories|content|news|coverage|posts?|topics?))?(?:\s*:.*)?
  | more\s+(?:from|on|stories|news)\b.{0,60}|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?
  | recommended(?:\s+for\s+you|\s+from\s+.{1,40})?
  | explore\s+more(?:\s+on\s+these\s+topics)?|in\s+other\s+news|also\s+from\s+this\s+source
  | related\s+(?:articles|stories|topics)|conversation
  | (?:\d+(?:[.,]\d+)?[kKmM]?\s+)?(?:followers|likes|claps|restacks)
  | (?:updated\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago
  | (?:leave\s+a\s+|add\s+a\s+|post\s+a\s+)?comments?(?:\s*\(\d+\))?|\d+\s+comments?|show\s+comments|view\s+comments
  | join\s+the\s+conversation
  | subscribe(?:\s+now)?|sign\s+(?:in|up)(?:\s*[/|]\s*sign\s+(?:in|up))?|log\s*in|register|newsletter|menu|search
  | home|close|next|previous|(?:next|previous|prev)\s+(?:story|article|post)|loading\.{0,3}
  | email\s+(?:the\s+)?author|contact\s+(?:the\s+)?(?:author|reporter)|follow\s+(?:us|the\s+author|@\w+).*
  | (?:tags?|labels?)\s*:.*|topics?\s*:.*|filed\s+under\s*:?.*|categor(?:y|ies)\s*:.*
  | listen\s+to\s+(?:this\s+)?article.*
  | (?:\d+\s+)?min(?:ute)?s?\s+read|filed\s+under\s*:?|print\s+this\s+(?:article|page)|click\s+here.*|watch\s*:.*
  | video\s*:?|photos?
  # breadcrumb
  | [\w&’',.()-]+(?:\ [\w&’',.()-]+){0,3}(?:\s*[›»>]\s*[\w&’',.()-]+(?:\ [\w&’',.()-]+){0,3}){1,6}\s*[›»>]?
  | ©.*|copyright\b.*|all\s+rights\s+reserved.*|\(c\)\s*\d{4}.*
  | [^.]{0,200}?\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)(?:\s+from\s+[^.]{1,80})?  # wire credit
  # wire sign-off: "(Reporting by Jane Doe in Paris; Editing by Sam Hart)"
  | \(?(?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\s+(?:the\s+)?
      (?-i:[A-Z])[\w'’.-]*(?:,?\s+(?:and\s+|&\s+|in\s+)?(?-i:[A-Z])[\w'’.-]*)*
    (?:\s*;\s*(?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\s+(?:the\s+)?
      (?-i:[A-Z])[\w'’.-]*(?:,?\s+(?:and\s+|&\s+|in\s+)?(?-i:[A-Z])[\w'’.-]*)*)*\s*\)?
)[.!]?$""", re.I | re.X)
# Sentences typical of consent and subscription banners, wherever they sit in a line.
_ANYWHERE = re.compile(r"""
    \bwe\s+use\s+cookies\b|\bthis\s+(?:web)?site\s+uses\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b|\bcookie\s+(?:policy|settings|preferences)\b
  | \bsubscribe\s+to\s+(?:our|the)\s+(?:[\w’'-]+\s+){0,3}newsletters?\b
  | \bsign\s+up\s+for\s+(?:our|the)\s+(?:[\w’'-]+\s+){0,3}newsletters?\b
  | \bdelivered\s+to\s+your\s+inbox\b|\bstory\s+continues\s+(?:below|after)\b|\barticle\s+continues\s+(?:below|after)\b
  | \bsign\s+up\s+(?:here\s+)?to\s+(?:get|receive)\b|\bget\s+(?:our|the)\s+\w*\s*newsletter\b
  | \byou\s+have\s+\d+\s+free\s+articles?\b|\balready\s+a\s+subscriber\b|\bsupport\s+(?:our|independent)\s+journalism\b
  | \bthis\s+article\s+(?:is|was)\s+(?:more\s+than|over)\s+\d+\s+\w+\s+old\b|\bby\s+continuing\s+to\s+(?:use|browse)\b
  | \bprivacy\s+policy\b.*\bterms\b|\bterms\s+of\s+(?:use|service)\b
  | \bopens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)\b
  | \bmay\s+earn\s+(?:a\s+)?(?:commission|affiliate)|\bmay\s+earn\s+[\w\s]{1,40}?\s+(?:a\s+)?commission\b
  | \bconfidential\s+tip\b|\bby\s+signing\s+up\b
  | \bsave\s+articles?\s+to\s+read\s+later\b
  | \bthis\s+(?:article|story)\s+(?:is|was)\s+more\s+than\s+\d+\s+\w+\s+old\b|\ball\s+rights\s+reserved\b
  | \bnot\s+a\s+subscriber\b
  | \bsubscribe\s+(?:now\s+|today\s+)?(?:to|for)\s+(?:read|continue|keep\s+reading|unlock|unlimited|full\s+access)\b
  | \b(?:article|story|content)\s+is\s+(?:for|available\s+to)\s+(?:paying\s+)?subscribers(?:\s+only)?\b
  | ^share\s+this\s*:|\bshare\s+on\s+(?:facebook|twitter|x|whatsapp|linkedin|email)(?:\b|(?=\d))
  | \bsign\s+up\s+for\s+.{0,60}newsletter\b
  | \bjoin\s+(?:over\s+|more\s+than\s+)?[\d,.]+\s*(?:million|thousand|k)?\s+(?:\w+\s+)?(?:members|subscribers|readers)\b
  | \bbecome\s+a\s+(?:premium\s+|paying\s+)?(?:member|subscriber)\s+(?:today|now)\b
  | \bare\s+you\s+sure\s+you\s+want\s+to\s+share\b
""", re.I | re.X)
_TRIGGERS = ("cookie", "subscri", "newsletter", "inbox", "continues", "sign up", "signing up", "free article",
             "support our", "support independent", "this article", "this story", "continuing to", "privacy policy",
             "terms of", "new tab", "new window", "may earn", "confidential tip", "save article", "rights reserved",
             "share this", "share on", "join", "become a", "are you sure")
_BULLET = re.compile(r"^[\s•·*|>»›\-–—]+|[\s•·|<«‹\-–—]+$")


@lru_cache(maxsize=4096)  # asked of the same lines by the line kinds, the body and the line scorer
def is_furniture(line: str) -> bool:
    """Tell whether a line is page furniture rather than part of the article."""
    s = _BULLET.sub("", line.strip())
    if not s:
        return True
    if _LINE.match(s):
        return True
    if len(s) >= 400:
        return False
    low = " ".join(s.lower().split())
    # Every banner sentence holds one of these words; most lines hold none, and skip the long pattern.
    return any(w in low for w in _TRIGGERS) and bool(_ANYWHERE.search(s))
