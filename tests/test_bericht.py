"""The Sachstandsbericht (issue 12): the plan as of a Stichtag, and the Informationsdrucksache built from it.

The report of the shipped plan as of 30.06.2027 is built once (changes since 31.12.2026 from this
repository's own history, which holds the two reporting commits) and read back like a council member
reads it: the PDF's text per page, the DOCX's XML, and the independent PDF/UA checker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build import schema as s
from lip_build.cli import cli
from lip_build.history.transitions import since
from lip_build.model.plan import Plan, Verlaufseintrag
from lip_build.outputs.bericht import build_bericht
from lip_build.outputs.bericht.assemble import Auftrag, eroeffnung
from lip_build.outputs.progress import Progress
from lip_build.outputs.stats import collect
from lip_build.view.plantext import first_paragraph
from lip_build.view.stichtag import vorheriger_stand, zum_stichtag

from .conftest import REPO, copy_plan
from .documents.helpers import VERSION, docx_text, flat, lenient, pages
from .documents.pdfua import assert_clean, pdfua

STICHTAG = dt.date(2027, 6, 30)
FRUEHER = dt.date(2026, 12, 31)


# --- the plan as of a Stichtag ----------------------------------------------------------------


def test_entries_after_the_stichtag_are_not_used_and_named(shipped_plan: Plan) -> None:
    assert shipped_plan.massnahme("SOZ-M09").umsetzung.status == "umgesetzt"  # as of its newest entry
    stand = zum_stichtag(shipped_plan, FRUEHER)
    soz = stand.plan.massnahme("SOZ-M09")
    assert soz.umsetzung.status == "in_umsetzung" and soz.umsetzung.stand == FRUEHER
    assert [e.datum for e in soz.umsetzung.verlauf] == [FRUEHER]
    assert soz.umsetzung.bemerkung is None  # the remark belongs to the newest entry
    pfad = shipped_plan.massnahme("SOZ-M09").quelle.pfad
    assert (
        f"{pfad}: Hinweis: 1 Eintrag im Verlauf nach dem Stichtag 31.12.2026 (30.06.2027) nicht verwendet; "
        "verwendet wird der Eintrag vom 31.12.2026."
    ) in [h.as_text() for h in stand.hinweise]
    later = sum(1 for x in shipped_plan.massnahmen for e in x.umsetzung.verlauf if e.datum > FRUEHER)
    assert len(stand.hinweise) == later > 0  # one entry after the Stichtag per running measure
    assert zum_stichtag(shipped_plan, STICHTAG).hinweise == ()  # the newest report date: nothing left out
    assert zum_stichtag(shipped_plan, STICHTAG).plan.massnahmen == shipped_plan.massnahmen


def test_before_the_first_entry_a_measure_counts_as_not_begun(shipped_plan: Plan) -> None:
    stand = zum_stichtag(shipped_plan, dt.date(2026, 6, 30))
    m = stand.plan.massnahme("BIL-M01")
    assert (m.umsetzung.status, m.umsetzung.stand, m.umsetzung.verlauf) == ("nicht_begonnen", None, ())
    assert any("BIL-M01" in h.pfad and "gilt als nicht begonnen" in h.text for h in stand.hinweise)


def test_measured_values_up_to_the_year_of_the_stichtag(shipped_plan: Plan) -> None:
    ziel = next(z for z in shipped_plan.ziele if any(w.jahr == 2026 for k in z.kennzahlen for w in k.werte))
    alt = zum_stichtag(shipped_plan, dt.date(2025, 12, 31)).plan.ziel(ziel.id)
    assert all(w.jahr <= 2025 for k in alt.kennzahlen for w in k.werte)
    assert [k.name for k in alt.kennzahlen] == [k.name for k in ziel.kennzahlen]


def test_previous_report_date(shipped_plan: Plan) -> None:
    assert vorheriger_stand(shipped_plan, STICHTAG) == FRUEHER
    assert vorheriger_stand(shipped_plan, FRUEHER) is None


def test_a_measure_without_verlauf_keeps_its_status_with_a_note(shipped_plan: Plan) -> None:
    m = shipped_plan.massnahme("BIL-M01")
    bare = dataclasses.replace(m, umsetzung=dataclasses.replace(m.umsetzung, verlauf=()))
    plan = dataclasses.replace(shipped_plan, massnahmen=(bare,))
    stand = zum_stichtag(plan, FRUEHER)
    assert stand.plan.massnahmen[0].umsetzung.status == m.umsetzung.status
    assert "ohne Verlauf ist kein früherer Stand bekannt" in stand.hinweise[0].text


# --- the Informationsdrucksache of the shipped plan -------------------------------------------


@pytest.fixture(scope="module")
def auftrag(shipped_plan: Plan) -> Auftrag:
    return Auftrag("1234/2027", zum_stichtag(shipped_plan, STICHTAG), since(REPO, "31.12.2026"), STICHTAG)


@pytest.fixture(scope="module")
def bericht(auftrag: Auftrag, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = copy_plan(REPO, tmp_path_factory.mktemp("bericht") / "plan")
    return build_bericht(root, auftrag, VERSION, Progress(quiet=True), root / ".lip-drucksache" / "bericht")


@pytest.fixture(scope="module")
def texts(bericht: dict[str, bytes]) -> list[str]:
    return [flat(t) for t in pages(bericht["pdf"])]


def test_opens_with_the_sentence_of_an_informationsdrucksache(texts: list[str], shipped_plan: Plan) -> None:
    first = texts[0]
    assert first.index("Landeshauptstadt Hannover") < first.index("Informationsdrucksache")
    assert lenient(
        "Mit dieser Drucksache informiert die Verwaltung über den Stand der Umsetzung des Plans "
        "„Lokaler Integrationsplan 2.0“ zum 30.06.2027 und bittet um Kenntnisnahme."
    ).search(first)
    assert eroeffnung(shipped_plan, STICHTAG) in flat(" ".join(texts))
    for line in ("An den Verwaltungsausschuss (zur Kenntnis)", "An die Ratsversammlung (zur Kenntnis)"):
        assert lenient(line).search(first), line
    whole = " ".join(texts)
    assert "Antrag," not in whole and "Begründung des Antrages" not in whole  # it asks for nothing
    order = [whole.index(h) for h in ("Berücksichtigung von Gender-Aspekten", "Kostentabelle", "Begründung")]
    assert order == sorted(order)


def test_every_measure_with_its_id_and_status_as_of_the_stichtag(texts: list[str], auftrag: Auftrag) -> None:
    whole = " ".join(texts)
    for m in auftrag.stand.plan.massnahmen:
        label = s.UMSETZUNG_STATUS.label(m.umsetzung.status)
        assert lenient(f"{m.id} · Umsetzungsstand: {label}").search(whole), m.id


def test_every_measure_has_its_kurzfassung_from_its_section_umsetzung(texts: list[str], auftrag: Auftrag) -> None:
    whole = " ".join(texts)
    for m in auftrag.stand.plan.massnahmen:
        start, end = first_paragraph(m.text, below="Umsetzung")
        paragraph = m.text.source[start:end]
        assert m.text.source.index("## Umsetzung") < start, m.id  # below the heading, not the Ausgangslage
        words = " ".join(re.sub(r"\[\[[A-Z]{3}-[MZ]\d+\]\]", "", paragraph).split()[:8])
        assert lenient(f"{m.id} ").search(whole) and lenient(f"Kurzfassung {words}").search(whole), m.id


def test_counts_per_field_equal_lip_stats_at_the_stichtag(texts: list[str], auftrag: Auftrag) -> None:
    result = CliRunner().invoke(cli, ["--plan", str(REPO), "stats", "--stichtag", "30.06.2027", "--format", "json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["stichtag"] == "2027-06-30"
    assert stats == {**collect(auftrag.stand.plan), "stichtag": "2027-06-30", "quelle": stats["quelle"]}
    overview = next(t for t in texts if "Maßnahmen nach Umsetzungsstand zum 30.06.2027" in t)
    for feld in stats["handlungsfelder"]:
        numbers = [feld["massnahmen"], *feld["umsetzung"].values()]
        row = rf"{feld['nummer']} {feld['name']} " + " ".join(str(n) for n in numbers)
        assert re.search(rf"(?<!\d){row}(?!\d)", overview), (row, overview)
    total = stats["gesamt"]
    assert f"Summe {total['massnahmen']} " + " ".join(str(n) for n in total["umsetzung"].values()) in overview
    earlier = collect(zum_stichtag(auftrag.stand.plan, FRUEHER).plan)["gesamt"]["umsetzung"]
    assert earlier != total["umsetzung"]  # the Stichtag decides


def test_changes_since_the_previous_report_from_git(texts: list[str]) -> None:
    whole = re.sub(r"(?<=[a-zäöüß])- (?=[a-zäöüß])", "", " ".join(texts))  # words hyphenated at line ends
    assert "Änderungen des Umsetzungsstands seit dem 31.12.2026" in whole
    found = re.findall(r"([A-Z]{3}-M\d\d) [^:]+: (in Umsetzung) → ([^(]+?) \(Stand (\d\d\.\d\d\.\d{4})", whole)
    assert found == [
        ("SOZ-M09", "in Umsetzung", "umgesetzt", "30.06.2027"),
        ("STA-M06", "in Umsetzung", "in den Regelbetrieb übergegangen", "30.06.2027"),
        ("VER-M01", "in Umsetzung", "in den Regelbetrieb übergegangen", "30.06.2027"),
    ]


def test_every_page_says_seite_x_von_y(texts: list[str]) -> None:
    assert len(texts) > 5
    for number, text in enumerate(texts, start=1):
        assert re.findall(r"Seite (\d+) von (\d+)", text) == [(str(number), str(len(texts)))], number


def test_independent_pdfua_check(bericht: dict[str, bytes], tmp_path: Path) -> None:
    target = tmp_path / "bericht.pdf"
    target.write_bytes(bericht["pdf"])
    report = pdfua(target)
    assert report["summary"]["rules_run"] >= 11, report["summary"]
    assert_clean(report)
    data = bericht["pdf"]
    assert b"pdfaid:part" in data and b"pdfuaid:part" in data


def test_docx_has_the_same_report(bericht: dict[str, bytes], auftrag: Auftrag) -> None:
    text = docx_text(bericht["docx"])
    assert "Informationsdrucksache" in text and "und bittet um Kenntnisnahme." in text
    assert all(m.id in text for m in auftrag.stand.plan.massnahmen)
    assert "Expert*innengruppen" in text  # the gender star stays a star


def test_verlauf_entries_appear_as_of_the_stichtag(texts: list[str], shipped_plan: Plan) -> None:
    whole = " ".join(texts)
    m = shipped_plan.massnahme("BIL-M04")
    entry: Verlaufseintrag = m.umsetzung.verlauf[-1]
    assert lenient(entry.erledigt).search(whole)
    assert "Verlauf der Umsetzung von BIL-M04" in whole
