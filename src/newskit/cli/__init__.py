"""The `newskit` command line: thin click commands over the library; shared options live in options.py."""
from newskit.cli import articles, evaluate, identity, report  # noqa: F401  (each module registers its commands)
from newskit.cli.app import cli, main

__all__ = ["cli", "main"]
