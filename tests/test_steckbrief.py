"""The Steckbrief (view/steckbrief.py): one list of facts per measure, goal and Handlungsfeld that the
site and the Drucksache both render, with the labels of schema.py."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lip_build import schema as s
from lip_build.model.plan import Entscheidung, Plan
from lip_build.outputs.drucksache.massnahme import fakten
from lip_build.outputs.drucksache.tables import Link as DocumentLink
from lip_build.outputs.site.catalogue import catalogue_page
from lip_build.outputs.site.pages_massnahme import fact_box, measure_page
from lip_build.outputs.site.pagetree import Html
from lip_build.pipeline import load_plan
from lip_build.view import steckbrief as sb

MINI = Path(__file__).resolve().parent / "plaene" / "mini"


@pytest.fixture(scope="module")
def mini() -> Plan:
    result = load_plan(MINI)
    assert result.plan is not None, result.diagnostics
    return result.plan


def _values(row: sb.Row) -> list[str]:
    return [sb.entry_text(e) for e in row.entries]


def test_measure_rows_labels_and_values(mini: Plan) -> None:
    brief = sb.massnahme(mini, mini.massnahme("BIL-M01"))
    assert [(r.label, _values(r)) for r in brief.rows] == [
        ("Kennung", ["BIL-M01"]),
        ("Handlungsfeld", [f"{mini.nummer('BIL')} {mini.handlungsfeld('BIL').name}"]),
        ("Ziele", [f"Ziel {mini.nummer(z)} {mini.ziel(z).titel}" for z in ("BIL-Z01", "SOZ-Z01")]),
        ("Federführung", ["Fachbereich Schule (40)"]),
        ("Partner*innen", ["Sachgebiet Integration (50.60)", "Migrant*innenselbstorganisationen"]),
        ("Zielgruppen", ["Eltern und Familien"]),
        ("Querschnittsthemen", ["Inklusion"]),
        ("Zeitraum", ["2024–2027"]),
        ("Kosten", ["25.000\u00a0€ jährlich (Haushalt der Landeshauptstadt Hannover)"]),
        ("Antragsberechtigt", ["ja – Vereine und Initiativen können die Durchführung beantragen"]),
        ("Vorgeschlagen von", ["Expert*innengruppe Bildung"]),
        ("Entscheidungsstand", ["vom Rat beschlossen (Ratsversammlung, am 29.09.2022, Drucks. Nr. 1830/2022)"]),
        ("Umsetzungsstand", ["in Umsetzung (Stand vom 30.06.2026)"]),
        ("Ansprechstelle", ["Sachgebiet Integration (50.60)"]),
    ]
    entscheidung = next(r for r in brief.rows if r.field == "entscheidung").entries[0].part
    assert entscheidung == sb.Status("entscheidung", "beschlossen")
    herkunft = next(r for r in brief.rows if r.field == "herkunft").entries[0].part
    assert herkunft == sb.Link("gremium", "eg-bildung", "Expert*innengruppe Bildung")


def test_rows_that_only_one_output_needs_are_flagged(mini: Plan) -> None:
    brief = sb.massnahme(mini, mini.massnahme("BIL-M01"))
    only_site = [r.field for r in brief.rows if r.site and not r.document]
    only_document = [r.field for r in brief.rows if r.document and not r.site]
    assert only_site == ["handlungsfeld"]  # the Drucksache shows the measure below its Handlungsfeld
    assert only_document == ["id", "ziele"]  # the site shows the ID above the title and lists the goals
    assert all(r.site or r.document for r in brief.rows)


def test_empty_optional_lists_have_no_row_and_no_costs_are_said(mini: Plan) -> None:
    m = next(m for m in mini.massnahmen if not m.kosten)
    brief = sb.massnahme(mini, m)
    kosten = next(r for r in brief.rows if r.field == "kosten")
    assert _values(kosten) == ["keine zusätzlichen Kosten"] and not kosten.lines
    if not m.partner:
        assert "partner" not in [r.field for r in brief.rows]


def _all_steckbriefe(plan: Plan) -> list[sb.Steckbrief]:
    return [
        *(sb.massnahme(plan, m) for m in plan.massnahmen),
        *(sb.ziel(plan, z) for z in plan.ziele),
        *(sb.handlungsfeld(plan, f) for f in plan.handlungsfelder),
    ]


def test_every_row_that_shows_a_field_has_the_fields_schema_label(mini: Plan, shipped_plan: Plan) -> None:
    seen = set()
    for plan in (mini, shipped_plan):
        for brief in _all_steckbriefe(plan):
            fields = dict(s.walk(s.SPECS[brief.spec]))
            for row in brief.rows:
                if row.field is not None:
                    assert row.label == fields[row.field].label, (brief.spec, row.field)
                    seen.add((brief.spec, row.field))
                else:  # a row without a field counts plan elements: its label is their plural
                    assert row.label in {k.plural for k in s.KINDS.values()}, row.label
    assert ("massnahme", "entscheidung") in seen and ("ziel", "herkunft") in seen
    assert ("handlungsfeld", "expertengruppe") in seen


def test_measure_rows_follow_the_order_of_the_schema(shipped_plan: Plan) -> None:
    order = [f.key for f in s.MASSNAHME.fields]
    for m in shipped_plan.massnahmen:
        keys = [r.field for r in sb.massnahme(shipped_plan, m).rows]
        assert keys == sorted(keys, key=lambda k: order.index(k or "")), m.id


def test_site_and_document_show_the_same_rows_with_the_same_wording(mini: Plan, shipped_plan: Plan) -> None:
    for plan in (mini, shipped_plan):
        for m in plan.massnahmen:
            brief = sb.massnahme(plan, m)
            document = fakten(plan, m)
            assert [label for label, _ in document] == [r.label for r in brief.document]
            html = fact_box(plan, m, "massnahmen/x/")
            shared = [r for r in brief.rows if r.site and r.document]
            positions = [html.index(f"<dt>{r.label}</dt>") for r in shared]
            assert positions == sorted(positions), m.id
            assert html.count("<dt>") == len(brief.site)
            for (label, lines), row in zip(document, brief.document, strict=True):
                texts = [line.text if isinstance(line, DocumentLink) else line for line in lines]
                if row.lines:
                    assert texts == _values(row), (m.id, label)
                else:
                    assert texts == [", ".join(_values(row))], (m.id, label)


def test_goal_and_handlungsfeld_facts(mini: Plan, shipped_plan: Plan) -> None:
    ziel = next(z for z in shipped_plan.ziele if z.herkunft)
    brief = sb.ziel(shipped_plan, ziel)
    assert [r.label for r in brief.site] == ["Vorgeschlagen von"]
    assert sb.row_text(brief.document[0]) == f"Kennung: {ziel.id}"
    feld = mini.handlungsfeld("BIL")
    texts = [sb.row_text(r) for r in sb.handlungsfeld(mini, feld).rows]
    gruppe = mini.gremium(feld.expertengruppe).name
    assert texts[2] == f"Expert*innengruppe: {gruppe}"
    assert texts[0].endswith(("Ziel", "Ziele")) and texts[1].endswith(("Maßnahme", "Maßnahmen"))


def test_fragments_escape_every_value_from_the_plan(mini: Plan) -> None:
    evil = '<script>alert("x")</script> & Co'
    m = dataclasses.replace(
        mini.massnahme("BIL-M01"), titel=evil, partner=(evil,), entscheidung=Entscheidung("abgelehnt", bemerkung=evil)
    )
    plan = dataclasses.replace(mini, massnahmen=tuple(m if x.id == m.id else x for x in mini.massnahmen))
    html = "".join(b.html for b in measure_page(plan, m).blocks if isinstance(b, Html))
    html += fact_box(plan, m, "massnahmen/x/") + catalogue_page(plan).blocks[0].html  # type: ignore[union-attr]
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") >= 4


def test_a_kept_fragment_is_rendered_again_when_its_links_lead_elsewhere(mini: Plan) -> None:
    """fragments.render keeps a fragment by its context; the plan behind `Links` is no key, so the links the
    fragment resolved are checked again (lip serve renders the page tree after every edit)."""
    from lip_build.outputs.site import fragments as fr

    class Moved(fr.Links):
        def __init__(self, plan: Plan, page: str, target: str) -> None:
            super().__init__(plan, page)
            self.target = target

        def _resolve(self, link: sb.Link) -> str:
            return self.target

    rows = (sb.Row("Ziel", (sb.Entry(sb.Link("ziel", "BIL-Z01", "Sprache fördern")),)),)
    first = fr.render("steckbrief.html", title="Steckbrief", rows=rows, href=Moved(mini, "a/", "../ziel-eins/"))
    again = fr.render("steckbrief.html", title="Steckbrief", rows=rows, href=Moved(mini, "a/", "../ziel-eins/"))
    moved = fr.render("steckbrief.html", title="Steckbrief", rows=rows, href=Moved(mini, "a/", "../ziel-zwei/"))
    assert again == first and 'href="../ziel-eins/"' in first
    assert 'href="../ziel-zwei/"' in moved and "ziel-eins" not in moved
    unkept = fr.render("steckbrief.html", title="Steckbrief", rows=list(rows), href=Moved(mini, "a/", "../z/"))
    assert 'href="../z/"' in unkept  # a list is no key: rendered, not kept


def test_a_kept_fragment_tells_lips_html_from_text_that_is_equal() -> None:
    """Markup("<b>") == "<b>", but the template escapes only the text: the kept fragment of one is not the other's."""
    from markupsafe import Markup

    from lip_build.outputs.site import fragments as fr

    goals = (("../ziel/", "Ziel 1.1"),)
    html = fr.render("goal_list.html", goals=goals, after=Markup("<b>Verlauf</b>"))
    text = fr.render("goal_list.html", goals=goals, after="<b>Verlauf</b>")
    assert "<b>Verlauf</b>" in html and "&lt;b&gt;Verlauf&lt;/b&gt;" in text
