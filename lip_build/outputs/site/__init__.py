"""The public website of the plan (issue 3): generated from the validated model into site/.

    changes.py                                                   the plan's history from Git (one read per build)
    pages.py and pages_*.py, catalogue.py, status.py, legal.py  model → neutral page tree (tree.py)
    engine.py                                                    page tree → MkDocs + Material → HTML
    serve.py                                                     `lip serve`: preview with rebuilds

Only engine.py knows MkDocs. The site is written atomically: a failed build leaves site/ as it was.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lip_build import memo
from lip_build.atomic import FILE_MODE, atomic_directory
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache.paths import EINZELN
from lip_build.outputs.progress import Progress
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.files import FILES, linked_files
from lip_build.outputs.site.git_history import SiteHistory, read_history
from lip_build.outputs.site.pages import build_tree
from lip_build.outputs.site.pagetree import SiteTree
from lip_build.outputs.site.settings import load_settings
from lip_build.view.formats import plan_stand

DOCUMENT_SUFFIXES = (".pdf", ".docx")


def downloads(root: Path) -> tuple[Path, ...]:
    """The Drucksache files in dist/ (built by `lip build`), offered on the start page."""
    folder = root / "dist"
    if not folder.is_dir():
        return ()
    return tuple(sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES))


def parts(root: Path) -> tuple[Path, ...]:
    """The Drucksache without Anlagen and each Anlage as a PDF of its own (dist/einzeln/), the Drucksache first."""
    folder = root / "dist" / EINZELN
    if not folder.is_dir():
        return ()
    found = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".pdf"]
    return tuple(sorted(found, key=lambda p: (not p.stem.endswith("-ohne-Anlagen"), p.name)))


def open_data(root: Path) -> tuple[Path, ...]:
    """The open-data files in dist/daten/ (lip export, part of lip build), offered on the catalogue and status pages."""
    folder = root / "dist" / "daten"
    return tuple(sorted(p for p in folder.iterdir() if p.is_file())) if folder.is_dir() else ()


def site_tree(root: Path, plan: Plan, version: Version, history: SiteHistory | None = None) -> SiteTree:
    """Every page of the site, without writing anything; reads the history from Git unless it is given."""
    settings = load_settings(root)
    if history is None:
        history = read_history(root, plan, settings)
    tree = build_tree(plan, settings, downloads(root), history, open_data(root), parts(root))
    files = dict(tree.files)
    files.update({f"{FILES}{path}": root / path for path in sorted(linked_files(plan))})
    stand = plan_stand(plan.info.version, plan.info.stand)
    return dataclasses.replace(tree, files=files, version=stand, herkunft=version.herkunft)


OPARL_OHNE_SITE_URL = (
    "Hinweis: Die OParl-Dateien für das Ratsinformationssystem (site/oparl/) wurden nicht erstellt, weil "
    "in mkdocs.yml der Eintrag „site_url“ fehlt. OParl verlangt vollständige Adressen; tragen Sie die "
    "Adresse der veröffentlichten Website ein, etwa „site_url: https://integrationsplan.hannover.de/“."
)


def oparl(root: Path, plan: Plan, version: Version, site_url: str) -> dict[str, bytes]:
    """The OParl files of the Drucksache (paths under the site), for the documents that are in dist/."""
    from lip_build.outputs.opendata.oparl import oparl_files

    dist = root / "dist"
    documents = {path.relative_to(dist).as_posix(): path.read_bytes() for path in (*downloads(root), *parts(root))}
    return oparl_files(
        plan,
        version,
        site_url,
        documents,
        download_url=lambda name: f"{mk.DOWNLOADS}{name}",
        gremium_url=mk.path_of,
    )


def write_beside_pages(root: Path, plan: Plan, version: Version, out: Path) -> tuple[str, ...]:
    """What the site holds beside its pages: the web editor (admin/) and, with site_url, OParl (oparl/).

    Written anew by every build, also by a partial rebuild of `lip serve`. Returns notes for the user
    (German sentences), e.g. that OParl needs site_url."""
    from lip_build.outputs.cms import ADMIN, write_admin

    settings = load_settings(root)
    if settings.site_url is not None:
        for path, data in oparl(root, plan, version, settings.site_url).items():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a partial rebuild links the previous build's files: never write into them
            target.write_bytes(data)
            target.chmod(FILE_MODE)
    write_admin(root, plan, out / ADMIN)
    return () if settings.site_url is not None else (OPARL_OHNE_SITE_URL,)


def build_site(root: Path, plan: Plan, version: Version, progress: Progress) -> tuple[str, ...]:
    """Write the website of `plan` into <root>/site; raises BuildError when a step fails.

    Returns notes for the user (German sentences), e.g. that OParl needs site_url."""
    from lip_build.outputs.site.engine import render

    memo.new_build()
    settings = load_settings(root)
    with progress.step("Website: Änderungsverlauf aus Git lesen"):
        history = read_history(root, plan, settings)
    with progress.step("Website: Seiten aus dem Plan erzeugen"):
        tree = site_tree(root, plan, version, history)
    with (
        progress.step(f"Website: {len(tree.pages)} Seiten mit MkDocs schreiben"),
        atomic_directory(root / "site") as out,
    ):
        render(root, tree, out)
        return write_beside_pages(root, plan, version, out)
