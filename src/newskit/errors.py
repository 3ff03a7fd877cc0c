"""Library exceptions. Only the command line turns them into messages and exit codes."""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes of the `newskit` command (see CONTRACT: 0 ok, 1 some inputs failed, 2 usage)."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2


class NewskitError(Exception):
    """Base class of every error newskit raises on purpose."""

    code = "error"


class InputError(NewskitError):
    """One input cannot be turned into an article; carries a stable machine-readable code."""

    def __init__(self, code: str, message: str, where: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.where = where  # "archive.jsonl:7" when the input is one line of a file

    def __reduce__(self):
        # Travels between worker processes; the default pickling would lose `code`.
        return (InputError, (self.code, self.message, self.where))


class ModelError(NewskitError):
    """The spaCy pipeline cannot be loaded."""

    code = "model"


class OutputError(NewskitError):
    """Writing the output failed (full disk, closed file): the run cannot go on."""

    code = "output"


class ArticleTimeout(BaseException):
    """One article ran over --timeout-per-article (a BaseException, so no `except Exception` inside the
    extractors or spaCy can swallow it)."""

    code = "timeout"
