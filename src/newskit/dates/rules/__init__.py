"""Date rules by kind: calendar dates and named days, periods, sets. Each registers itself with `rule`.

A rule is a regular expression (matched case-insensitively on the raw text), the words that must occur near any
match of it (its triggers: the rule only runs around them, since scanning whole articles with every rule would
cost more than the parse), and a handler that turns the match into a TIMEX3 (type, value) or None to reject it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newskit.dates.anchor import Context

# A rule's handler: the regex match and the resolution context -> (TIMEX3 type, value), or None to reject it.
Handler = Callable[[re.Match[str], "Context"], "tuple[str, str | None] | None"]


@dataclass(frozen=True)
class Rule:
    """One registered date rule; `digits` makes every number in the text a trigger too."""

    name: str
    pattern: str
    handler: Handler
    triggers: frozenset[str]
    digits: bool = False


RULES: list[Rule] = []


def rule(name: str, pattern: str, *, triggers: str | Iterable[str],
         digits: bool = False) -> Callable[[Handler], Handler]:
    """Register the decorated handler for `pattern` under `name`, run around `triggers` (words, lowercase)."""
    words = frozenset(triggers.split() if isinstance(triggers, str) else triggers)

    def wrap(fn: Handler) -> Handler:
        RULES.append(Rule(name, pattern, fn, words, digits))
        return fn
    return wrap
