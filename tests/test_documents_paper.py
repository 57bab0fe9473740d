"""What the council reads is true and readable (issue 9, "The council paper says only what is true").

The Drucksache of the shipped plan (built once per test session, conftest.shipped_builds) is checked
by the independent PDF/UA checker `pdfua` from PyPI, its fact tables are read back from the PDF's
structure tree and the DOCX's XML, and its pages are read like a council member reads them: a
heading or caption never at a page foot without its table, a short table never split.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pikepdf
import pytest

from lip_build.errors import BuildError
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache.docx_tables import finish_tables
from lip_build.outputs.drucksache.pdf_tags import mark_row_headers
from lip_build.outputs.drucksache.tables import SHORT, Tabelle
from lip_build.view.steckbrief import oe_name

from .documents.helpers import flat, pages
from .documents.pdfua import assert_clean, empty_headings, pdfua


@pytest.fixture(scope="module")
def pdf(shipped_builds: list[dict[str, bytes]]) -> bytes:
    return shipped_builds[0]["pdf"]


@pytest.fixture(scope="module")
def docx(shipped_builds: list[dict[str, bytes]]) -> str:
    with zipfile.ZipFile(io.BytesIO(shipped_builds[0]["docx"])) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.fixture(scope="module")
def docx_styles(shipped_builds: list[dict[str, bytes]]) -> str:
    with zipfile.ZipFile(io.BytesIO(shipped_builds[0]["docx"])) as archive:
        return archive.read("word/styles.xml").decode("utf-8")


@pytest.fixture(scope="module")
def texts(pdf: bytes) -> list[str]:
    return [flat(t) for t in pages(pdf)]


@pytest.fixture(scope="module")
def pdf_file(pdf: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdfua") / "drucksache.pdf"
    target.write_bytes(pdf)
    return target


# --- PDF/UA-1, checked by an independent tool -------------------------------------------------


def test_independent_pdfua_check_finds_no_error_in_the_drucksache(pdf_file: Path) -> None:
    """Before: 66 × UA-15-003 "Table has data cells and no header cell (/TH)", one per fact table."""
    report = pdfua(pdf_file)
    assert report["summary"]["rules_run"] >= 11, report["summary"]
    assert_clean(report)
    assert [s["rule_id"] for s in report["skipped"]] == ["UA-14-001"]  # checked by the next test instead


PARTS = {
    "einzeln/LIP-2.0-Drucksache-2610-2026-ohne-Anlagen.pdf": "Beschlussdrucksache Nr. 2610/2026 (ohne Anlagen): ",
    "einzeln/LIP-2.0-Drucksache-2610-2026-Anlage-1.pdf": "Anlage 1 zur Beschlussdrucksache Nr. 2610/2026: ",
    "einzeln/LIP-2.0-Drucksache-2610-2026-Anlage-2.pdf": "Anlage 2 zur Beschlussdrucksache Nr. 2610/2026: ",
    "einzeln/LIP-2.0-Drucksache-2610-2026-Anlage-3.pdf": "Anlage 3 zur Beschlussdrucksache Nr. 2610/2026: ",
}


def test_the_drucksache_and_each_anlage_are_also_set_on_their_own(
    shipped_builds: list[dict[str, bytes]], texts: list[str], tmp_path: Path
) -> None:
    """For the council information system (OParl mainFile, auxiliaryFile): the same pages in the same order,
    each part counted from 1, under its own title, accessible like the whole (pdfua, row headers)."""
    built = shipped_builds[0]
    assert set(built) == {"pdf", "docx", *PARTS}
    joined: list[str] = []
    for name, title in PARTS.items():
        part = [flat(t) for t in pages(built[name])]
        assert all(f"Seite {n} von {len(part)}" in text for n, text in enumerate(part, 1)), name
        joined += part
        with pikepdf.open(io.BytesIO(built[name])) as document:
            assert str(document.open_metadata()["dc:title"]).startswith(title)
        target = tmp_path / name.rpartition("/")[2]
        target.write_bytes(built[name])
        assert_clean(pdfua(target))
        assert empty_headings(target)[1] == []

    def without_page_numbers(text: str) -> str:
        """In the footer and in the contents of Anlage 1, which counts the pages of its own file."""
        return re.sub(r"Seite \d+ von \d+|(?:\. )+\.? ?\d+", "", text)

    assert [without_page_numbers(t) for t in joined] == [without_page_numbers(t) for t in texts]
    # a link into another part stays as its text; within Anlage 1 the links still lead somewhere
    with pikepdf.open(io.BytesIO(built[list(PARTS)[1]])) as document:
        assert sum(len(page.get("/Annots", [])) for page in document.pages) > 50


def test_headings_are_not_empty_where_pdfua_cannot_check_it(pdf_file: Path, shipped_plan: Plan) -> None:
    """UA-14-001 crashes inside pdfua 0.1.3 (documents/pdfua.py); the same check with pikepdf."""
    count, empty = empty_headings(pdf_file)
    assert count > len(shipped_plan.massnahmen) + len(shipped_plan.ziele), count
    assert empty == []


def test_the_heading_check_finds_an_empty_heading(pdf_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "leer.pdf"
    with pikepdf.open(pdf_file) as document:
        stack = [document.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            if node.get("/S") == pikepdf.Name("/H4"):
                node["/K"] = pikepdf.Array()
                break
            if isinstance(kids, pikepdf.Array):
                stack += [k for k in kids if isinstance(k, pikepdf.Dictionary)]
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
        document.save(broken)
    assert empty_headings(broken)[1] == ["/H4"]


def _cells(row: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    kids = row["/K"]
    return [k for k in (kids if isinstance(kids, pikepdf.Array) else [kids]) if isinstance(k, pikepdf.Dictionary)]


def _tables(document: pikepdf.Pdf) -> list[list[list[pikepdf.Dictionary]]]:
    """Every table of the structure tree as rows of cells (struct elements); `document` stays open."""
    out: list[list[list[pikepdf.Dictionary]]] = []

    def walk(node: pikepdf.Dictionary) -> None:
        kids = node.get("/K")
        children = kids if isinstance(kids, pikepdf.Array) else [kids]
        children = [k for k in children if isinstance(k, pikepdf.Dictionary) and "/S" in k]
        if node.get("/S") == pikepdf.Name("/Table"):
            rows = [k for k in children if k["/S"] == pikepdf.Name("/TR")]
            for group in (k for k in children if k["/S"] != pikepdf.Name("/TR")):
                rows += [r for r in _cells(group) if r.get("/S") == pikepdf.Name("/TR")]
            out.append([_cells(r) for r in rows])
            return
        for kid in children:
            walk(kid)

    walk(document.Root.StructTreeRoot)
    return out


def _table_attribute(cell: pikepdf.Dictionary, key: str) -> object:
    attributes = cell.get("/A")
    items = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
    for item in items:
        if isinstance(item, pikepdf.Dictionary) and item.get("/O") == pikepdf.Name("/Table") and key in item:
            return item[key]
    return None


def test_the_label_column_of_each_fact_table_is_a_row_header(pdf: bytes, shipped_plan: Plan) -> None:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        tables = _tables(document)
        ids = pikepdf.NameTree(document.Root.StructTreeRoot["/IDTree"])
        fact_tables = [t for t in tables if t and all(r[0]["/S"] == pikepdf.Name("/TH") for r in t)]
        fact_tables = [t for t in fact_tables if _table_attribute(t[0][0], "/Scope") == pikepdf.Name("/Row")]
        assert len(fact_tables) == len(shipped_plan.massnahmen)
        for table in fact_tables:
            for header, value in table:
                assert _table_attribute(header, "/Scope") == pikepdf.Name("/Row")
                assert value["/S"] == pikepdf.Name("/TD")
                headers = _table_attribute(value, "/Headers")
                assert isinstance(headers, pikepdf.Array) and list(headers) == [header["/ID"]]
                assert ids[str(header["/ID"])].objgen == header.objgen
        for table in tables:  # every other table has a header row
            assert any(c["/S"] == pikepdf.Name("/TH") for row in table for c in row)


def test_row_headers_are_only_marked_when_the_count_matches(pdf: bytes) -> None:
    with pytest.raises(BuildError, match="erwartet waren 67 Faktentabellen"):
        mark_row_headers(pdf, 67)  # the PDF has 66 tables without a header row, all already marked
    with pytest.raises(ValueError, match="Kopfzeile oder eine Kopfspalte"):
        Tabelle(("A", "B"), (("x", "y"),), (1, 1), row_headers=True)


# --- DOCX: the same structure ------------------------------------------------------------------


def test_docx_fact_tables_have_a_header_column(docx: str, shipped_plan: Plan) -> None:
    looks = re.findall(r"<w:tblLook [^>]*/>", docx)
    header_column = [look for look in looks if 'w:firstColumn="1"' in look]
    assert len(header_column) == len(shipped_plan.massnahmen)
    assert all('w:firstRow="0"' in look for look in header_column)
    assert all('w:firstRow="1"' in look for look in looks if look not in header_column)
    with pytest.raises(BuildError, match="erwartet waren 65"):
        finish_tables(docx, 65)


def test_docx_short_tables_stay_on_one_page(docx: str) -> None:
    """Every row of a short table cannot split and keeps with the next row; long tables may break."""
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", docx, re.S)
    short = [t for t in tables if t.count("<w:tr>") <= SHORT]
    assert len(short) > 66
    for table in short:
        rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.S)
        assert all("<w:cantSplit />" in r for r in rows)
        assert all("<w:keepNext />" in p for r in rows[:-1] for p in re.findall(r"<w:p>.*?</w:p>", r, re.S))
        assert not any("<w:keepNext />" in p for p in re.findall(r"<w:p>.*?</w:p>", rows[-1], re.S))
    assert 'w:pStyle w:val="Vorspann"' in docx  # the text above the Kostentabelle keeps with it


# --- pages as a council member reads them -------------------------------------------------------


def test_each_fact_table_stands_whole_on_the_page_of_its_heading(texts: list[str], shipped_plan: Plan) -> None:
    """Before: e.g. BIL-M02's table started at the foot of a page with one row (p. 19 → 20)."""
    for m in shipped_plan.massnahmen:
        start = f"Kennung {m.id}"
        where = [n for n, text in enumerate(texts) if start in text]
        assert len(where) == 1, (m.id, where)
        page = texts[where[0]]
        before, after = page.split(start, 1)
        assert f"Maßnahme {shipped_plan.nummer(m.id)} " in before, (m.id, where[0] + 1)
        assert f"Ansprechstelle {oe_name(shipped_plan, m.kontakt)}" in after, (m.id, where[0] + 1)


def test_kennzahlen_caption_stays_with_its_table(texts: list[str], shipped_plan: Plan) -> None:
    """Before: "Kennzahlen zu Ziel 3.3" alone at a page foot."""
    seen = 0
    for z in shipped_plan.ziele:
        if not z.kennzahlen:
            continue
        caption = f"Kennzahlen zu Ziel {shipped_plan.nummer(z.id)} "
        page = next(t for t in texts if caption in t)
        after = page.split(caption, 1)[1]
        assert "Ausgangswert (Jahr)" in after and z.kennzahlen[-1].name[:30] in after, caption
        seen += 1
    assert seen >= 10


def _opening_words(source: str) -> str:
    """The first words of a text as the PDF prints them: up to the first mark that changes them."""
    first = next(line for line in source.splitlines() if line.strip() and not line.startswith("#"))
    return re.split(r"\[\[|\*\*|[`<_]", first, maxsplit=1)[0].strip()[:40].rsplit(" ", 1)[0]


def test_a_goal_heading_and_its_meta_line_stay_with_its_text(texts: list[str], shipped_plan: Plan) -> None:
    """Before: "Ziel 3.3 …" and "Kennung: SOZ-Z03 · 2 Maßnahmen" alone at a page foot, the text overleaf."""
    for z in shipped_plan.ziele:
        meta = f"Kennung: {z.id} "
        page = next(t for t in texts if meta in t)
        words = _opening_words(z.text.source)
        assert len(words) >= 10, z.id
        assert words in " ".join(page.split(meta, 1)[1].split()), (z.id, words)


def test_docx_meta_lines_keep_with_the_text_below(docx_styles: str) -> None:
    style = re.search(r'<w:style [^>]*w:styleId="Metazeile".*?</w:style>', docx_styles, re.S)
    assert style is not None and "<w:keepNext />" in style.group(0)


def test_kostentabelle_heading_text_and_table_share_a_page(texts: list[str]) -> None:
    """Before: the heading "Kostentabelle" on page 1, its table on page 2."""
    page = next(t for t in texts if "Kostentabelle " in t)
    heading = page.index("Kostentabelle ")
    caption = page.index("Kosten der Maßnahmen nach Entscheidungsstand")
    assert heading < caption < page.index("nicht weiterverfolgt (")
    other = next(t for t in texts if "Kosten der Maßnahmen nach Handlungsfeldern" in t)
    assert "Summe " in other.split("Kosten der Maßnahmen nach Handlungsfeldern", 1)[1]


def test_marking_row_headers_changes_only_the_structure_tree(tmp_path: Path) -> None:
    """A fact table set by Typst alone: before 1 × UA-15-003, after none; XMP and page content untouched."""
    import typst

    from lip_build.outputs.drucksache.tables import Bold
    from lip_build.outputs.drucksache.tables import typst as table_typst

    tabelle = Tabelle(
        ("", ""), ((Bold("Kennung"), "BIL-M01"), (Bold("Zeitraum"), "2023–2028")), (1, 3), row_headers=True
    )
    source = tmp_path / "t.typ"
    source.write_text(
        '#set document(title: "Faktentabelle")\n#set text(lang: "de")\n' + table_typst(tabelle)["c"][1] + "\n",
        encoding="utf-8",
    )
    before = typst.compile(str(source), pdf_standards=["a-2a", "ua-1"], ignore_system_fonts=True)
    assert isinstance(before, bytes)
    (tmp_path / "vorher.pdf").write_bytes(before)
    (tmp_path / "nachher.pdf").write_bytes(mark_row_headers(before, 1))
    findings = pdfua(tmp_path / "vorher.pdf")["findings"]
    assert [f["rule_id"] for f in findings] == ["UA-15-003"]
    assert_clean(pdfua(tmp_path / "nachher.pdf"))
    with pikepdf.open(tmp_path / "vorher.pdf") as old, pikepdf.open(tmp_path / "nachher.pdf") as new:
        assert old.Root.Metadata.read_raw_bytes() == new.Root.Metadata.read_raw_bytes()
        assert [p.Contents.read_raw_bytes() for p in old.pages] == [p.Contents.read_raw_bytes() for p in new.pages]
    assert mark_row_headers(before, 1) == mark_row_headers(before, 1)
