"""The parts of the Drucksache pipeline on their own: formatting, Beratungsfolge, costs, tree checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
import typst
from pypdf import PdfReader

from lip_build import schema as s
from lip_build.errors import BuildError
from lip_build.load.markdown import parse
from lip_build.model.plan import Beratung, Plan, Zeitraum
from lip_build.outputs.drucksache import pandoc
from lip_build.outputs.drucksache.drucksache import beratungsfolge_zeile
from lip_build.outputs.drucksache.escape import anzahl, datum, euro, markdown_text, md, zahl, zeitraum
from lip_build.outputs.drucksache.kosten import GRUPPEN, kostentabelle, nach_entscheidung
from lip_build.outputs.drucksache.pandoc_tree import prepare
from lip_build.outputs.drucksache.paths import dateiname
from lip_build.outputs.drucksache.reference_docx import TARGET, generate
from lip_build.outputs.drucksache.tables import Bold, Link, Tabelle
from lip_build.outputs.drucksache.tables import typst as table_typst


def test_money_dates_and_numbers_are_german() -> None:
    assert euro(1250000) == "1.250.000\u00a0€"
    assert euro(0) == "0\u00a0€"
    assert euro(1234.5) == "1.234,50\u00a0€"
    assert datum(dt.date(2026, 11, 26)) == "26.11.2026"
    assert zahl(28.0) == "28" and zahl(2.5) == "2,5" and zahl(12000) == "12.000" and zahl(1234.25) == "1.234,25"
    assert zeitraum(Zeitraum(2023, 2028)) == "2023–2028"
    assert zeitraum(Zeitraum(2027)) == "ab 2027, laufend"
    assert zeitraum(Zeitraum(2026, 2026)) == "2026"
    assert anzahl(1, "Ziel", "Ziele") == "1 Ziel" and anzahl(6, "Ziel", "Ziele") == "6 Ziele"


def _pandoc_plain(markdown: str, tmp_path: Path) -> str:
    source = tmp_path / "t.md"
    source.write_text(markdown, encoding="utf-8")
    assert [block["t"] for block in pandoc.read_markdown(source)["blocks"]] == ["Para"]
    out = pandoc.run(["--from", pandoc.READER, "--to", "plain", str(source)], None, "dem Test", source)
    return " ".join(out.decode("utf-8").split())


@pytest.mark.parametrize(
    "text",
    [
        "Lern*paten* [1] <b>x</b> #2 | _A_ & B",
        "`code` $x$ @zitat ~sub~ ^sup^ {#id}",
        "1. Eins",
        "2) Zwei",
        "- Strich",
        "# Kein Titel",
        "> kein Zitat",
        "::: {.x}",
    ],
)
def test_plain_text_stays_literal_through_pandoc(text: str, tmp_path: Path) -> None:
    assert _pandoc_plain(md(text), tmp_path) == text


def test_texts_cannot_open_divs_but_code_stays_untouched(shipped_plan: Plan) -> None:
    text = "::: {.lip-kopf}\nText\n:::\n\n```\n::: bleibt\n```"
    prepared = markdown_text(shipped_plan, parse(text, 1))
    assert prepared.split("\n")[0] == "\\::: {.lip-kopf}"
    assert "\n::: bleibt\n" in prepared


def test_text_links_become_links_with_number_and_title(shipped_plan: Plan) -> None:
    prepared = markdown_text(shipped_plan, parse("Siehe [[BIL-M05]] und Expert*innen.", 1))
    title = shipped_plan.massnahme("BIL-M05").titel
    assert prepared == f"Siehe [Maßnahme 1.3.1 {md(title)}](#BIL-M05) und Expert\\*innen."


def test_beratungsfolge_lines(shipped_plan: Plan) -> None:
    def line(gremium: str, rolle: str) -> str:
        return beratungsfolge_zeile(shipped_plan, Beratung(gremium, rolle))

    assert (
        line("internationaler-ausschuss", "beratung")
        == "In den Ausschuss für Integration, Europa und Internationale Kooperation (Internationaler Ausschuss)"
    )
    assert line("verwaltungsausschuss", "beratung") == "In den Verwaltungsausschuss"
    assert line("ratsversammlung", "entscheidung") == "In die Ratsversammlung"
    assert line("integrationsbeiraete", "kenntnis") == "An die Integrationsbeiräte (zur Kenntnis)"
    ohne_artikel = dataclasses.replace(shipped_plan.gremium("lenkungsgruppe"), artikel=None)
    changed = dataclasses.replace(shipped_plan, gremien=(ohne_artikel,))
    assert beratungsfolge_zeile(changed, Beratung("lenkungsgruppe", "beratung")).endswith("(zur Beratung)")


def test_kostentabelle_sums_every_cost_item_by_decision_state(shipped_plan: Plan) -> None:
    rows, total = kostentabelle(shipped_plan)
    assert [r.name for r in rows] == [f.name for f in shipped_plan.handlungsfelder]
    gruppen = dict((g.key, summe) for g, summe in nach_entscheidung(shipped_plan))
    assert sum(x.massnahmen for x in gruppen.values()) == len(shipped_plan.massnahmen)
    # every cost item in exactly one group: together the 1.848.000 € / 6.360.000 € of the plan
    assert sum(x.einmalig for x in gruppen.values()) == 1_848_000
    assert sum(x.jaehrlich for x in gruppen.values()) == 6_360_000
    for key, part in (("beschlossen", "beschlossen"), ("zur_entscheidung", "zur_entscheidung")):
        for art in ("einmalig", "jaehrlich"):
            column = [getattr(getattr(r, part), art) for r in rows]
            assert getattr(getattr(total, part), art) == sum(column) == getattr(gruppen[key], art)
    assert total.massnahmen == gruppen["beschlossen"].massnahmen + gruppen["zur_entscheidung"].massnahmen


def test_every_decision_state_belongs_to_exactly_one_cost_group() -> None:
    for value in s.ENTSCHEIDUNG_STATUS.values:
        assert sum(value in g.statuses for g in GRUPPEN) == 1, value


def test_file_names(shipped_plan: Plan) -> None:
    assert dateiname(shipped_plan, "pdf") == "LIP-2.0-Drucksache-2610-2026.pdf"
    ergaenzung = dataclasses.replace(shipped_plan.drucksache, nummer="2610/2026 E1")
    changed = dataclasses.replace(shipped_plan, drucksache=ergaenzung)
    assert dateiname(changed, "docx") == "LIP-2.0-Drucksache-2610-2026-E1.docx"


def test_committed_reference_docx_is_what_the_script_generates() -> None:
    assert generate() == TARGET.read_bytes(), "python -m lip_build.outputs.drucksache.reference_docx ausführen"


def _text_div(blocks: list[object], quelle: str = "content/kapitel/01.md", ebene: str = "4") -> dict[str, object]:
    return {"t": "Div", "c": [["", ["lip-text"], [["lip-quelle", quelle], ["lip-ebene", ebene]]], blocks]}


def _tree(*blocks: object) -> dict[str, object]:
    return {"pandoc-api-version": [1, 23, 1, 1], "meta": {}, "blocks": list(blocks)}


def test_raw_code_inside_a_text_stops_the_build(tmp_path: Path) -> None:
    raw = {"t": "RawBlock", "c": ["typst", '#read("/etc/passwd")']}
    with pytest.raises(BuildError, match=r"^content/kapitel/01\.md: Der Text enthält Rohcode \(typst\)"):
        prepare(_tree(_text_div([raw])), tmp_path)


def test_headings_of_texts_move_below_their_element(tmp_path: Path) -> None:
    heading = {"t": "Header", "c": [2, ["ausgangslage", [], []], [{"t": "Str", "c": "Ausgangslage"}]]}
    deep = {"t": "Header", "c": [5, ["tief", [], []], [{"t": "Str", "c": "Tief"}]]}
    tree = prepare(_tree(_text_div([heading, deep])), tmp_path)
    assert [b["c"][0] for b in tree["blocks"]] == [5, 6]  # type: ignore[index]


def test_images_must_exist_inside_the_root(tmp_path: Path) -> None:
    (tmp_path / "content" / "kapitel").mkdir(parents=True)
    (tmp_path / "content" / "bild.png").write_bytes(b"png")

    def image(url: str) -> dict[str, object]:
        para = {"t": "Para", "c": [{"t": "Image", "c": [["", [], []], [{"t": "Str", "c": "Alt"}], [url, ""]]}]}
        return _tree(_text_div([para]))

    tree = prepare(image("../bild.png"), tmp_path)
    checked = tree["blocks"][0]["c"][0]["c"]  # type: ignore[index]
    assert checked[2][0] == "content/bild.png" and ["lip-pfad", "content/bild.png"] in checked[0][2]
    for url in ("../../../etc/passwd", "/etc/passwd", "https://example.org/a.png", "fehlt.png", "//host/a.png"):
        with pytest.raises(BuildError, match="Das Bild"):
            prepare(image(url), tmp_path)


def test_images_outside_texts_are_refused(tmp_path: Path) -> None:
    image = {"t": "Image", "c": [["", [], []], [{"t": "Str", "c": "Alt"}], ["/etc/passwd", ""]]}
    with pytest.raises(BuildError, match="außerhalb eines Textes"):
        prepare(_tree({"t": "Para", "c": [image]}), tmp_path)


_MARKUP = 'Titel "zitiert" #strong[x] *fett* _kursiv_ $x$ @ref <lab> // kein Kommentar /* \\ ` = 1. - + ~ ... -- [ ]'


def test_table_texts_stay_literal_in_typst(tmp_path: Path) -> None:
    """A table cell, caption or link text from the model is never read as Typst markup."""
    tabelle = Tabelle(
        headers=(_MARKUP, "B"),
        rows=((Bold(_MARKUP), (Link(_MARKUP, "ziel"), " ", _MARKUP)), ("", _MARKUP)),
        widths=(1, 2),
        right=frozenset({1}),
        caption=_MARKUP,
    )
    raw = table_typst(tabelle)
    assert raw["t"] == "RawBlock" and raw["c"][0] == "typst"
    source = tmp_path / "t.typ"
    source.write_text(f"#set page(width: 40cm, height: auto)\n= Ziel <ziel>\n\n{raw['c'][1]}\n", encoding="utf-8")
    pdf = typst.compile(str(source), ignore_system_fonts=True)
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert text.count(_MARKUP) == 6, text  # header, bold, link, text, cell, caption
    assert "columns: (33.33%, 66.67%)" in raw["c"][1] and "align: (left,right,)" in raw["c"][1]
    assert "table.header(" in raw["c"][1]


def test_joined_words_keep_typst_from_reading_markup(tmp_path: Path) -> None:
    """render_typst joins words into one Str for pandoc; a "1." at a line start must stay text, not a list."""
    from lip_build.outputs.drucksache.render_typst import typst_tree

    words = " ".join(f"Wort{n} 1. - + = / {n}." for n in range(40))
    source = tmp_path / "t.md"
    source.write_text(f"1\\. Eins zwei\n\n{words}\n\n*2\\. kursiv* und\n3\\. drei\n", encoding="utf-8")
    tree = typst_tree(pandoc.read_markdown(source), ())
    markup = pandoc.write(tree, "typst", "test", source, [], {})
    assert not re.search(r"(?m)^\s*\d+\. ", markup.decode("utf-8")), markup.decode("utf-8")
    (tmp_path / "t.typ").write_bytes(markup)
    pdf = typst.compile(str(tmp_path / "t.typ"), ignore_system_fonts=True)
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert text == f"1. Eins zwei {words} 2. kursiv und 3. drei"


def test_a_part_gets_its_own_title_exactly_as_written_and_the_work_folder_is_the_whole_again(tmp_path: Path) -> None:
    """The part's title comes from the plan (an editor's text): it is a Typst string, never read as code."""
    from lip_build.history.stamp import Version
    from lip_build.outputs.drucksache.assemble import Teil
    from lip_build.outputs.drucksache.render_typst import SELECTION, compile_part

    main = tmp_path / "drucksache.typ"
    main.write_text(
        '#set document(title: "Das Ganze")\n#set text(lang: "de")\n'
        '#let teil = read("teil.txt")\nTeil: #if teil == "" [ganz] else [#teil]\n',
        encoding="utf-8",
    )
    (tmp_path / SELECTION).write_text("", encoding="utf-8")
    title = 'Anlage 1: Plan "2.0" \\ #set text(red) ] } <x>'
    version = Version("v2.0", None, dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC), "v2.0", False)
    pdf = compile_part(tmp_path, main, version, Teil("anlage-1", "Anlage 1", title, 0))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.title == title
    assert "Teil: anlage-1" in reader.pages[0].extract_text()
    assert (tmp_path / SELECTION).read_text(encoding="utf-8") == ""
