"""The Synopse as PDF for a council committee: bisherige | neue Fassung, changes marked.

Built like the Drucksache (lip_build/documents): the template templates/typst/synopse.typ, the
shipped fonts, PDF/A-2a + PDF/UA-1, German errors and an atomic write come from there. The
content goes to Typst only as data (synopse.json, see synopse_pdf_daten.py), never as markup.
The time stamp is the commit date of the newer version, so the same two versions always give
the same bytes. Intermediate files are written to <root>/.lip-drucksache/synopse/ and removed
after a successful build; after a failure they stay there for a look.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from dataclasses import asdict
from pathlib import Path

from lip_build.atomic import atomic_file
from lip_build.errors import BuildError
from lip_build.history.compare import Synopse
from lip_build.history.stamp import Version
from lip_build.outputs.drucksache.paths import resource, work_dir
from lip_build.outputs.drucksache.render_typst import compile_pdf
from lip_build.outputs.synopse.pdf_data import daten

TEMPLATE = "templates/typst/synopse.typ"
WORK = "synopse"
DATA = "synopse.json"
# Outside Git neither version has a commit date; a fixed stamp keeps the PDF reproducible.
_NO_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def stamp(synopse: Synopse) -> dt.datetime:
    """The commit date of the newer of the two versions."""
    dates = [d for d in (synopse.bisher.datum, synopse.neu.datum) if d is not None]
    return max(dates) if dates else _NO_DATE


def _version(synopse: Synopse) -> Version:
    """The newer version, as the Drucksache's compile step expects it (only its date is used)."""
    neu = synopse.neu
    return Version(neu.tag or neu.bezeichnung, neu.commit, stamp(synopse), neu.tag, neu.geaendert)


def write_sources(root: Path, synopse: Synopse) -> Path:
    """Write template, data and main file into the work folder; returns the main file."""
    work = work_dir(root) / WORK
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copyfile(resource(root, TEMPLATE), work / "vorlage.typ")
    payload = json.dumps(asdict(daten(synopse)), ensure_ascii=False, indent=1)
    (work / DATA).write_text(payload, encoding="utf-8")
    main = work / "synopse.typ"
    main.write_text(f'#import "vorlage.typ": synopse\n#synopse(json("{DATA}"))\n', encoding="utf-8")
    return main


def render_pdf(root: Path, synopse: Synopse) -> bytes:
    """The PDF of the Synopse; `root` is the plan folder (for templates, fonts and the work folder)."""
    try:
        main = write_sources(root, synopse)
    except OSError as error:
        raise BuildError(
            f"Die Synopse konnte nicht vorbereitet werden: {error.strerror or error} ({error.filename or root}). "
            "Prüfen Sie, ob der Ordner beschreibbar ist und genug Speicherplatz frei ist."
        ) from None
    pdf = compile_pdf(root, main, _version(synopse))  # on failure the files stay for a look
    shutil.rmtree(main.parent, ignore_errors=True)
    with contextlib.suppress(OSError):
        main.parent.parent.rmdir()  # the work folder, if nothing else is in it
    return pdf


def write_pdf(root: Path, synopse: Synopse, target: Path) -> None:
    """Build the PDF and write it to `target` completely or not at all."""
    pdf = render_pdf(root, synopse)
    try:
        atomic_file(target, pdf)
    except OSError as error:
        raise BuildError(
            f"Die Synopse konnte nicht nach „{target}“ geschrieben werden: {error.strerror or error}. "
            "Prüfen Sie, ob der Ordner existiert und beschreibbar ist."
        ) from None
