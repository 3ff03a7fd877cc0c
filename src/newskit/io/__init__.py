"""Inputs (files, directories, stdin, JSON Lines, HTML detection) and the progress bar."""
from newskit.io.inputs import Source, read_inputs, source_from_text

__all__ = ["Source", "read_inputs", "source_from_text"]
