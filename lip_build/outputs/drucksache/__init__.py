"""The council-ready Drucksache: an accessible, archivable PDF and an editable DOCX.

Pipeline (one module per step):
  assemble.py      the validated model → one Markdown document (Drucksache, Anlage 1, Anlage 2)
  pandoc.py        Markdown → pandoc's document tree (raw code switched off)
  tree.py          checks of the tree: no raw code, images inside the repository, heading levels
  render_typst.py  tree → Typst markup → PDF/A-2a + PDF/UA-1 with the typst package
  pdf_tags.py      the label column of each fact table → row header cells (TH, scope Row)
  render_docx.py   tree → DOCX with the reference document templates/docx/reference.docx
Intermediate files stay in <root>/.lip-drucksache/; the documents are written to <root>/dist/
only when every requested format was built, so a failed build leaves the previous ones untouched.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lip_build.atomic import FILE_MODE, atomic_directory, atomic_file
from lip_build.errors import BuildError
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache import pandoc
from lip_build.outputs.drucksache.assemble import Dokument, assemble
from lip_build.outputs.drucksache.pandoc_tree import prepare
from lip_build.outputs.drucksache.paths import EINZELN, dateiname, teil_dateiname, work_dir
from lip_build.outputs.drucksache.pdf_tags import mark_row_headers
from lip_build.outputs.drucksache.render_docx import build_docx
from lip_build.outputs.drucksache.render_typst import compile_part, compile_pdf, write_sources
from lip_build.outputs.progress import Progress

DIST = "dist"


def build_documents(root: Path, plan: Plan, version: Version, formats: set[str], progress: Progress) -> list[Path]:
    """Build the requested formats ("pdf", "docx") and write them to <root>/dist/; returns the files."""
    try:
        return _build(root, plan, version, formats, progress)
    except OSError as error:
        raise BuildError(
            f"Die Drucksache konnte nicht erstellt werden: {error.strerror or error} ({error.filename or root}). "
            "Prüfen Sie, ob der Ordner beschreibbar ist und genug Speicherplatz frei ist."
        ) from None


@dataclass(frozen=True)
class Gesetzt:
    """An assembled document, set: the whole by extension ("pdf", "docx"), and each of its parts as a PDF."""

    dateien: dict[str, bytes]
    teile: dict[str, bytes]  # by Teil.name ("anlage-1"); empty for a document without parts


def setzen(root: Path, work: Path, dok: Dokument, version: Version, formats: set[str], progress: Progress) -> Gesetzt:
    """Steps 2 to 5 for any assembled document (the Drucksache, the Sachstandsbericht): read its Markdown
    with pandoc and check it, then set the PDF (and each part) with Typst and the DOCX with pandoc,
    the DOCX in its own process while Typst sets the PDF. Writes only into `work`."""
    source = work / "drucksache.md"
    source.write_text(dok.markdown, encoding="utf-8")
    with progress.step("Markdown mit pandoc lesen und prüfen"):
        tree = prepare(pandoc.read_markdown(source), root)
    dateien: dict[str, bytes] = {}
    teile: dict[str, bytes] = {}
    with ThreadPoolExecutor(max_workers=1) as pool:
        docx = pool.submit(build_docx, root, work, tree, dok, version) if "docx" in formats else None
        if "pdf" in formats:
            with progress.step("PDF: Typst-Markup mit pandoc erzeugen"):
                main = write_sources(root, work, tree, dok)
            with progress.step("PDF: mit Typst setzen (PDF/A-2a, PDF/UA-1)"):
                pdf = compile_pdf(root, main, version)
            with progress.step("PDF: Zeilenköpfe der Faktentabellen auszeichnen"):
                dateien["pdf"] = mark_row_headers(pdf, sum(1 for t in dok.tabellen if t.row_headers))
            if dok.teile:
                with progress.step(f"PDF: Drucksache und Anlagen einzeln setzen ({len(dok.teile)} Dateien)"):
                    for teil in dok.teile:
                        pdf = compile_part(root, main, version, teil)
                        teile[teil.name] = mark_row_headers(pdf, teil.zeilenkopf_tabellen)
        if docx is not None:
            with progress.step("DOCX: mit pandoc erzeugen"):
                dateien["docx"] = docx.result()
    return Gesetzt(dateien, teile)


def _build(root: Path, plan: Plan, version: Version, formats: set[str], progress: Progress) -> list[Path]:
    with progress.step("Drucksache: Markdown aus dem Plan zusammenstellen"):
        dok = assemble(plan, version)
    gesetzt = setzen(root, work_dir(root), dok, version, formats, progress)
    outputs = gesetzt.dateien
    einzeln = {teil_dateiname(plan, name): data for name, data in gesetzt.teile.items()}
    written = []
    for endung, data in sorted(outputs.items()):
        target = root / DIST / dateiname(plan, endung)
        atomic_file(target, data)
        written.append(target)
    if einzeln:
        with atomic_directory(root / DIST / EINZELN) as folder:
            for name, data in einzeln.items():
                (folder / name).write_bytes(data)
                (folder / name).chmod(FILE_MODE)
        written += [root / DIST / EINZELN / name for name in einzeln]
    return written
