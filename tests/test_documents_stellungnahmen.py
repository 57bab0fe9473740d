"""The Anlage "Stellungnahmen und ihre Berücksichtigung" (issue 13), read back from the shipped plan's
PDF and DOCX: every point of every statement with the items it concerns, the response and its reason;
the Anlagen table of the head counts it; a plan without statements has no such Anlage."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from lip_build import schema as s
from lip_build.model.plan import Plan, Punkt
from lip_build.outputs.drucksache.anlage_stellungnahmen import TITEL

from .documents.helpers import docx_text, flat, lenient, pages

HEAD = re.compile(r"^(?:ENTWURF|Drucksache Nr\. .*|Nr\. Anliegen Betrifft Berücksichtigung Begründung)$")
FOOT = re.compile(r"^Version .* Seite \d+ von \d+$")


@pytest.fixture(scope="module")
def built(shipped_builds: list[dict[str, bytes]]) -> dict[str, bytes]:
    return shipped_builds[0]


def _art(plan: Plan, id: str) -> str:
    return "Maßnahme" if any(m.id == id for m in plan.massnahmen) else "Ziel"


def _anlage(texts: list[str]) -> str:
    """The text of the Anlage's pages without running heads, feet and repeated table headers."""
    start = next(i for i, t in enumerate(texts) if f"Anlage 3: {TITEL}\nZum Entwurf" in t)
    lines = [line.strip() for t in texts[start:] for line in t.splitlines()]
    return "\n".join(line for line in lines if not HEAD.match(line) and not FOOT.match(line))


def _row(plan: Plan, nr: int, punkt: Punkt) -> re.Pattern[str]:
    betrifft = [f"{id} ({_art(plan, id)} {plan.nummer(id)})" for id in punkt.betrifft]
    cells = [str(nr), punkt.anliegen, *betrifft, s.ANTWORT.label(punkt.antwort), punkt.begruendung or "–"]
    return lenient(" ".join(cells))


def test_anlage_lists_every_point_with_items_response_and_reason(shipped_plan: Plan, built: dict[str, bytes]) -> None:
    plan = shipped_plan
    text = _anlage(pages(built["pdf"]))
    assert len(plan.stellungnahmen) >= 2
    position = 0
    for st in plan.stellungnahmen:
        gremium = plan.gremium(st.gremium)
        heading = f"{gremium.name}, {st.datum:%d.%m.%Y}"
        found = text.find(heading, position)
        assert found >= 0, heading
        position = found
        antworten = [p.antwort for p in st.punkte]
        counts = ", ".join(f"{antworten.count(a)} {s.ANTWORT.label(a)}" for a in s.ANTWORT.values if antworten.count(a))
        assert f"{len(st.punkte)} Punkte: {counts}" in flat(text[position:])
        for nr, punkt in enumerate(st.punkte, start=1):
            match = _row(plan, nr, punkt).search(text, position)
            assert match, f"{st.id}, Punkt {nr} fehlt in der Anlage oder ist unvollständig"
            position = match.end()  # the points in their order, each statement after the one before


def test_head_counts_the_anlagen_it_lists_and_the_single_anlage_has_its_title(
    shipped_plan: Plan, built: dict[str, bytes]
) -> None:
    texts = [flat(t) for t in pages(built["pdf"])]
    liste = " ".join(texts[:4]).split("Hannover / ", 1)[1].split("Erstellt mit lip", 1)[0]
    anlagen = re.findall(r"Anlage (\d+): ", liste)
    assert anlagen == ["1", "2", "3"], liste
    count = re.search(r"Nr\. Anzahl der Anlagen Zu TOP \S+ (\d+)\b", texts[0])
    assert count and int(count.group(1)) == len(anlagen)
    part = pages(built["einzeln/LIP-2.0-Drucksache-2610-2026-Anlage-3.pdf"])
    assert flat(part[0]).startswith("ENTWURF Drucksache Nr. 2610/2026")
    assert f"Anlage 3: {TITEL}" in flat(part[0])
    assert all(f"Seite {n} von {len(part)}" in flat(t) for n, t in enumerate(part, 1))


def test_docx_has_the_anlage_in_the_landscape_section_after_the_overview(
    shipped_plan: Plan, built: dict[str, bytes]
) -> None:
    text = docx_text(built["docx"])
    start = text.index(f"Anlage 3: {TITEL}")
    assert text.index("Anlage 2: Maßnahmenübersicht") < start
    for st in shipped_plan.stellungnahmen:
        for punkt in st.punkte:
            assert " ".join(punkt.anliegen.split()) in text[start:]
    with zipfile.ZipFile(io.BytesIO(built["docx"])) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    sections = re.findall(r"<w:pgSz [^>]*/>", xml)
    # one portrait section up to Anlage 1's end, then one landscape section for Anlagen 2 and 3
    assert len(sections) == 2 and 'w:orient="landscape"' in sections[-1] and "orient" not in sections[0]
    assert xml.index("<w:pgSz ") < xml.rindex("Stellungnahmen und ihre Berücksichtigung")  # the heading, after the list
