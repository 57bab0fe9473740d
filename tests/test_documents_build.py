"""Building the Drucksache of a small plan: failures, untrusted text, variants of the paper.

Every test copies tests/documents/plan and changes what it needs; a build takes well under a second.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.errors import BuildError
from lip_build.load.markdown import parse
from lip_build.outputs.drucksache.paths import WORK
from lip_build.outputs.drucksache.zipfiles import write_zip
from lip_build.pipeline import load_plan

from .documents.helpers import build, docx_text, flat, lenient, load, pages, small_plan

PDF_NAME = "LIP-0.1-Drucksache-2610-2026.pdf"
DOCX_NAME = "LIP-0.1-Drucksache-2610-2026.docx"


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    return small_plan(tmp_path / "plan")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} steht nicht in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def _previous_dist(root: Path) -> dict[str, tuple[bytes, int]]:
    dist = root / "dist"
    dist.mkdir()
    (dist / PDF_NAME).write_bytes(b"%PDF-1.7 fruehere Fassung")
    (dist / DOCX_NAME).write_bytes(b"PK fruehere Fassung")
    (dist / "andere-ausgabe.csv").write_text("bleibt\n", encoding="utf-8")
    return _snapshot(dist)


def test_build_writes_both_documents_with_german_names(plan_dir: Path) -> None:
    outputs = build(plan_dir, {"pdf", "docx"})
    assert sorted(p.name for p in (plan_dir / "dist").iterdir()) == [DOCX_NAME, PDF_NAME, "einzeln"]
    assert outputs["pdf"].startswith(b"%PDF-") and outputs["docx"].startswith(b"PK")
    stem = PDF_NAME.removesuffix(".pdf")
    parts = [f"{stem}-Anlage-1.pdf", f"{stem}-Anlage-2.pdf", f"{stem}-ohne-Anlagen.pdf"]
    assert sorted(p.name for p in (plan_dir / "dist" / "einzeln").iterdir()) == parts
    assert (plan_dir / WORK / "drucksache.typ").is_file()


def test_lip_build_pdf_on_the_command_line(plan_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["--plan", str(plan_dir), "build", "--pdf", "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (plan_dir / "dist").iterdir()) == [PDF_NAME, "einzeln"]


def test_failing_typst_step_names_the_intermediate_file_and_keeps_dist(plan_dir: Path) -> None:
    before = _previous_dist(plan_dir)
    template = plan_dir / "templates" / "typst"
    template.mkdir(parents=True)
    (template / "drucksache.typ").write_text("#let dokument(daten: none, body) = {\n  kaputt(\n}\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build(plan_dir, {"pdf", "docx"})
    message = str(caught.value)
    assert message.startswith("Typst konnte das PDF nicht erstellen")
    assert f"Zwischendatei: {plan_dir / WORK / 'drucksache.typ'}" in message
    assert (plan_dir / WORK / "drucksache.typ").is_file()
    assert _snapshot(plan_dir / "dist") == before


def test_failing_pandoc_step_keeps_dist_and_writes_no_pdf_either(plan_dir: Path) -> None:
    before = _previous_dist(plan_dir)
    reference = plan_dir / "templates" / "docx"
    reference.mkdir(parents=True)
    (reference / "reference.docx").write_bytes(write_zip({"word/styles.xml": b"<kaputt"}))
    with pytest.raises(BuildError) as caught:
        build(plan_dir, {"pdf", "docx"})
    assert str(caught.value).startswith("pandoc ist bei der Umwandlung in DOCX gescheitert")
    assert "Zwischendatei:" in str(caught.value)
    assert _snapshot(plan_dir / "dist") == before


def test_damaged_word_template_is_reported(plan_dir: Path) -> None:
    reference = plan_dir / "templates" / "docx"
    reference.mkdir(parents=True)
    (reference / "reference.docx").write_bytes(b"kein ZIP")
    with pytest.raises(BuildError) as caught:
        build(plan_dir, {"docx"})
    assert "Die Word-Vorlage" in str(caught.value) and "reference_docx" in str(caught.value)


def test_pandoc_failure_is_reported_in_german_with_its_message(plan_dir: Path) -> None:
    from lip_build.outputs.drucksache import pandoc

    with pytest.raises(BuildError) as caught:
        pandoc.run(["--from", "gibtesnicht"], b"", "dem Test", plan_dir / "x.md")
    message = str(caught.value)
    assert message.startswith("pandoc ist bei dem Test gescheitert (Exit-Code")
    assert "gibtesnicht" in message and f"Zwischendatei: {plan_dir / 'x.md'}" in message


def test_a_character_the_fonts_cannot_show_is_found_by_validate(plan_dir: Path) -> None:
    """LIP410 before any build: a green check means the PDF builds."""
    measure = plan_dir / "handlungsfelder" / "bildung" / "massnahmen" / "BIL-M02.md"
    _replace(measure, "Kinder lernen gemeinsam.", "Kinder lernen gemeinsam 中文.")
    found = [(d.path, d.line, d.code) for d in load_plan(plan_dir).diagnostics.items if d.code == "LIP410"]
    line = measure.read_text(encoding="utf-8").split("\n").index("Kinder lernen gemeinsam 中文.") + 1
    path = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
    assert found == [(path, line, "LIP410"), (path, line, "LIP410")]


def test_typst_errors_reach_the_user_in_german_with_the_original_as_detail(plan_dir: Path) -> None:
    """Should a character still reach Typst (a plan not validated), the build says so in German and names the file."""
    plan = load(plan_dir)
    measure = plan.massnahmen[0]
    changed = dataclasses.replace(
        plan,
        massnahmen=tuple(
            dataclasses.replace(m, titel=m.titel + " 中文") if m is measure else m for m in plan.massnahmen
        ),
    )
    with pytest.raises(BuildError) as caught:
        build(plan_dir, {"pdf"}, plan=changed)
    message = str(caught.value)
    assert message.startswith("Typst konnte das PDF nicht erstellen. Ein Zeichen gibt es in keiner Schrift")
    assert "Das Zeichen „中“ (U+4E2D)" in message
    assert "\nMeldung von Typst (englisch): " in message and "could not be displayed" in message


def test_raw_code_in_front_matter_texts_is_shown_as_text(plan_dir: Path) -> None:
    """Front-matter texts are not checked by LIP403; pandoc's reader keeps them plain text anyway."""
    drucksache = plan_dir / "content" / "drucksache.md"
    _replace(
        drucksache,
        "gender_aspekte: Der Plan berücksichtigt die Belange aller Geschlechter.",
        'gender_aspekte: \'Vor <b>fett</b> `#read("/etc/passwd")`{=typst} und $x^2$ und #panic("x") nach\'',
    )
    text = flat(" ".join(pages(build(plan_dir, {"pdf"})["pdf"])))
    assert 'Vor <b>fett</b> #read("/etc/passwd"){=typst} und $x^2$ und #panic(„x“) nach' in text


def test_images_outside_the_repository_stop_the_build(plan_dir: Path, tmp_path: Path) -> None:
    """The validator reports such paths (LIP405); the build checks them again before reading any file."""
    secret = tmp_path / "geheim.png"
    secret.write_bytes((plan_dir / "handlungsfelder/bildung/bilder/sprachcafe.png").read_bytes())
    link = plan_dir / "handlungsfelder" / "bildung" / "bilder" / "verweis.png"
    os.symlink(secret, link)
    plan = load(plan_dir)
    measure = plan.massnahme("BIL-M01")
    for target in ("../../../../geheim.png", "../bilder/verweis.png", "/etc/hostname", "https://example.org/x.png"):
        text = parse(measure.text.source.replace("../bilder/sprachcafe.png", target), measure.text.first_line)
        changed = dataclasses.replace(
            plan, massnahmen=tuple(dataclasses.replace(m, text=text) if m is measure else m for m in plan.massnahmen)
        )
        with pytest.raises(BuildError) as caught:
            build(plan_dir, {"pdf", "docx"}, changed)
        assert str(caught.value).startswith("handlungsfelder/bildung/massnahmen/BIL-M01.md: Das Bild"), target
    assert not (plan_dir / "dist").exists()


def test_images_keep_their_alternative_text(plan_dir: Path) -> None:
    build(plan_dir, {"pdf"})
    typst_source = (plan_dir / WORK / "drucksache.typ").read_text(encoding="utf-8")
    assert '#lip-bild("/handlungsfelder/bildung/bilder/sprachcafe.png", "Foto eines Sprachcafés")' in typst_source


def test_heading_ids_in_texts_cannot_hijack_links(plan_dir: Path) -> None:
    chapter = plan_dir / "content" / "kapitel" / "01-haltung.md"
    _replace(chapter, "## Grundsätze", "## Grundsätze {#BIL-M02}\n\nSiehe [weiter unten](#gibt-es-nicht).")
    text = flat(" ".join(pages(build(plan_dir, {"pdf", "docx"})["pdf"])))
    assert "Grundsätze" in text and "Siehe weiter unten." in text
    typst_source = (plan_dir / WORK / "drucksache.typ").read_text(encoding="utf-8")
    assert re.findall(r"^<BIL-M02>$", typst_source, re.MULTILINE) == ["<BIL-M02>"]


def test_gender_star_and_german_quotes(plan_dir: Path) -> None:
    outputs = build(plan_dir, {"pdf", "docx"})
    text = flat(" ".join(pages(outputs["pdf"])))
    assert "Die Expert*innen sagen: „Vielfalt ist Alltag.“" in text
    assert "Die Expert*innen sagen: „Vielfalt ist Alltag.“" in docx_text(outputs["docx"])


def test_beratungsfolge_kenntnis_and_number_of_anlagen(plan_dir: Path) -> None:
    first = flat(pages(build(plan_dir, {"pdf"})["pdf"])[0])
    assert (
        "In den Ausschuss für Integration, Europa und Internationale Kooperation (Internationaler Ausschuss) "
        "An die Integrationsbeiräte (zur Kenntnis) In die Ratsversammlung"
    ) in first
    assert re.search(r"Anzahl der Anlagen Zu TOP 2610/2026 2\b", first)  # a plan without statements: no Anlage for them


def test_adopted_plan_has_no_draft_marking(plan_dir: Path) -> None:
    _replace(plan_dir / "content" / "plan.md", "status: entwurf", "status: beschlossen")
    outputs = build(plan_dir, {"pdf", "docx"})
    assert not any("ENTWURF" in text for text in pages(outputs["pdf"]))
    assert "ENTWURF" not in docx_text(outputs["docx"], "word/header1.xml")


def test_informationsdrucksache_asks_for_notice_not_for_a_decision(plan_dir: Path) -> None:
    drucksache = plan_dir / "content" / "drucksache.md"
    _replace(drucksache, "art: beschlussdrucksache", "art: informationsdrucksache")
    _replace(drucksache, "antrag: den beigefügten Testplan zu beschließen.\n", "")
    text = flat(" ".join(pages(build(plan_dir, {"pdf"})["pdf"])[:2]))
    assert "Informationsdrucksache" in text
    assert "Mit dieser Drucksache informiert die Verwaltung über Kleiner Testplan und bittet um Kenntnisnahme." in text
    assert "Antrag," not in text
    assert "Begründung Anlass" in text


def test_titles_with_markdown_characters_are_printed_literally(plan_dir: Path) -> None:
    measure = plan_dir / "handlungsfelder" / "bildung" / "massnahmen" / "BIL-M02.md"
    _replace(measure, "titel: Lernpatenschaften", 'titel: "Lern*paten* [1] <Kurs> #2 | _A_ & B: 50 %"')
    outputs = build(plan_dir, {"pdf", "docx"})
    title = "Lern*paten* [1] <Kurs> #2 | _A_ & B: 50 %"
    assert lenient(title).search(" ".join(pages(outputs["pdf"])))
    assert title in docx_text(outputs["docx"])


def test_unwritable_dist_is_a_german_build_error(plan_dir: Path) -> None:
    (plan_dir / "dist").write_text("eine Datei, kein Ordner", encoding="utf-8")
    with pytest.raises(BuildError, match=r"^Die Drucksache konnte nicht erstellt werden: "):
        build(plan_dir, {"pdf"})
