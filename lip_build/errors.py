"""The errors lip raises to stop a command, each with a German message for the user.

A leaf: this module imports nothing of lip, so that every layer can raise and catch these
errors without importing the layer that raises them. The command line (commands/) turns them
into a German message and exit code 1 (2 for a wrong call), never a traceback.
"""

from __future__ import annotations


class LipError(Exception):
    """A problem the user can fix; the message says what failed and what to do, in German."""


class BuildError(LipError):
    """A build step failed (site, PDF, DOCX, Synopse PDF)."""


class ReleaseError(LipError):
    """The working tree cannot be released as an official version."""


class GitError(LipError):
    """Git is missing, the folder is no repository, or a revision is unknown."""


class ReviewError(LipError):
    """A confirmation (`lip review confirm`) cannot be recorded."""


class ScaffoldError(LipError):
    """A new goal or measure (`lip new`) cannot be created."""


class CodeownersError(LipError):
    """The configuration for CODEOWNERS is missing or incomplete."""


class StatusImportError(LipError):
    """An edited export (`lip import status`) cannot be taken over; names every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
