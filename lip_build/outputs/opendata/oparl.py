"""The Drucksache for the council information system, as static OParl 1.1 JSON under the site (site/oparl/).

  oparl/paper/<nummer>.json            the Drucksache as a Paper, with its Files and Consultations embedded
  oparl/file/<nummer>-<teil>.json      mainFile: the Drucksache without Anlagen; auxiliaryFile: each Anlage,
                                       then the whole Drucksache with Anlagen as PDF and as DOCX
                                       (size and SHA-512 of the bytes in dist/)
  oparl/consultation/<nummer>-<n>.json one per line of the Beratungsfolge, with role and authoritative
  oparl/organization/<gremium>.json    the Gremien of the Beratungsfolge (content/gremien/)
  oparl/organization/oe-<oe>.json      the federführende Stelle (underDirectionOf)
Every id is the address of its own file under site_url (OParl ids are URLs that return the object), so
OParl needs site_url in mkdocs.yml. Embedded objects leave out their back reference to the Paper, as
OParl asks; the objects on their own carry it. Same plan, same documents: same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from lip_build import schema as s
from lip_build.history.stamp import Version
from lip_build.model.plan import Gremium, Plan
from lip_build.outputs.drucksache.assemble import teile
from lip_build.outputs.drucksache.paths import EINZELN, dateiname, teil_dateiname

FOLDER = "oparl/"
SCHEMA = "https://schema.oparl.org/1.1/"
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_KIND = {"pdf": "PDF", "docx": "DOCX, bearbeitbar"}
ROLE = {"beratung": "Beratung", "entscheidung": "Entscheidung", "kenntnis": "Kenntnisnahme"}
ORGANIZATION_TYPE = "Gremium"  # OParl's suggested values: Gremium, Verwaltungsbereich, …


def _slug(text: str) -> str:
    """ "2610/2026" → "2610-2026", "50.60" → "50-60"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


def _json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def oparl_files(
    plan: Plan,
    version: Version,
    site_url: str,
    documents: Mapping[str, bytes],
    download_url: Callable[[str], str],
    gremium_url: Callable[[Gremium], str],
) -> dict[str, bytes]:
    """Every OParl file by its path under the site ("oparl/paper/2610-2026.json").

    `site_url` ends in "/"; `documents` are the built Drucksache files by their path under dist/
    ("einzeln/…-Anlage-1.pdf"; only those of this Drucksache are used); `download_url` and `gremium_url`
    give the site's address of such a file and of a Gremium's page, relative to the site."""
    d = plan.drucksache
    nummer = _slug(d.nummer)
    modified = version.datum.isoformat()

    def url(path: str) -> str:
        return f"{site_url}{FOLDER}{path}"

    paper_id = url(f"paper/{nummer}.json")
    objects: dict[str, dict[str, Any]] = {}

    # (path under dist/, id suffix, name): the parts in the order of the Drucksache, then the whole.
    candidates = [(f"{EINZELN}/{teil_dateiname(plan, teil)}", teil, f"{titel} (PDF)") for teil, titel in teile(plan)]
    candidates += [
        (dateiname(plan, endung), endung, f"Drucksache Nr. {d.nummer} mit Anlagen ({_KIND[endung]})")
        for endung in ("pdf", "docx")
    ]
    files = []
    for path, suffix, name in candidates:
        if path not in documents:
            continue
        data = documents[path]
        file_id = url(f"file/{nummer}-{suffix}.json")
        access = f"{site_url}{download_url(path)}"
        files.append(
            {
                "id": file_id,
                "type": f"{SCHEMA}File",
                "name": name,
                "fileName": path.rpartition("/")[2],
                "mimeType": MIME[path.rpartition(".")[2]],
                "date": d.datum.isoformat(),
                "size": len(data),
                "sha512Checksum": hashlib.sha512(data).hexdigest(),
                "accessUrl": access,
                "downloadUrl": access,
                "modified": modified,
            }
        )
        objects[file_id] = {**files[-1], "paper": [paper_id]}

    organizations: dict[str, str] = {}  # gremium id → OParl id
    consultations = []
    for n, beratung in enumerate(d.beratungsfolge, start=1):
        gremium = plan.gremium(beratung.gremium)
        org_id = organizations.setdefault(gremium.id, url(f"organization/{_slug(gremium.id)}.json"))
        organization: dict[str, Any] = {"id": org_id, "type": f"{SCHEMA}Organization", "name": gremium.name}
        if gremium.kurzname:
            organization["shortName"] = gremium.kurzname
        organization["organizationType"] = ORGANIZATION_TYPE
        organization["classification"] = s.GREMIUM_ART.label(gremium.art)
        organization["web"] = f"{site_url}{gremium_url(gremium)}"
        objects[org_id] = organization
        consultation_id = url(f"consultation/{nummer}-{n}.json")
        consultation = {
            "id": consultation_id,
            "type": f"{SCHEMA}Consultation",
            "organization": [org_id],
            "role": ROLE[beratung.rolle],
            "authoritative": beratung.rolle == "entscheidung",
            "modified": modified,
        }
        consultations.append(consultation)
        objects[consultation_id] = {**consultation, "paper": paper_id}

    einheit = plan.organisationseinheit(d.oe)
    oe_id = url(f"organization/oe-{_slug(einheit.oe)}.json")
    objects[oe_id] = {
        "id": oe_id,
        "type": f"{SCHEMA}Organization",
        "name": einheit.name,
        "shortName": f"OE {einheit.oe}",
        "organizationType": "Verwaltungsbereich",
    }

    paper: dict[str, Any] = {
        "id": paper_id,
        "type": f"{SCHEMA}Paper",
        "name": d.titel,
        "reference": d.nummer,
        "date": d.datum.isoformat(),
        "paperType": s.DRUCKSACHE_ART.label(d.art),
    }
    if files:
        paper["mainFile"] = files[0]
    if len(files) > 1:
        paper["auxiliaryFile"] = files[1:]
    paper["underDirectionOf"] = [oe_id]
    paper["consultation"] = consultations
    paper["web"] = site_url
    paper["modified"] = modified
    objects[paper_id] = paper

    return {object_id.removeprefix(site_url): _json(data) for object_id, data in sorted(objects.items())}
