"""Printing diagnostics: text for people, JSON for tools, annotations for GitHub."""

from __future__ import annotations

import hashlib
import json

from lip_build.diagnostics import Diagnostic, Diagnostics, Severity

FORMATS = ("text", "json", "github", "gitlab")


def summary(diagnostics: Diagnostics, files: int) -> str:
    errors, warnings = diagnostics.count(Severity.ERROR), diagnostics.count(Severity.WARNING)
    if not errors and not warnings:
        return f"Keine Probleme gefunden ({files} Dateien geprüft)."
    parts = []
    if errors:
        parts.append(f"{errors} Fehler")
    if warnings:
        parts.append(f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}")
    affected = len({d.path for d in diagnostics.items})
    return (
        f"{' und '.join(parts)} in {affected} {'Datei' if affected == 1 else 'Dateien'} "
        f"({files} Dateien geprüft). Erklärungen zu jedem Code: doku/diagnosen.md"
    )


def as_text(diagnostics: Diagnostics, files: int) -> str:
    lines = [d.as_text() for d in diagnostics.items]
    lines.append(summary(diagnostics, files))
    return "\n".join(lines)


def as_json(diagnostics: Diagnostics, files: int) -> str:
    return json.dumps(
        {
            "dateien": files,
            "fehler": diagnostics.count(Severity.ERROR),
            "warnungen": diagnostics.count(Severity.WARNING),
            "befunde": [
                {
                    "code": d.code,
                    "schwere": d.severity.value,
                    "titel": d.title,
                    "pfad": d.path,
                    "zeile": d.line,
                    "spalte": d.column,
                    "meldung": d.message,
                }
                for d in diagnostics.items
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_line(d: Diagnostic) -> str:
    level = "error" if d.severity is Severity.ERROR else "warning"
    props = ",".join(
        f"{k}={_escape_property(str(v))}"
        for k, v in (("file", d.path), ("line", d.line), ("col", d.column), ("title", f"{d.code} {d.title}"))
    )
    return f"::{level} {props}::{_escape_data(d.message)}"


def as_github(diagnostics: Diagnostics, files: int) -> str:
    lines = [_github_line(d) for d in diagnostics.items]
    lines.append(summary(diagnostics, files))
    return "\n".join(lines)


def as_gitlab(diagnostics: Diagnostics, files: int) -> str:
    """GitLab Code Quality report (a JSON list), shown on the merge request's changed lines."""
    issues = []
    for d in diagnostics.items:
        identity = f"{d.code}:{d.path}:{d.line}:{d.column}:{d.message}"
        issues.append(
            {
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
                "severity": "major" if d.severity is Severity.ERROR else "minor",
                "location": {"path": d.path, "lines": {"begin": d.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def render(fmt: str, diagnostics: Diagnostics, files: int) -> str:
    return {"text": as_text, "json": as_json, "github": as_github, "gitlab": as_gitlab}[fmt](diagnostics, files)
