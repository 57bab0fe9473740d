"""`lip codeowners`: a CODEOWNERS file that routes each Handlungsfeld's files to its expert group.

The plan names the expert group of each Handlungsfeld (`expertengruppe`); which team on GitHub or
GitLab stands for a Gremium is configured in codeowners.yml at the top of the repository. The
syntax written is understood by both GitHub (.github/CODEOWNERS) and GitLab (.gitlab/CODEOWNERS).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from lip_build.errors import CodeownersError
from lip_build.model.plan import Plan

CONFIG = "codeowners.yml"
_HANDLE = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)*$|^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


@dataclass(frozen=True)
class Zuordnung:
    standard: tuple[str, ...]  # owners of every file no expert group owns (the editors)
    gremien: Mapping[str, tuple[str, ...]]  # Gremium ID → team handles


def _handles(value: object, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        raise CodeownersError(
            f"In {CONFIG} steht bei „{where}“ kein Team. Erwartet wird ein Handle wie "
            '"@stadt-hannover/eg-bildung" oder eine Liste solcher Handles.'
        )
    for item in items:
        if not _HANDLE.match(item.strip()):
            raise CodeownersError(
                f"„{item}“ (bei „{where}“ in {CONFIG}) ist kein gültiges Team: erwartet wird "
                '"@organisation/team", "@benutzername" oder eine E-Mail-Adresse.'
            )
    return tuple(i.strip() for i in items)


def load_config(root: Path) -> Zuordnung:
    path = root / CONFIG
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CodeownersError(
            f"Die Datei {CONFIG} fehlt. Sie ordnet jedem Gremium ein Team auf GitHub oder GitLab zu, "
            'z. B. „gremien:“ und darunter „  eg-bildung: "@stadt-hannover/eg-bildung"“.'
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (Zeile {mark.line + 1})" if mark is not None else ""
        raise CodeownersError(f"{CONFIG} ist kein gültiges YAML{where}: {getattr(error, 'problem', error)}.") from None
    if not isinstance(data, dict) or not isinstance(data.get("gremien"), dict):
        raise CodeownersError(f"In {CONFIG} fehlt der Abschnitt „gremien:“ mit einem Team je Gremium.")
    unknown = sorted(set(data) - {"standard", "gremien"})
    if unknown:
        raise CodeownersError(
            f"In {CONFIG} gibt es den Schlüssel „{unknown[0]}“ nicht; erlaubt sind standard und gremien."
        )
    standard = _handles(data["standard"], "standard") if data.get("standard") is not None else ()
    gremien = {str(key): _handles(value, f"gremien → {key}") for key, value in data["gremien"].items()}
    return Zuordnung(standard, gremien)


def render(plan: Plan, zuordnung: Zuordnung, prefix: str = "") -> str:
    """The CODEOWNERS text; `prefix` is the plan's folder inside the repository ("" at the top)."""
    lines = [
        "# Automatisch erstellt mit „lip codeowners“ aus codeowners.yml und den Handlungsfeldern des Plans.",
        "# Nicht von Hand ändern: Teams in codeowners.yml anpassen und „lip codeowners“ erneut ausführen.",
        "# Die letzte passende Zeile gilt: Dateien eines Handlungsfelds prüft dessen Expert*innengruppe.",
        "",
    ]
    if zuordnung.standard:
        lines += ["# Alles andere: die Redaktion", f"* {' '.join(zuordnung.standard)}", ""]
    for feld in plan.handlungsfelder:
        teams = zuordnung.gremien.get(feld.expertengruppe)
        if teams is None:
            gremium = plan.gremium(feld.expertengruppe)
            raise CodeownersError(
                f"Für das Gremium „{feld.expertengruppe}“ ({gremium.name}, Expert*innengruppe des Handlungsfelds "
                f"{feld.name}) steht in {CONFIG} kein Team. Ergänzen Sie unter „gremien:“ die Zeile "
                f'„  {feld.expertengruppe}: "@organisation/team"“.'
            )
        lines.append(f"# {feld.name} ({feld.code}): {plan.gremium(feld.expertengruppe).name}")
        lines.append(f"/{prefix}handlungsfelder/{feld.ordner}/ {' '.join(teams)}")
    return "\n".join(lines) + "\n"
