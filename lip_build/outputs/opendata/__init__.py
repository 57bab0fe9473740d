"""`lip export`: the plan as open data in <root>/dist/daten/ (also part of `lip build`).

  massnahmen.csv, ziele.csv                    for Excel in a German locale (tables.py)
  massnahmen-maschinenlesbar.csv, ziele-…      for programs (tables.py)
  katalog.xlsx                                 one sheet per Handlungsfeld, overview, goals (tables.py)
  plan.json, plan.schema.json                  the whole validated model and its schema (model_json.py)
  dcat.jsonld                                  metadata for an open-data portal, DCAT-AP.de (dcat.py)
oparl.py writes no file of its own: the site build (outputs/site) puts its OParl 1.1 objects of the
Drucksache into site/oparl/, since they describe the documents in dist/ and need site_url.
Columns and fields come from schema.py (columns.py). The folder is replaced as a whole: a failed
export leaves the previous one untouched.
"""

from __future__ import annotations

from pathlib import Path

from lip_build.atomic import FILE_MODE, atomic_directory
from lip_build.errors import BuildError
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.opendata import dcat, model_json, tables

FOLDER = "dist/daten"


def exports(plan: Plan, version: Version) -> dict[str, bytes]:
    """Every export file by name, built in memory."""
    files = {
        "massnahmen.csv": tables.csv_german(plan, "massnahme"),
        "massnahmen-maschinenlesbar.csv": tables.csv_machine(plan, "massnahme"),
        "ziele.csv": tables.csv_german(plan, "ziel"),
        "ziele-maschinenlesbar.csv": tables.csv_machine(plan, "ziel"),
        "katalog.xlsx": tables.xlsx(plan, version.datum),
        "plan.json": model_json.model_json(plan, version),
        "plan.schema.json": model_json.model_schema(),
    }
    files["dcat.jsonld"] = dcat.catalogue(plan, version, files)
    return files


def write_exports(root: Path, plan: Plan, version: Version) -> list[Path]:
    """Write the exports into <root>/dist/daten/ (replacing the folder); returns the files."""
    files = exports(plan, version)
    target = root / FOLDER
    try:
        with atomic_directory(target) as work:
            for name, data in files.items():
                path = work / name
                path.write_bytes(data)
                path.chmod(FILE_MODE)
    except OSError as error:
        raise BuildError(
            f"Die offenen Daten konnten nicht geschrieben werden: {error.strerror or error} "
            f"({error.filename or target}). Prüfen Sie, ob der Ordner beschreibbar ist und genug Speicherplatz "
            "frei ist; die bisherigen Dateien in dist/daten/ sind unverändert."
        ) from None
    return [target / name for name in files]
