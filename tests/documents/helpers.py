"""Building the Drucksache in tests and reading it back like a user would: text per page, DOCX XML."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import shutil
import zipfile
from pathlib import Path

from pypdf import PdfReader

from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache import build_documents
from lip_build.outputs.progress import Progress
from lip_build.pipeline import load_plan

PLAN = Path(__file__).resolve().parent / "plan"  # a small plan with two Handlungsfelder and an image
VERSION = Version(
    bezeichnung="v2.0",
    commit="0123456789abcdef0123456789abcdef01234567",
    datum=dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC),
    tag="v2.0",
    geaendert=False,
)


def small_plan(target: Path) -> Path:
    shutil.copytree(PLAN, target)
    return target


def load(root: Path) -> Plan:
    result = load_plan(root)
    assert result.plan is not None, [d.as_text() for d in result.diagnostics.items]
    return result.plan


def build(root: Path, formats: set[str], plan: Plan | None = None, version: Version = VERSION) -> dict[str, bytes]:
    """Build the documents of the plan in `root`; returns the files: the whole Drucksache by extension
    ("pdf", "docx"), each part set on its own by its path under dist/ ("einzeln/…-Anlage-1.pdf")."""
    written = build_documents(root, plan or load(root), version, formats, Progress(quiet=True))
    dist = root / "dist"
    return {
        path.suffix.lstrip(".") if path.parent == dist else path.relative_to(dist).as_posix(): path.read_bytes()
        for path in written
    }


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace (line ends, no-break spaces) as single spaces; words hyphenated at line ends joined."""
    text = re.sub(r"\u00ad\s*", "", text)
    return " ".join(text.replace("\u00a0", " ").replace("\u2060", "").split())


def lenient(text: str) -> re.Pattern[str]:
    """`text` as it may come out of a PDF: broken across lines anywhere, hyphenated at line ends."""
    parts = [re.escape(ch) for ch in flat(text) if ch != " "]
    return re.compile(r"(?:-?\s*)".join(parts))


def docx_text(docx: bytes, part: str = "word/document.xml") -> str:
    """The text of a DOCX part, runs joined."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read(part).decode("utf-8")
    return html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))
