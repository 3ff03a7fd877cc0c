"""A stand-in for the model stage that misbehaves on marked articles, as a real pipeline can on a bad input."""
from __future__ import annotations

import time


class FaultyPipe:
    """Wraps a spaCy pipeline: a batch holding "BOOM" raises; one holding "SLOW" takes `slow_seconds` first,
    asleep or (`busy`) spinning in pure Python as a pathological input would."""

    def __init__(self, nlp, slow_seconds: float = 5, busy: bool = False):
        self.nlp, self.slow_seconds, self.busy = nlp, slow_seconds, busy

    def pipe(self, items, **kw):
        items = list(items)
        if any("BOOM" in text for text, _ in items):
            raise RuntimeError("boom")
        if any("SLOW" in text for text, _ in items):
            if self.busy:
                end = time.monotonic() + self.slow_seconds
                while time.monotonic() < end:
                    pass
            else:
                time.sleep(self.slow_seconds)
        return self.nlp.pipe(items, **kw)
