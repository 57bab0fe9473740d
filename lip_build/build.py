"""`lip build`: the outputs of a validated plan (website in site/, documents in dist/).

Each output lives in its own package and is called through one function:
  lip_build.site.build_site(root, plan, version, progress) -> writes <root>/site atomically
  lip_build.documents.build_documents(root, plan, version, formats, progress) -> writes <root>/dist
Both raise BuildError with a German message when a step fails.
"""

from __future__ import annotations

from pathlib import Path

from .model import Plan
from .output import Progress
from .version import ReleaseError, check_release, detect


class BuildError(Exception):
    """A build step failed; the message is German and says what failed and what to do."""


def run_build(root: Path, plan: Plan, targets: set[str], quiet: bool = False, release: bool = False) -> None:
    progress = Progress(quiet)
    version = detect(root, plan.info.stand)
    if release:
        try:
            check_release(root, version)
        except ReleaseError as error:
            raise BuildError(str(error)) from None
    # Documents first: the site links the documents that are in dist/ when it is built.
    formats = targets & {"pdf", "docx"}
    if formats:
        from .documents import build_documents

        build_documents(root, plan, version, formats, progress)
    if "site" in targets:
        from .site import build_site

        build_site(root, plan, version, progress)
    progress.done("Fertig")
