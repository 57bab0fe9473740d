"""The whole check of a plan, and the model when the plan has no errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lip_build.check.beteiligung import check_beteiligung
from lip_build.check.document import read_documents
from lip_build.check.glyphs import check_glyphs
from lip_build.check.placeholders import check_placeholders
from lip_build.check.plan_wide import PlanChecker
from lip_build.check.reviews import check_reviews
from lip_build.check.statuses import check_statuses
from lip_build.check.texts import TextChecker
from lip_build.check.verlauf import check_verlauf
from lip_build.codes import LIP408
from lip_build.diagnostics import Diagnostics
from lip_build.load.files import gc_paused
from lip_build.load.source import decode
from lip_build.load.yamltree import check_yaml_syntax
from lip_build.model.assemble import assemble
from lip_build.model.plan import Plan

SITE_CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Result:
    diagnostics: Diagnostics
    files: int
    plan: Plan | None  # None when the plan has errors


def load_plan(root: Path, replaced: Mapping[str, str] | None = None) -> Result:
    """Check the plan in `root`; the files in `replaced` (path → text) as if they held that text."""
    with gc_paused():
        return _load_plan(root, replaced)


def _site_config(root: Path, diagnostics: Diagnostics) -> None:
    """The syntax of mkdocs.yml: a green check must mean that `lip build` can read it."""
    path = root / SITE_CONFIG
    if path.is_file():
        text = decode(path.read_bytes(), SITE_CONFIG, diagnostics)
        if text is not None:
            check_yaml_syntax(text, SITE_CONFIG, diagnostics)


def _load_plan(root: Path, replaced: Mapping[str, str] | None) -> Result:
    diagnostics = Diagnostics()
    documents, unreadable = read_documents(root, diagnostics, replaced)
    text_links = []
    for doc in documents:
        text_links += TextChecker(root, doc.path, doc.source.text, diagnostics).check()
        for text in doc.texts.values():  # Markdown in the front matter (the Drucksache's Antrag, …)
            text_links += TextChecker(root, doc.path, text, diagnostics).targets()
        if not doc.source.body.strip() and doc.kind.name in ("ziel", "massnahme", "handlungsfeld", "kapitel"):
            pos = doc.source.line_of()
            diagnostics.add(LIP408, doc.path, pos.line, pos.column)
    check_placeholders(documents, diagnostics)
    check_glyphs(root, documents, diagnostics)
    _site_config(root, diagnostics)
    PlanChecker(documents, diagnostics, unreadable).run(text_links)
    check_statuses(documents, diagnostics)
    check_verlauf(documents, diagnostics)
    check_beteiligung(documents, diagnostics)
    check_reviews(documents, diagnostics)
    plan = None
    if not diagnostics.has_errors:
        records = [(d.kind.name, d.record) for d in documents if d.record is not None]
        assert len(records) == len(documents), "a file without errors always binds to its record"
        plan = assemble(records)
    return Result(diagnostics, len(documents) + len(unreadable), plan)
