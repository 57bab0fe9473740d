"""Metadata of the exports for an open-data portal, in DCAT-AP.de as JSON-LD (dcat.jsonld).

The download addresses are relative to dcat.jsonld itself (the files lie next to it), so the
metadata stays right wherever the site or dist/daten/ is published.
"""

from __future__ import annotations

import hashlib
import json

from lip_build.history.stamp import Version
from lip_build.model.plan import Plan

LICENCE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
LICENCE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
_MEDIA = {
    ".csv": ("text/csv", "CSV"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    ".json": ("application/json", "JSON"),
    ".jsonld": ("application/ld+json", "JSON_LD"),
}
_KINDS = {".csv": "CSV", ".xlsx": "Excel-Arbeitsmappe (XLSX)", ".json": "JSON", ".jsonld": "JSON-LD"}
TITLES = {  # in the order people look for them: the spreadsheets first, metadata last
    "katalog.xlsx": "Ziele und Maßnahmen (Excel-Arbeitsmappe)",
    "massnahmen.csv": "Maßnahmen (CSV für Excel)",
    "ziele.csv": "Ziele (CSV für Excel)",
    "massnahmen-maschinenlesbar.csv": "Maßnahmen (CSV, maschinenlesbar)",
    "ziele-maschinenlesbar.csv": "Ziele (CSV, maschinenlesbar)",
    "plan.json": "Der ganze Plan (JSON)",
    "plan.schema.json": "Aufbau der JSON-Datei (JSON Schema)",
    "dcat.jsonld": "Beschreibung für Open-Data-Portale (DCAT-AP.de)",
}


def kind_of(name: str) -> str:
    """The kind of file, for people: "CSV", "Excel-Arbeitsmappe (XLSX)"."""
    return _KINDS[name[name.rfind(".") :]]


def catalogue(plan: Plan, version: Version, files: dict[str, bytes]) -> bytes:
    info = plan.info
    distributions = []
    for name, data in files.items():
        media, file_type = _MEDIA[name[name.rfind(".") :]]
        distributions.append(
            {
                "@type": "dcat:Distribution",
                "dct:title": {"@value": TITLES.get(name, name), "@language": "de"},
                "dcat:accessURL": {"@id": name},
                "dcat:downloadURL": {"@id": name},
                "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media}"},
                "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{file_type}"},
                "dcat:byteSize": {"@value": str(len(data)), "@type": "xsd:decimal"},
                "spdx:checksum": {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                    "spdx:checksumValue": hashlib.sha256(data).hexdigest(),
                },
                "dct:license": {"@id": LICENCE},
            }
        )
    dataset = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "owl": "http://www.w3.org/2002/07/owl#",
            "spdx": "http://spdx.org/rdf/terms#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@type": "dcat:Dataset",
        "dct:title": {"@value": f"{info.titel}: Ziele und Maßnahmen", "@language": "de"},
        "dct:description": {
            "@value": (
                f"Ziele und Maßnahmen des {info.titel} ({info.herausgeberin}) mit Federführung, Zeitraum, "
                f"Kosten, Entscheidungs- und Umsetzungsstand. {version.text}."
            ),
            "@language": "de",
        },
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": info.herausgeberin},
        "dcatde:licenseAttributionByText": info.herausgeberin,
        "dct:license": {"@id": LICENCE},
        "dct:modified": {"@value": info.stand.isoformat(), "@type": "xsd:date"},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"},
        "dcat:keyword": ["Integration", "Teilhabe", "Migration", "Lokaler Integrationsplan"],
        "owl:versionInfo": version.bezeichnung,
        "dcat:distribution": distributions,
    }
    return (json.dumps(dataset, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
