"""The Synopse PDF (`lip diff A B --format pdf`) on real Git repositories in a temporary folder.

Two versions of the shipped plan: v2.0 as shipped, v2.1 with a changed measure (costs, period,
target groups, text), a changed goal, a changed chapter, a renamed file, a new and a removed
measure. The PDF is read back with pypdf like a reader and an archive would read it.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from lip_build.cli import cli
from lip_build.errors import BuildError
from lip_build.history.textdiff import compare_text, paragraphs
from lip_build.history.versions import synopse
from lip_build.outputs.synopse.pdf_data import Daten, daten
from lip_build.outputs.synopse.pdf_labels import field_label
from lip_build.outputs.synopse.pdf_text import Teil, seite
from lip_build.outputs.synopse.render_pdf import render_pdf, write_pdf

from .conftest import REPO, copy_plan
from .documents.pdfua import assert_clean, empty_headings, pdfua

MINI = REPO / "tests" / "plaene" / "mini"
BIL_M03 = "handlungsfelder/bildung/massnahmen/BIL-M03.md"
BIL_Z02 = "handlungsfelder/bildung/ziele/BIL-Z02.md"
KAPITEL = "content/kapitel/04-rahmenbedingungen.md"
NEWER = "2026-11-20T10:00:00+01:00"
INJECTION = 'Expert*innen prüfen #read("/etc/passwd") ] $x^2$ *fett* _kursiv_ <ziel> @ref #set page(fill: red) \\ "q"'


def _git(root: Path, *args: str, stamp: str | None = None) -> str:
    env = {**os.environ, **({"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp} if stamp else {})}
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=env).stdout


def _commit(root: Path, message: str, stamp: str, tag: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message, stamp=stamp)
    _git(root, "tag", tag)


def _edit(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} fehlt in {path}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def git_isolated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Git without the machine's configuration, with a fixed identity."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        patch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path_factory.getbasetemp()))
        for who in ("AUTHOR", "COMMITTER"):
            patch.setenv(f"GIT_{who}_NAME", "Redaktion LIP")
            patch.setenv(f"GIT_{who}_EMAIL", "redaktion@example.org")
        yield


@pytest.fixture(scope="module")
def plan_repo(tmp_path_factory: pytest.TempPathFactory, git_isolated: None) -> Path:
    """The shipped plan as v2.0 and a revised v2.1, committed in a fresh repository."""
    root = copy_plan(REPO, tmp_path_factory.mktemp("synopse") / "plan")
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "LIP 2.0", "2026-09-29T10:00:00+02:00", "v2.0")
    _edit(root, BIL_M03, "betrag: 120000", "betrag: 150000")
    _edit(root, BIL_M03, "  ende: 2025", "  ende: 2026")
    _edit(root, BIL_M03, "  - jugendliche\n", "  - eltern\n")
    _edit(root, BIL_M03, "in elf Unterkünften", "in vierzehn Unterkünften")
    _edit(root, BIL_Z02, "zielwert: 9\n", "zielwert: 7\n")
    _edit(root, KAPITEL, "überprüfbaren Daten", "jährlich überprüften Daten")
    massnahmen = root / "handlungsfelder/bildung/massnahmen"
    (massnahmen / "BIL-M05.md").rename(massnahmen / "BIL-M05-elternbegleitung.md")
    neu = (massnahmen / "BIL-M01.md").read_text(encoding="utf-8").replace("id: BIL-M01", "id: BIL-M12")
    (massnahmen / "BIL-M12.md").write_text(re.sub(r"(?m)^titel: .*$", "titel: Elternabende", neu, count=1))
    (root / "handlungsfelder/wirtschaft/massnahmen/WIR-M08.md").unlink()
    _commit(root, "LIP 2.1", NEWER, "v2.1")
    return root


@pytest.fixture(scope="module")
def pdf(plan_repo: Path) -> bytes:
    target = plan_repo.parent / "synopse.pdf"
    result = CliRunner().invoke(
        cli, ["--plan", str(plan_repo), "diff", "v2.0", "v2.1", "--format", "pdf", "--ausgabe", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target.read_bytes()


@pytest.fixture(scope="module")
def data(plan_repo: Path) -> Daten:
    return daten(synopse(plan_repo, "v2.0", "v2.1"))


@pytest.fixture(scope="module")
def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace as single spaces, words hyphenated at a line end joined."""
    text = re.sub(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])", "", text)
    return " ".join(text.replace("\u00a0", " ").split())


def _rows(data: Daten, heading: str) -> list[tuple[str, list[Teil], list[Teil]]]:
    """(label, left pieces, right pieces) of each row of the item whose heading starts with `heading`."""
    item = next(e for g in data.gruppen for e in g.eintraege if e.ueberschrift.startswith(heading))
    return [
        (z.label, [t for b in z.bisher for t in b.teile], [t for b in z.neu for t in b.teile])
        for z in item.zeilen
        if z.art == "paar"
    ]


# --- what the committee reads --------------------------------------------------------------


def test_pdf_shows_title_versions_counts_and_both_columns(texts: list[str]) -> None:
    first = flat(texts[0])
    assert "Synopse zum Lokalen Integrationsplan" in first
    assert re.search(r"Bisherige Fassung: v2\.0 \(Commit [0-9a-f]{7} vom 29\.09\.2026\)", first)
    assert re.search(r"Neue Fassung: v2\.1 \(Commit [0-9a-f]{7} vom 20\.11\.2026\)", first)
    assert re.search(r"Neu Geändert Verschoben Entfernt 1 3 1 1", first), first
    for number, text in enumerate(texts[1:], start=2):
        page = flat(text)
        assert page.startswith("Synopse"), number
        assert "Bisherige Fassung Neue Fassung" in page, number  # the table header repeats on every page


def test_changed_measure_shows_old_and_new_costs_period_names_and_words(texts: list[str]) -> None:
    alltext = flat(" ".join(texts))
    assert "Maßnahme BIL-M03 „Digitale Lernbegleitung für Schulkinder in Gemeinschaftsunterkünften“" in alltext
    for shown in ("Kostenposten 1: Betrag", "120.000 €", "150.000 €", "Zeitraum: Ende", "Zielgruppen"):
        assert shown in alltext, shown
    assert "Jugendliche" in alltext and "Eltern und Familien" in alltext  # names, not the IDs of the target groups
    assert "in elf Unterkünften" in alltext and "in vierzehn Unterkünften" in alltext


def test_changed_words_are_marked_in_their_column(data: Daten) -> None:
    rows = {label: (left, right) for label, left, right in _rows(data, "Maßnahme BIL-M03")}
    left, right = rows["Kostenposten 1: Betrag"]
    assert Teil("e", "120.000") in left and Teil("n", "150.000") in right
    assert all(t.a != "n" for t in left) and all(t.a != "e" for t in right)
    left, right = rows["Zielgruppen"]
    assert Teil("e", "Jugendliche und junge Erwachsene") in left and Teil("n", "Eltern und Familien") in right
    assert Teil("g", "Kinder") in left and Teil("g", "Kinder") in right
    text_left, text_right = next(
        (left, right) for label, left, right in _rows(data, "Maßnahme BIL-M03") if Teil("e", "elf") in left
    )
    assert Teil("e", "elf") in text_left and Teil("n", "vierzehn") in text_right
    unchanged = [t.t for _, left, _ in _rows(data, "Maßnahme BIL-M03") for t in left if t.a == "g"]
    assert any("Die Expert*innengruppe schlug" in text for text in unchanged)  # the gender star stays literal


def test_new_removed_and_moved_items_are_shown_as_such(texts: list[str], data: Daten) -> None:
    alltext = flat(" ".join(texts))
    assert "Maßnahme BIL-M12 „Elternabende“ NEU" in alltext and "– neu aufgenommen –" in alltext
    assert "Maßnahme WIR-M08" in alltext and "– entfällt –" in alltext
    moved = "BIL-M05.md → handlungsfelder/bildung/massnahmen/BIL-M05-elternbegleitung.md"
    assert moved in re.sub(r"/ ", "/", alltext)  # a path may break after a slash
    statuses = {z.bezeichnung: z.status for z in data.uebersicht}
    assert statuses == {
        "Ziel BIL-Z02": "geändert",
        "Maßnahme BIL-M03": "geändert",
        "Maßnahme BIL-M05": "verschoben",
        "Maßnahme BIL-M12": "neu",
        "Maßnahme WIR-M08": "entfernt",
        "Kapitel 04-rahmenbedingungen": "geändert",
    }
    new_fields = _rows(data, "Maßnahme BIL-M12")[0][2]
    assert "Prüfvermerk" not in str(new_fields)  # bookkeeping is no content of the plan


def test_long_texts_show_changed_paragraphs_and_count_the_others(texts: list[str]) -> None:
    alltext = flat(" ".join(texts))
    assert "Kapitel 04-rahmenbedingungen „Rahmenbedingungen der Umsetzung“" in alltext
    assert "unveränderte Absätze" in alltext
    assert "jährlich überprüften Daten" in alltext
    assert "Sachgebiet Statistik bereitet die Daten auf" in alltext  # the changed paragraph itself is whole


def test_overview_page_numbers_point_at_the_items(texts: list[str]) -> None:
    overview = flat(texts[0])
    for name in ("Maßnahme BIL-M03", "Maßnahme WIR-M08"):
        found = re.search(re.escape(name) + r" .+? (?:geändert|entfernt) (\d+)", overview)
        assert found, overview
        page = int(found.group(1))
        assert name in flat(texts[page - 1]), (name, page)


# --- the file: pages, standards, reproducibility -------------------------------------------


def test_page_count_equals_y_of_seite_x_von_y_on_every_page(texts: list[str]) -> None:
    assert len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        assert re.findall(r"Seite (\d+) von (\d+)", flat(text)) == [(str(number), str(len(texts)))]


def test_pdf_declares_pdf_a_2_and_pdf_ua_1_and_is_tagged_in_german(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", xmp)
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp)
    assert "/StructTreeRoot" in catalog and bool(catalog["/MarkInfo"]["/Marked"])
    assert str(catalog["/Lang"]).startswith("de")
    assert reader.metadata is not None
    assert reader.metadata.title == "Synopse zum Lokalen Integrationsplan: v2.0 → v2.1"
    assert reader.metadata.creation_date == dt.datetime.fromisoformat(NEWER)


def test_independent_pdfua_check_finds_no_error_in_the_synopse(pdf: bytes, plan_repo: Path) -> None:
    """The PyPI checker pdfua, not only Typst's declaration (tests/documents/pdfua.py)."""
    target = plan_repo.parent / "synopse-pdfua.pdf"
    target.write_bytes(pdf)
    assert_clean(pdfua(target))
    count, empty = empty_headings(target)  # UA-14-001, which crashes inside pdfua 0.1.3
    assert count > 0 and empty == []


def test_second_build_in_another_folder_is_byte_identical(pdf: bytes, plan_repo: Path) -> None:
    other = plan_repo.parent / "kopie"
    shutil.copytree(plan_repo, other)
    assert render_pdf(other, synopse(other, "v2.0", "v2.1")) == pdf


# --- untrusted content ---------------------------------------------------------------------


def _mini_repo(root: Path, before_commit: Callable[[Path], None] | None = None) -> Path:
    shutil.copytree(MINI, root)
    if before_commit:
        before_commit(root)
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "Erste Fassung", "2026-01-15T10:00:00+01:00", "v1")
    return root


def test_no_text_can_inject_typst_code(tmp_path: Path, git_isolated: None) -> None:
    """Markup in unchanged, removed and added words, in headings, field values and a new item."""
    m01 = "handlungsfelder/bildung/massnahmen/BIL-M01.md"
    removed = "Entfällt: $a$ #b <c> @d *e* _f_ ] // g"

    def first(root: Path) -> None:
        _edit(root, m01, "Orte zum Sprechen.", f"Orte zum Sprechen. {INJECTION}")  # unchanged in v2
        _edit(root, m01, "lädt wöchentlich ein.", f"lädt wöchentlich ein. {removed}")
        _edit(root, m01, "titel: Sprachcafés für Eltern", "titel: 'Café ]#x $'")

    root = _mini_repo(tmp_path / "plan", first)
    _edit(root, m01, f"lädt wöchentlich ein. {removed}", f"lädt ein. {INJECTION}")
    _edit(
        root,
        m01,
        "finanzierung: Haushalt der Landeshauptstadt Hannover",
        'finanzierung: "<a> @b _c_ #read(x) Haushalt"',
    )
    new = (root / m01).read_text(encoding="utf-8").replace("id: BIL-M01", "id: BIL-M09")
    (root / m01).with_name("BIL-M09.md").write_text(new, encoding="utf-8")
    _commit(root, "Sonderzeichen", "2026-02-15T10:00:00+01:00", "v2")

    result = synopse(root, "v1", "v2")
    kinds = {
        t.a
        for g in daten(result).gruppen
        for e in g.eintraege
        for z in e.zeilen
        for b in (*z.bisher, *z.neu)
        for t in b.teile
        if "#" in t.t
    }
    assert kinds == {"g", "e", "n"}  # markup in every kind of piece
    alltext = flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(render_pdf(root, result))).pages))
    assert alltext.count(flat(INJECTION)) >= 4  # unchanged in BIL-M01 (both columns), added, and in BIL-M09
    assert flat(removed) in alltext
    assert alltext.count("Maßnahme BIL-M01 „Café ]#x $“") == 1 and "Maßnahme BIL-M09 „Café ]#x $“" in alltext
    assert alltext.count("<a> @b _c_ #read(x) Haushalt") == 2  # changed value, and in the new measure
    assert "root:" not in alltext  # /etc/passwd was not read


def test_two_equal_versions_give_a_one_page_pdf_that_says_so(tmp_path: Path, git_isolated: None) -> None:
    root = _mini_repo(tmp_path / "plan")
    pages = PdfReader(io.BytesIO(render_pdf(root, synopse(root, "v1", "v1")))).pages
    text = flat(pages[0].extract_text() or "")
    assert len(pages) == 1 and "Seite 1 von 1" in text
    assert "keine Unterschiede im Plan" in text and re.search(r"Alle \d+ Elemente sind unverändert", text)
    assert not (root / ".lip-drucksache").exists()  # intermediate files are removed after a successful build


# --- the command -----------------------------------------------------------------------------


def test_pdf_needs_an_output_file(plan_repo: Path) -> None:
    for extra in ([], ["--ausgabe", "-"]):
        result = CliRunner().invoke(cli, ["--plan", str(plan_repo), "diff", "v2.0", "--format", "pdf", *extra])
        assert result.exit_code == 2, result.output
        assert "Das PDF wird in eine Datei geschrieben" in result.output and "--ausgabe" in result.output


def test_a_failing_build_leaves_the_previous_pdf_untouched(tmp_path: Path, git_isolated: None) -> None:
    root = _mini_repo(tmp_path / "plan")
    target = tmp_path / "synopse.pdf"
    write_pdf(root, synopse(root, "v1"), target)
    before = target.read_bytes()
    with pytest.raises(BuildError, match=r"Die Synopse konnte nicht nach .* geschrieben werden"):
        write_pdf(root, synopse(root, "v1"), root / "content")  # a folder is in the way
    vorlage = root / "templates/typst/synopse.typ"
    vorlage.parent.mkdir(parents=True)
    vorlage.write_text("#let synopse(daten) = { unbekannt() }\n", encoding="utf-8")  # the plan's own, broken template
    result = CliRunner().invoke(cli, ["--plan", str(root), "diff", "v1", "--format", "pdf", "--ausgabe", str(target)])
    assert result.exit_code == 1, result.output
    assert "Typst konnte das PDF nicht erstellen" in result.output and "unbekannt" in result.output
    assert target.read_bytes() == before


def test_german_labels_for_front_matter_keys() -> None:
    assert field_label("massnahme", "kosten[2].finanzierung") == "Kostenposten 2: Finanzierung"
    assert field_label("massnahme", "entscheidung.status") == "Entscheidungsstand"
    assert field_label("glossar", "begriffe[Quartier].erklaerung") == "Begriff „Quartier“: Erklärung"
    assert field_label("zeitleiste", "ereignisse[3].geplant") == "Ereignis 3: geplant"
    assert field_label("organisationseinheiten", "einheiten[50.60].name") == "Organisationseinheit 50.60: Name"
    assert field_label("massnahme", "unbekannt") == "unbekannt"  # no label: the key as written


def test_a_rewritten_paragraph_is_marked_as_a_whole_a_revised_one_word_by_word() -> None:
    revised = paragraphs(
        compare_text(
            "Die Stadt fördert Sprachcafés in drei Stadtteilen.", "Die Stadt fördert Sprachcafés in fünf Stadtteilen."
        ).stuecke
    )[0]
    assert [t for b in seite(revised, "neu") for t in b.teile] == [
        Teil("g", "Die Stadt fördert Sprachcafés in "),
        Teil("e", "drei"),
        Teil("g", " Stadtteilen."),
    ]
    rewritten = paragraphs(
        compare_text("Ein Plan für die Tests.", "Der Rat beschließt die Fortschreibung des Plans.").stuecke
    )[0]
    assert [t.a for b in seite(rewritten, "neu") for t in b.teile] == ["e"]
    assert [t for b in seite(rewritten, "entfernt") for t in b.teile] == [
        Teil("n", "Der Rat beschließt die Fortschreibung des Plans.")
    ]
