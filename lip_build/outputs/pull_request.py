"""`lip report`: what a pull request changes in the plan, as Markdown for a PR comment.

Compared are the head and the point where it branched off the base (like GitHub's "Files
changed"), so that changes merged into the base meanwhile do not show up as reverted. New IDs
are also checked against the base as it is now: two PRs that create the same "next" ID are
flagged before the second one is merged.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from lip_build.diagnostics import Diagnostics
from lip_build.history import git, versions
from lip_build.history.compare import Aenderung, Element, Synopse, compare
from lip_build.history.incremental import changed_between, changed_since
from lip_build.outputs import diagnostic_formats as diagnostics_report
from lip_build.outputs.synopse import render_markdown
from lip_build.outputs.synopse.render_markdown import escape
from lip_build.outputs.synopse.render_text import counts, status, words
from lip_build.pipeline import load_plan

MAX_CHARS = 60_000  # GitHub allows 65,536 characters per comment
_MAX_LISTED = 200


@dataclass(frozen=True)
class Pruefung:
    """A goal whose content changed, and the measures that serve it and must be re-checked."""

    ziel: Element
    gruende: tuple[str, ...]  # "Titel", "Text", "Kennzahlen"
    massnahmen: tuple[Element, ...]


@dataclass(frozen=True)
class Kollision:
    element: Element  # the new item
    basis_pfad: str  # where the ID already exists on the base


@dataclass(frozen=True)
class Feldgruppe:
    code: str
    name: str
    gremium: str | None  # ID of the expert group
    gremium_name: str | None
    geaendert: int  # changed items in the field
    zu_pruefen: int  # measures of the field to re-check


@dataclass(frozen=True)
class Bericht:
    synopse: Synopse
    basis: str  # the base as given, e.g. "origin/main"
    diagnostics: Diagnostics
    dateien: int
    felder: tuple[Feldgruppe, ...]
    pruefungen: tuple[Pruefung, ...]
    kollisionen: tuple[Kollision, ...]
    dateien_geaendert: tuple[str, ...] = ()  # files under content/ and handlungsfelder/ that the PR changes


def _reasons(goal: Element) -> tuple[str, ...]:
    reasons = []
    if any(c.schluessel == "titel" for c in goal.felder):
        reasons.append("Titel")
    if goal.text.geaendert:
        reasons.append("Text")
    if any(c.schluessel.startswith("kennzahlen") for c in goal.felder):
        reasons.append("Kennzahlen")
    return tuple(reasons)


def rechecks(synopse: Synopse) -> tuple[Pruefung, ...]:
    """Measures serving a goal whose title, text or indicators changed (as `lip review` sees it)."""
    found = []
    for goal in synopse.elemente:
        if goal.art != "ziel" or goal.aenderung not in (Aenderung.GEAENDERT, Aenderung.VERSCHOBEN):
            continue
        reasons = _reasons(goal)
        if reasons:
            serving = tuple(e for e in synopse.elemente if e.art == "massnahme" and e.neu and goal.id in e.neu.ziele)
            found.append(Pruefung(goal, reasons, serving))
    return tuple(found)


def _field_groups(synopse: Synopse, checks: tuple[Pruefung, ...]) -> tuple[Feldgruppe, ...]:
    codes = [c for e in synopse.geaendert for c in e.handlungsfelder]
    recheck = {m.id: m for p in checks for m in p.massnahmen}
    codes += [c for m in recheck.values() for c in m.handlungsfelder]
    groups = []
    for code in dict.fromkeys(codes):
        feld = synopse.element("handlungsfeld", code)
        gremium_id = feld.fassung.wert("expertengruppe") if feld else None
        gremium = synopse.element("gremium", gremium_id) if gremium_id else None
        changed = sum(1 for e in synopse.geaendert if code in e.handlungsfelder)
        pending = sum(1 for m in recheck.values() if code in m.handlungsfelder)
        name = feld.titel if feld and feld.titel else code
        groups.append(Feldgruppe(code, name, gremium_id, gremium.titel if gremium else None, changed, pending))
    return tuple(groups)


def build_report(root: Path, base: str, head: str | None = None) -> Bericht:
    head_commit = git.resolve(root, head or "HEAD").hash
    base_commit = git.resolve(root, base).hash
    fork = git.merge_base(root, base_commit, head_commit) or base_commit
    base_docs, base_stand = versions.documents(root, base_commit, base)
    if fork == base_commit:
        old_docs, old_stand = base_docs, base_stand
    else:
        old_docs, old_stand = versions.documents(root, fork, f"{base} beim Abzweig")
    with versions.checkout(root, head) as (folder, head_stand):
        new_docs, _ = versions.documents(folder, None, head_stand.bezeichnung)
        result = load_plan(folder)
    synopse = compare(old_docs, new_docs, old_stand, head_stand)
    taken = {(d.kind.name, d.identifier): d.path for d in base_docs if d.identifier}
    collisions = tuple(
        Kollision(e, taken[(e.art, e.id)])
        for e in synopse.elemente
        if e.aenderung is Aenderung.NEU and e.art in ("ziel", "massnahme") and (e.art, e.id) in taken
    )
    checks = rechecks(synopse)
    touched = sorted(changed_since(root, fork) if head is None else changed_between(root, fork, head_commit))
    return Bericht(
        synopse,
        base,
        result.diagnostics,
        result.files,
        _field_groups(synopse, checks),
        checks,
        collisions,
        tuple(touched),
    )


# --- Markdown ------------------------------------------------------------------------------


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _validation(bericht: Bericht) -> list[str]:
    summary = diagnostics_report.summary(bericht.diagnostics, bericht.dateien)
    out = [
        "### Prüfung",
        f"{'❌' if bericht.diagnostics.has_errors else '⚠️' if len(bericht.diagnostics) else '✅'} {escape(summary)}",
    ]
    if len(bericht.diagnostics):
        items = bericht.diagnostics.items
        lines = "\n".join(d.as_text() for d in items[:_MAX_LISTED])
        if len(items) > _MAX_LISTED:
            lines += f"\n… und {len(items) - _MAX_LISTED} weitere Meldungen (alle: lip validate)"
        out.append(f"<details open><summary>Meldungen</summary>\n\n{_fence(lines)}\n\n</details>")
        out.append("Auf GitHub und GitLab stehen die Meldungen auch direkt an den betroffenen Zeilen der Dateien.")
    return out


def _what(element: Element) -> str:
    if element.aenderung in (Aenderung.NEU, Aenderung.ENTFERNT):
        return ""
    parts = []
    if element.aenderung is Aenderung.VERSCHOBEN and element.bisher and element.neu:
        parts.append(f"Datei verschoben nach `{element.neu.pfad}`")
    if element.felder:
        parts.append("Angaben: " + ", ".join(f"`{c.schluessel}`" for c in element.felder))
    if element.text.geaendert:
        parts.append(words(element))
    return "; ".join(parts)


def _label(element: Element) -> str:
    title = f" „{escape(element.titel, False)}“" if element.titel else ""
    return f"**{escape(element.bezeichnung)}**{title}"


def _changes(bericht: Bericht, details: bool) -> list[str]:
    changed = bericht.synopse.geaendert
    out = [f"### Änderungen am Plan ({len(changed)})"]
    if not changed and bericht.dateien_geaendert:
        files = ", ".join(f"`{escape(path)}`" for path in bericht.dateien_geaendert[:_MAX_LISTED])
        more = (
            f" und {len(bericht.dateien_geaendert) - _MAX_LISTED} weitere"
            if len(bericht.dateien_geaendert) > _MAX_LISTED
            else ""
        )
        return [
            *out,
            "Dieser Pull-Request ändert keine Angaben oder Texte des Plans, aber Dateien in content/ oder "
            f"handlungsfelder/: {files}{more}. Was lip dazu meldet, steht unter „Prüfung“.",
        ]
    if not changed:
        return [*out, "Dieser Pull-Request ändert keine Inhalte des Plans (content/, handlungsfelder/)."]
    out.append(counts(bericht.synopse) + ".")
    listed = changed if details else changed[:_MAX_LISTED]
    lines = [f"- {_label(e)} – {status(e)}{f': {_what(e)}' if _what(e) else ''}" for e in listed]
    if len(listed) < len(changed):
        lines.append(f"- … und {len(changed) - len(listed)} weitere")
    out.append("\n".join(lines))
    if details:
        for element in changed:
            body = render_markdown.element_body(element)
            summary = html.escape(f"{element.bezeichnung}{f' „{element.titel}“' if element.titel else ''}")
            out.append(f"<details><summary>{summary}</summary>\n\n{body}\n\n</details>")
    return out


def _fields(bericht: Bericht) -> list[str]:
    if not bericht.felder:
        return []
    rows = []
    for g in bericht.felder:
        numbers = [
            f"{g.geaendert} geändert" if g.geaendert else "",
            f"{g.zu_pruefen} zu prüfen" if g.zu_pruefen else "",
        ]
        group = f"{escape(g.gremium_name or '–')}{f' (`{g.gremium}`)' if g.gremium else ''}"
        rows.append(f"| {escape(g.name)} ({g.code}) | {group} | {', '.join(filter(None, numbers))} |")
    header = "| Handlungsfeld | Expert\\*innengruppe | Elemente |\n|---|---|---|"
    return ["### Betroffene Handlungsfelder und Expert\\*innengruppen", header + "\n" + "\n".join(rows)]


def _rechecks(bericht: Bericht) -> list[str]:
    out = ["### Zu prüfen"]
    if not bericht.pruefungen:
        return [*out, "Kein Ziel wurde inhaltlich geändert; keine Maßnahme muss neu geprüft werden."]
    for check in bericht.pruefungen:
        why = ", ".join(check.gruende)
        out.append(f"{_label(check.ziel)} wurde geändert ({why}).")
        if not check.massnahmen:
            out.append("Keine Maßnahme dient diesem Ziel.")
            continue
        lines = []
        for measure in check.massnahmen:
            groups = [g for g in bericht.felder if g.code in measure.handlungsfelder]
            where = ", ".join(f"{escape(g.name)}, {escape(g.gremium_name or g.code)}" for g in groups)
            done = " – in diesem Pull-Request bestätigt" if check.ziel.id in confirmed(measure) else ""
            lines.append(f"- {_label(measure)}{f' ({where})' if where else ''}{done}")
        out.append("Passen diese Maßnahmen noch zum geänderten Ziel?\n\n" + "\n".join(lines))
        out.append(
            f"Wenn ja, bestätigt das die Redaktion mit `lip review confirm {check.ziel.id}` (alle) oder "
            "`lip review confirm <ID der Maßnahme>`; bis dahin meldet `lip validate` die Maßnahmen als „zu prüfen“."
        )
    return out


def confirmed(measure: Element) -> tuple[str, ...]:
    """Goals for which the change records a new confirmation (`lip review confirm`) of the measure."""
    return tuple(c.schluessel.split(".", 1)[1] for c in measure.vermerke if "." in c.schluessel and c.neu)


def _confirmations(bericht: Bericht) -> list[str]:
    lines = [
        f"- {_label(e)} passt weiterhin zu {', '.join(confirmed(e))}"
        for e in bericht.synopse.elemente
        if e.art == "massnahme" and e.bisher is not None and confirmed(e)  # a new measure is confirmed anyway
    ]
    if not lines:
        return []
    if len(lines) > _MAX_LISTED:
        lines = [*lines[:_MAX_LISTED], f"- … und {len(lines) - _MAX_LISTED} weitere"]
    intro = "Mit `lip review confirm` wurde bestätigt, dass diese Maßnahmen noch zu ihren Zielen passen:"
    return ["### Bestätigt", intro + "\n\n" + "\n".join(lines)]


def _collisions(bericht: Bericht) -> list[str]:
    if not bericht.kollisionen:
        return []
    out = ["### ⚠️ ID schon vergeben"]
    for hit in bericht.kollisionen:
        out.append(
            f"{_label(hit.element)} ist hier neu, aber die ID **{hit.element.id}** gibt es auf "
            f"`{escape(bericht.basis)}` inzwischen schon (`{hit.basis_pfad}`). Bitte vor dem Zusammenführen eine "
            "freie ID vergeben: Datei umbenennen und `id:` ändern (die nächste freie ID nennt `lip new`, "
            "oder fragen Sie die Redaktion)."
        )
    return out


def render(bericht: Bericht) -> str:
    synopse = bericht.synopse
    head = [
        "## Bericht zum Lokalen Integrationsplan",
        f"**Bisher:** {escape(synopse.bisher.text)}  \n**Neu:** {escape(synopse.neu.text)}",
    ]
    tail = ["<sub>Erstellt mit `lip report`. Hilfe: CONTRIBUTING.md und doku/versionen.md</sub>"]
    sections = _validation(bericht) + _collisions(bericht)
    rest = _fields(bericht) + _rechecks(bericht) + _confirmations(bericht)
    text = "\n\n".join(head + sections + _changes(bericht, True) + rest + tail) + "\n"
    if len(text) <= MAX_CHARS:
        return text
    note = [
        "Die Einzelheiten sind zu lang für einen Kommentar. Vollständig: "
        f"`lip diff {escape(bericht.basis)} --format markdown`"
    ]
    return "\n\n".join(head + sections + _changes(bericht, False) + note + rest + tail) + "\n"
