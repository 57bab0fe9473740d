"""`lip export`: the catalogue as CSV (German Excel and machine), XLSX, JSON with schema, DCAT-AP.de."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from lip_build import schema as s
from lip_build.check.document import read_documents
from lip_build.cli import cli
from lip_build.diagnostics import Diagnostics
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.opendata import exports
from lip_build.outputs.opendata.columns import columns
from lip_build.outputs.opendata.model_json import COLLECTIONS, _object
from lip_build.pipeline import load_plan

from .conftest import REPO

VERSION = Version("v2.0", "0123456789abcdef", dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC), "v2.0", False)


@pytest.fixture(scope="module")
def plan() -> Plan:
    result = load_plan(REPO)
    assert result.plan is not None
    return result.plan


@pytest.fixture(scope="module")
def files(plan: Plan) -> dict[str, bytes]:
    return exports(plan, VERSION)


def _german_number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_every_field_of_the_schema_has_a_column() -> None:
    """A field added to schema.py appears in the exports without touching them."""
    for kind in ("massnahme", "ziel"):
        keys = {c.key for c in columns(kind)}
        for key, f in s.walk(s.SPECS[kind]):
            if isinstance(f.type, (s.Obj, s.MapOf)) or "[]" in key:
                continue
            assert key in keys, f"{kind}: Feld {key} fehlt in den Spalten"


def test_german_csv_reads_back_as_excel_would(plan: Plan, files: dict[str, bytes]) -> None:
    data = files["massnahmen.csv"]
    assert data.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, rows = table[0], table[1:]
    assert len(rows) == len(plan.massnahmen)
    by_id = {row[header.index("Kennung")]: dict(zip(header, row, strict=True)) for row in rows}
    for m in plan.massnahmen:
        row = by_id[m.id]
        assert row["Titel"] == m.titel  # umlauts and the gender star intact
        assert row["Partner*innen"] == ", ".join(m.partner)
        once = sum(k.betrag for k in m.kosten if k.art == "einmalig")
        assert _german_number(row["Kosten einmalig (Summe)"]) == once
        assert row["Antragsberechtigt"] == ("ja" if m.antragsberechtigt else "nein")
        assert row["Entscheidungsstand"] == s.ENTSCHEIDUNG_STATUS.label(m.entscheidung.status)
        if m.entscheidung.datum:
            assert row["Entscheidungsstand: Datum"] == f"{m.entscheidung.datum:%d.%m.%Y}"
    assert any("*" in row["Partner*innen"] for row in by_id.values())
    assert any("." in row["Kosten jährlich (Summe)"] for row in by_id.values())  # 640.000: thousands dots


def test_machine_csv_keeps_values_as_written(plan: Plan, files: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(files["massnahmen-maschinenlesbar.csv"].decode("utf-8"))))
    by_id = {row["id"]: row for row in rows}
    for m in plan.massnahmen:
        row = by_id[m.id]
        assert row["entscheidung.status"] == m.entscheidung.status
        assert row["ziele"].split(";") == list(m.ziele)
        assert row["antragsberechtigt"] == str(m.antragsberechtigt).lower()
        assert float(row["kosten.jaehrlich"]) == sum(k.betrag for k in m.kosten if k.art == "jaehrlich")
        if m.umsetzung.stand:
            assert row["umsetzung.stand"] == m.umsetzung.stand.isoformat()


def test_xlsx_has_a_sheet_per_field_typed_cells_and_a_frozen_filterable_header(
    plan: Plan, files: dict[str, bytes]
) -> None:
    book = load_workbook(io.BytesIO(files["katalog.xlsx"]))
    assert book.sheetnames == ["Übersicht", *(f.name[:31] for f in plan.handlungsfelder), "Ziele"]
    for feld in plan.handlungsfelder:
        sheet = book[feld.name[:31]]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
        header = [c.value for c in sheet[1]]
        measures = [m for m in plan.massnahmen if m.handlungsfeld == feld.code]
        assert sheet.max_row == len(measures) + 1
        money = header.index("Kosten jährlich (Summe)") + 1
        date = header.index("Entscheidungsstand: Datum") + 1
        for row, m in zip(sheet.iter_rows(min_row=2), measures, strict=True):
            assert isinstance(row[money - 1].value, (int, float)) and "€" in row[money - 1].number_format
            if m.entscheidung.datum:
                assert row[date - 1].value.date() == m.entscheidung.datum
                assert row[date - 1].number_format == "DD.MM.YYYY"
    overview = [[c.value for c in row] for row in book["Übersicht"].iter_rows(min_row=2)]
    assert sum(row[2] for row in overview) == len(plan.massnahmen)
    assert book["Ziele"].max_row == len(plan.ziele) + 1


def test_json_is_valid_against_its_schema_and_says_what_the_files_say(files: dict[str, bytes]) -> None:
    document = json.loads(files["plan.json"])
    schema = json.loads(files["plan.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["version"]["tag"] == "v2.0"
    documents, _ = read_documents(REPO, Diagnostics())
    by_file = {item["datei"]: item for name in COLLECTIONS for item in document[name]}
    kinds = {kind for kind, _ in COLLECTIONS.values()}
    compared = 0
    for doc in documents:
        if doc.kind.name not in kinds:
            continue
        item = {k: v for k, v in by_file[doc.path].items() if k not in ("text", "datei")}
        assert item == _object(doc.kind.spec, doc.values), doc.path  # model → JSON loses nothing
        assert by_file[doc.path].get("text", "") == doc.source.body
        compared += 1
    assert compared > 100


def test_dcat_describes_every_file_with_its_checksum(files: dict[str, bytes]) -> None:
    dataset = json.loads(files["dcat.jsonld"])
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["dct:license"]["@id"].endswith("dl-by-de/2.0")
    described = {d["dcat:downloadURL"]["@id"]: d for d in dataset["dcat:distribution"]}
    assert set(described) == set(files) - {"dcat.jsonld"}
    for name, entry in described.items():
        assert entry["spdx:checksum"]["spdx:checksumValue"] == hashlib.sha256(files[name]).hexdigest()
        assert entry["dcat:byteSize"]["@value"] == str(len(files[name]))


def test_the_same_plan_gives_the_same_bytes(plan: Plan, files: dict[str, bytes]) -> None:
    assert exports(plan, VERSION) == files


def test_lip_export_writes_dist_daten(tmp_path: Path) -> None:
    import shutil

    for name in ("content", "handlungsfelder", "templates"):
        shutil.copytree(REPO / name, tmp_path / name)
    result = CliRunner().invoke(cli, ["--plan", str(tmp_path), "export"])
    assert result.exit_code == 0, result.output
    assert "Geschrieben: dist/daten/katalog.xlsx" in result.output
    assert sorted(p.name for p in (tmp_path / "dist" / "daten").iterdir()) == sorted(
        [
            "dcat.jsonld",
            "katalog.xlsx",
            "massnahmen-maschinenlesbar.csv",
            "massnahmen.csv",
            "plan.json",
            "plan.schema.json",
            "ziele-maschinenlesbar.csv",
            "ziele.csv",
        ]
    )
    before = (tmp_path / "dist" / "daten" / "katalog.xlsx").read_bytes()
    blocked = tmp_path / "dist"
    blocked.rename(tmp_path / "dist-alt")
    blocked.write_text("keine Ordner")  # dist is a file: nothing can be written below it
    failed = CliRunner().invoke(cli, ["--plan", str(tmp_path), "export"])
    assert failed.exit_code == 1
    assert "Die offenen Daten konnten nicht geschrieben werden" in failed.output
    assert "Traceback" not in failed.output
    assert (tmp_path / "dist-alt" / "daten" / "katalog.xlsx").read_bytes() == before


def test_lip_build_offers_the_data_on_the_catalogue_and_status_pages(tmp_path: Path) -> None:
    import shutil

    for name in ("content", "handlungsfelder", "templates", "mkdocs.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    result = CliRunner().invoke(cli, ["--plan", str(tmp_path), "build", "--site", "--quiet"])
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    for page in ("massnahmen/index.html", "status/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "Daten herunterladen" in html, page
        assert 'href="../downloads/daten/katalog.xlsx"' in html, page
    published = site / "downloads" / "daten"
    assert (published / "katalog.xlsx").read_bytes() == (tmp_path / "dist" / "daten" / "katalog.xlsx").read_bytes()
    assert sorted(p.name for p in published.iterdir()) == sorted(
        p.name for p in (tmp_path / "dist" / "daten").iterdir()
    )


def test_machine_csv_lists_cost_items_for_programs(plan: Plan, files: dict[str, bytes]) -> None:
    """Amounts with a point and two decimals and the kind as its key, not German „95.000,00 €“."""
    rows = list(csv.DictReader(io.StringIO(files["massnahmen-maschinenlesbar.csv"].decode("utf-8"))))
    by_id = {row["id"]: row for row in rows}
    for m in plan.massnahmen:
        items = by_id[m.id]["kosten"].split(";") if by_id[m.id]["kosten"] else []
        assert items == [f"{k.betrag:.2f} {k.art} ({k.finanzierung})" for k in m.kosten]
        for item in items:
            amount, kind = item.split(" ")[:2]
            assert float(amount) in {k.betrag for k in m.kosten} and kind in {"einmalig", "jaehrlich"}
            assert "€" not in item
    assert any(by_id[m.id]["kosten"] for m in plan.massnahmen)


def test_german_csv_money_is_written_as_excel_reads_it(files: dict[str, bytes]) -> None:
    """1.234,50: thousands dots and a decimal comma in every amount column; umlauts and stars intact."""
    text = files["massnahmen.csv"].decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = table[0]
    for label in ("Kosten einmalig (Summe)", "Kosten jährlich (Summe)"):
        cells = [row[header.index(label)] for row in table[1:]]
        assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{2})?", c) for c in cells), cells
    assert "Partner*innen" in header and "Kosten jährlich (Summe)" in header
    from lip_build.outputs.opendata.tables import _german

    summe = next(c for c in columns("massnahme") if c.key == "kosten.einmalig")
    assert _german(summe, 1234.5) == "1.234,50"  # cents as Excel expects them
    assert _german(summe, 95000.0) == "95.000"
