"""`lip build`: the outputs of a validated plan (website in site/, documents in dist/).

Each output lives in its own package and is called through one function:
  lip_build.outputs.site.build_site(root, plan, version, progress) -> writes <root>/site atomically
    (with the OParl files of the Drucksache in site/oparl/, from the documents in dist/)
  lip_build.outputs.drucksache.build_documents(root, plan, version, formats, progress) -> writes <root>/dist
  lip_build.outputs.opendata.write_exports(root, plan, version) -> writes <root>/dist/daten (with the site)
Both raise BuildError with a German message when a step fails.
"""

from __future__ import annotations

from pathlib import Path

from lip_build.errors import BuildError, ReleaseError
from lip_build.history.stamp import check_release, detect
from lip_build.model.plan import Plan
from lip_build.outputs.progress import Progress


def run_build(root: Path, plan: Plan, targets: set[str], quiet: bool = False, release: bool = False) -> tuple[str, ...]:
    """Build the targets; returns notes for the user (German sentences, e.g. OParl needs site_url)."""
    progress = Progress(quiet)
    version = detect(root, plan.info.stand)
    if release:
        try:
            check_release(root, version)
        except ReleaseError as error:
            raise BuildError(str(error)) from None
    # Documents first: the site links the documents that are in dist/ when it is built, and OParl
    # describes them with size and checksum.
    notes: tuple[str, ...] = ()
    formats = targets & {"pdf", "docx"}
    if formats:
        from lip_build.outputs.drucksache import build_documents

        build_documents(root, plan, version, formats, progress)
    if "site" in targets:
        from lip_build.outputs.opendata import write_exports
        from lip_build.outputs.site import build_site

        with progress.step("Offene Daten: CSV, XLSX und JSON nach dist/daten/ schreiben"):
            write_exports(root, plan, version)

        notes = build_site(root, plan, version, progress)
    progress.done("Fertig")
    return notes
