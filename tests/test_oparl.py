"""OParl 1.1 under the site (site/oparl/): the Drucksache as a Paper with its Files, Consultations and
Organizations, checked against the official v1.1 JSON schemas, with the checksums of the built documents.

The site is built once from a copy of the shipped plan with site_url set and the documents of the
session's Drucksache build (conftest.shipped_builds) in dist/, as `lip build` leaves them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from click.testing import CliRunner

from lip_build import schema as s
from lip_build.cli import cli
from lip_build.errors import BuildError
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache.paths import dateiname
from lip_build.outputs.progress import Progress
from lip_build.outputs.site import build_site
from lip_build.outputs.site.settings import load_settings

from .conftest import REPO, copy_plan
from .documents.helpers import VERSION

SCHEMAS = Path(__file__).resolve().parent / "oparl-1.1"  # the official OParl 1.1 schemas (README there)
SITE_URL = "https://integrationsplan.example.org/lip/"
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EMBEDDED = {"mainFile": "File", "auxiliaryFile": "File", "consultation": "Consultation"}


def _absolute_url(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


# jsonschema does not know OParl's format "url"; OParl requires absolute addresses.
FORMATS = jsonschema.FormatChecker()
FORMATS.checks("url")(_absolute_url)
FORMATS.checks("date-time")(_date_time)


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=FORMATS)


def validate(data: dict[str, Any]) -> None:
    """The object and every object embedded in it, each against the schema of its type."""
    kind = data["type"].rsplit("/", 1)[-1]
    validator(kind).validate(data)
    for key, embedded_kind in EMBEDDED.items():
        value = data.get(key)
        for item in value if isinstance(value, list) else [value] if value else []:
            assert item["type"].endswith(f"/{embedded_kind}")
            validate(item)


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    plan: Plan
    notes: tuple[str, ...]

    def json(self, url: str) -> dict[str, Any]:
        """The object an OParl address returns: the file at that address in the site."""
        data: dict[str, Any] = json.loads(self.file(url).read_text(encoding="utf-8"))
        return data

    def file(self, url: str) -> Path:
        assert url.startswith(SITE_URL), url
        path = self.site / url.removeprefix(SITE_URL)
        if url.endswith("/"):
            path = path / "index.html"  # a page of the site
        assert path.is_file(), f"{url} zeigt auf keine Datei der Website"
        return path


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, shipped_plan: Plan, shipped_builds: list[dict[str, bytes]]
) -> Built:
    root = copy_plan(REPO, tmp_path_factory.mktemp("oparl"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"site_url: {SITE_URL}\n", encoding="utf-8")
    (root / "dist").mkdir()
    for key, data in shipped_builds[0].items():  # "pdf", "docx", "einzeln/…-Anlage-1.pdf"
        target = root / "dist" / (key if "/" in key else dateiname(shipped_plan, key))
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(data)
    notes = build_site(root, shipped_plan, VERSION, Progress(quiet=True))
    return Built(root, root / "site", shipped_plan, notes)


def objects(built: Built) -> dict[Path, dict[str, Any]]:
    files = sorted((built.site / "oparl").rglob("*.json"))
    assert files
    return {path: json.loads(path.read_text(encoding="utf-8")) for path in files}


def paper(built: Built) -> dict[str, Any]:
    return built.json(f"{SITE_URL}oparl/paper/2610-2026.json")


def test_every_object_is_valid_against_the_official_schemas(built: Built) -> None:
    assert built.notes == ()
    kinds = set()
    for path, data in objects(built).items():
        validate(data)
        kinds.add(data["type"])
        # the id is the address of the object's own file: OParl clients fetch it there
        assert data["id"] == SITE_URL + path.relative_to(built.site).as_posix()
    assert kinds == {f"https://schema.oparl.org/1.1/{k}" for k in ("Paper", "File", "Consultation", "Organization")}


def test_the_schemas_reject_what_oparl_forbids(built: Built) -> None:
    """Near misses: the validation used above does fail (relative id, wrong type, size as text)."""
    data = paper(built)
    for broken in (
        {**data, "id": "oparl/paper/2610-2026.json"},
        {**data, "type": "https://schema.oparl.org/1.0/Paper"},
        {**data, "mainFile": {**data["mainFile"], "size": str(data["mainFile"]["size"])}},
        {**data, "date": "20.11.2026"},
        {**data, "modified": "2026-11-20"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def test_paper_is_the_drucksache(built: Built) -> None:
    d = built.plan.drucksache
    data = paper(built)
    assert data["name"] == d.titel
    assert data["reference"] == "2610/2026" == d.nummer
    assert data["date"] == d.datum.isoformat()
    assert data["paperType"] == "Beschlussdrucksache"
    assert data["web"] == SITE_URL
    assert "2610/2026" in built.file(data["web"]).read_text(encoding="utf-8")  # the start page offers it
    (oe,) = data["underDirectionOf"]
    assert built.json(oe)["name"] == built.plan.organisationseinheit(d.oe).name == "Sachgebiet Integration"
    # the Drucksache itself is the main file; each Anlage, then the whole with Anlagen (PDF, DOCX) follow
    assert data["mainFile"]["fileName"] == "LIP-2.0-Drucksache-2610-2026-ohne-Anlagen.pdf"
    assert data["mainFile"]["name"] == "Drucksache ohne Anlagen (PDF)"
    assert [(f["name"], f["mimeType"]) for f in data["auxiliaryFile"]] == [
        ("Anlage 1: Lokaler Integrationsplan 2.0 (PDF)", "application/pdf"),
        ("Anlage 2: Maßnahmenübersicht (PDF)", "application/pdf"),
        ("Anlage 3: Stellungnahmen und ihre Berücksichtigung (PDF)", "application/pdf"),
        ("Drucksache Nr. 2610/2026 mit Anlagen (PDF)", "application/pdf"),
        ("Drucksache Nr. 2610/2026 mit Anlagen (DOCX, bearbeitbar)", MIME_DOCX),
    ]


def test_consultation_per_line_of_the_beratungsfolge(built: Built) -> None:
    data = paper(built)
    folge = built.plan.drucksache.beratungsfolge
    assert len(data["consultation"]) == len(folge) == 4
    for consultation, beratung in zip(data["consultation"], folge, strict=True):
        gremium = built.plan.gremium(beratung.gremium)
        (organization,) = consultation["organization"]
        org = built.json(organization)
        assert org["name"] == gremium.name
        assert org.get("shortName") == gremium.kurzname
        assert org["classification"] == s.GREMIUM_ART.label(gremium.art)
        assert built.file(org["web"]).parent.name == gremium.id  # the Gremium's page on the site
        assert consultation["authoritative"] is (beratung.rolle == "entscheidung")
        assert "paper" not in consultation  # embedded: no back reference
        alone = built.json(consultation["id"])
        assert alone["paper"] == data["id"]
        assert {k: v for k, v in alone.items() if k != "paper"} == consultation
    roles = [(c["role"], c["authoritative"]) for c in data["consultation"]]
    assert roles == [("Beratung", False), ("Kenntnisnahme", False), ("Beratung", False), ("Entscheidung", True)]
    assert built.json(data["consultation"][-1]["organization"][0])["shortName"] == "Ratsversammlung"


def test_file_checksums_are_those_of_the_published_documents(built: Built) -> None:
    data = paper(built)
    files = [data["mainFile"], *data["auxiliaryFile"]]
    dist = built.root / "dist"
    built_files = {p.relative_to(dist).as_posix(): p.read_bytes() for p in dist.rglob("*") if p.is_file()}
    assert len(files) == len(built_files) == 6  # the Drucksache alone, three Anlagen, the whole as PDF and DOCX
    for entry in files:
        published = built.file(entry["accessUrl"]).read_bytes()  # site/downloads/…, what readers get
        path = entry["accessUrl"].removeprefix(f"{SITE_URL}downloads/")
        assert published == built_files.pop(path)
        assert entry["sha512Checksum"] == hashlib.sha512(published).hexdigest()
        assert entry["size"] == len(published)
        assert entry["date"] == built.plan.drucksache.datum.isoformat()
        alone = built.json(entry["id"])
        assert alone["paper"] == [data["id"]]
    assert built_files == {}  # every document of the build is a File of the Paper
    assert built.file(data["mainFile"]["accessUrl"]).read_bytes().startswith(b"%PDF-")


def test_without_site_url_the_build_says_why_there_is_no_oparl(tmp_path: Path) -> None:
    root = copy_plan(REPO, tmp_path / "plan")
    result = CliRunner().invoke(cli, ["--plan", str(root), "build", "--site", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "„site_url“ fehlt" in result.stderr and "site/oparl/" in result.stderr
    assert (root / "site" / "index.html").is_file()
    assert not (root / "site" / "oparl").exists()


@pytest.mark.parametrize("value", ["ftp://example.org/", "integrationsplan.example.org", "https://x.org/?a=1", "[1]"])
def test_a_site_url_that_is_no_web_address_is_rejected(plan_copy: Path, value: str) -> None:
    config = plan_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"site_url: {value}\n", encoding="utf-8")
    with pytest.raises(BuildError, match="„site_url“ muss die Adresse der veröffentlichten Website sein"):
        load_settings(plan_copy)


def test_site_url_gets_its_trailing_slash(plan_copy: Path) -> None:
    config = plan_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://x.example.org/lip\n", encoding="utf-8")
    assert load_settings(plan_copy).site_url == "https://x.example.org/lip/"
