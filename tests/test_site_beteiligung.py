"""The record of participation on the built site (issue 13): the overview "Beteiligung" in the
navigation, a page per session and per statement, and on goal and measure pages the decision history
and the statement points that concern them, read back from the HTML."""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter

import pytest

from lip_build import schema as s
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pagetree import relative
from lip_build.view.plantext import label
from tests.browser.sitebuild import BuiltSite, built_site


@pytest.fixture(scope="module")
def built() -> BuiltSite:
    return built_site()


def page(built: BuiltSite, path: str) -> str:
    return htmllib.unescape((built.site / path / "index.html").read_text(encoding="utf-8"))


def section(text: str, heading: str) -> str:
    """The HTML from the h2 `heading` up to the next h2 (or the end of the article)."""
    start = re.search(rf"<h2 id=\"[^\"]*\">{re.escape(heading)}", text)
    assert start, heading
    rest = text[start.end() :]
    end = re.search(r"<h2 |</article>", rest)
    return rest[: end.start() if end else len(rest)]


def rows(table: str) -> list[str]:
    body = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body)


def test_every_session_and_statement_has_a_page_and_beteiligung_is_in_the_navigation(built: BuiltSite) -> None:
    plan = built.plan
    assert len(plan.sitzungen) >= 3 and len(plan.stellungnahmen) >= 2
    for item in (*plan.sitzungen, *plan.stellungnahmen):
        text = page(built, mk.path_of(item))
        assert f"<h1>{item.titel}</h1>" in text, item.id
        assert plan.gremium(item.gremium).name in text
    start = page(built, mk.START)
    assert re.search(r'<a href="beteiligung/" class="md-tabs__link">\s*Beteiligung\s*</a>', start)
    overview = page(built, mk.BETEILIGUNG)
    nav = overview.split('<nav class="md-nav md-nav--primary', 1)[1].split("md-nav--secondary", 1)[0]
    for item in (*plan.sitzungen, *plan.stellungnahmen):  # the oldest session too (not taken as an index)
        assert f'href="{relative(mk.BETEILIGUNG, mk.path_of(item))}"' in nav, item.id


def test_measure_page_lists_its_decision_history_with_sessions_and_reasons(built: BuiltSite) -> None:
    plan = built.plan
    m = next(
        m
        for m in plan.massnahmen
        if len(plan.beschluesse_zu(m.id)) >= 2
        and any(b.aenderung or b.begruendung for _, b in plan.beschluesse_zu(m.id))
    )
    path = mk.path_of(m)
    history = section(page(built, path), "Entscheidungen der Gremien")
    found = rows(history)
    assert len(found) == len(plan.beschluesse_zu(m.id))
    for row, (sitzung, beschluss) in zip(found, plan.beschluesse_zu(m.id), strict=True):
        assert f'<th scope="row"><time datetime="{sitzung.datum.isoformat()}">{sitzung.datum:%d.%m.%Y}</time>' in row
        assert f'href="{relative(path, mk.path_of(sitzung))}">{sitzung.titel}</a>' in row
        assert f">{s.BESCHLUSS_ART.label(beschluss.entscheidung)}</span>" in row
        for note in (beschluss.aenderung, beschluss.begruendung):
            assert not note or note in row
        if not beschluss.aenderung and not beschluss.begruendung:
            assert row.endswith("–</td>")


def test_measure_page_lists_the_statement_points_about_it_and_what_became_of_them(built: BuiltSite) -> None:
    plan = built.plan
    m = next(m for m in plan.massnahmen if any(p.antwort == "nicht" for _, _, p in plan.punkte_zu(m.id)))
    path = mk.path_of(m)
    points = section(page(built, path), "Aus den Stellungnahmen")
    found = rows(points)
    assert len(found) == len(plan.punkte_zu(m.id))
    for row, (st, nr, punkt) in zip(found, plan.punkte_zu(m.id), strict=True):
        gremium = plan.gremium(st.gremium)
        assert f'href="{relative(path, mk.path_of(st))}">{gremium.kurzname or gremium.name}, Punkt {nr}</a>' in row
        assert punkt.anliegen in row
        assert f">{s.ANTWORT.label(punkt.antwort)}</span>" in row
        assert punkt.begruendung and punkt.begruendung in row


def test_goal_page_shows_points_about_the_goal_and_pages_without_any_show_no_section(built: BuiltSite) -> None:
    plan = built.plan
    ziel = next(z for z in plan.ziele if plan.punkte_zu(z.id))
    points = section(page(built, mk.path_of(ziel)), "Aus den Stellungnahmen")
    assert len(rows(points)) == len(plan.punkte_zu(ziel.id))
    quiet = next(m for m in plan.massnahmen if not plan.punkte_zu(m.id) and not plan.beschluesse_zu(m.id))
    text = page(built, mk.path_of(quiet))
    assert "Entscheidungen der Gremien" not in text and "Aus den Stellungnahmen" not in text


def test_statement_page_lists_every_point_with_the_items_it_concerns_and_its_response(built: BuiltSite) -> None:
    plan = built.plan
    for st in plan.stellungnahmen:
        path = mk.path_of(st)
        found = rows(section(page(built, path), "Die Punkte und was daraus wurde"))
        assert len(found) == len(st.punkte) >= 8
        for nr, (row, punkt) in enumerate(zip(found, st.punkte, strict=True), start=1):
            assert row.startswith(f'<th scope="row">{nr}</th>')
            assert punkt.anliegen in row and f">{s.ANTWORT.label(punkt.antwort)}</span>" in row
            assert not punkt.begruendung or punkt.begruendung in row
            links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', row)
            assert links == [
                (relative(path, mk.path_of(plan.element(i))), label(plan, plan.element(i))) for i in punkt.betrifft
            ]


def test_session_page_shows_agenda_and_links_every_decision(built: BuiltSite) -> None:
    plan = built.plan
    sitzung = next(x for x in plan.sitzungen if any(b.entscheidung == "geaendert" for b in x.beschluesse))
    path = mk.path_of(sitzung)
    text = page(built, path)
    agenda = text.split('<ol class="lip-agenda">', 1)[1].split("</ol>", 1)[0]
    assert re.findall(r"<li>(.*?)</li>", agenda) == list(sitzung.tagesordnung)
    found = rows(section(text, "Beschlüsse"))
    assert len(found) == len(sitzung.beschluesse)
    for row, b in zip(found, sitzung.beschluesse, strict=True):
        item = plan.element(b.element)
        assert row.startswith(f'<th scope="row"><a href="{relative(path, mk.path_of(item))}">{label(plan, item)}</a>')
        assert f">{s.BESCHLUSS_ART.label(b.entscheidung)}</span>" in row
        assert not b.aenderung or f"Änderung:</strong> {b.aenderung}" in row


def test_overview_counts_proposals_by_gremium_and_responses_by_statement(built: BuiltSite) -> None:
    plan = built.plan
    text = page(built, mk.BETEILIGUNG)
    proposals = rows(section(text, "Wer was vorgeschlagen hat"))
    herkunft = Counter(m.herkunft for m in plan.massnahmen)
    ziele = Counter(z.herkunft for z in plan.ziele if z.herkunft)
    shown = [g for g in plan.gremien if herkunft[g.id] or ziele[g.id]]
    assert len(proposals) == len(shown) >= 2
    for row, g in zip(proposals, shown, strict=True):
        cells = re.findall(r'class="lip-num">(\d+)</td>', row)
        assert g.name in row and cells == [str(ziele[g.id]), str(herkunft[g.id])]
        states = Counter(m.entscheidung.status for m in plan.massnahmen if m.herkunft == g.id)
        listed = re.findall(r"<li>(\d+) ([^<]+)</li>", row)
        expected = [(str(states[e]), s.ENTSCHEIDUNG_STATUS.label(e)) for e in s.ENTSCHEIDUNG_STATUS.values if states[e]]
        assert listed == expected
    statements = rows(section(text, "Stellungnahmen"))
    assert len(statements) == len(plan.stellungnahmen)
    for row, st in zip(statements, plan.stellungnahmen, strict=True):
        antworten = Counter(p.antwort for p in st.punkte)
        cells = re.findall(r'class="lip-num">(\d+)</td>', row)
        assert cells == [str(len(st.punkte)), *(str(antworten[a]) for a in s.ANTWORT.values)]
    sessions = rows(section(text, "Sitzungen"))
    assert [re.search(r'datetime="([\d-]+)"', r).group(1) for r in sessions] == [  # type: ignore[union-attr]
        x.datum.isoformat() for x in plan.sitzungen
    ]
    total = sum(1 for st in plan.stellungnahmen for p in st.punkte if p.antwort != "nicht")
    all_points = sum(len(st.punkte) for st in plan.stellungnahmen)
    assert f'<span class="lip-figures__value">{total}</span>' in text
    assert f"von {all_points} Punkten aus {len(plan.stellungnahmen)} Stellungnahmen" in text


def test_gremium_page_lists_its_sessions_and_statements(built: BuiltSite) -> None:
    plan = built.plan
    g = plan.gremium("lenkungsgruppe")
    text = page(built, mk.path_of(g))
    own = [x for x in plan.sitzungen if x.gremium == g.id]
    links = re.findall(r'<li><a href="[^"]*beteiligung/sitzungen/([^/]+)/">', section(text, "Sitzungen"))
    assert links == [x.id for x in own] and len(own) >= 3
    st = plan.stellungnahmen[0]
    text = page(built, mk.path_of(plan.gremium(st.gremium)))
    assert st.titel in section(text, "Stellungnahmen")
    assert '<a href="../beteiligung/">Beteiligung</a>' in page(built, mk.PROZESS)  # the process page points there
