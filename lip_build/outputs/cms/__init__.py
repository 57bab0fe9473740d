"""The web editor (issue 11): Decap CMS at /admin/ of the site, its forms generated from schema.py.

    fields.py     schema field → Decap CMS field (labels, hints, required flags, patterns, widgets)
    collections   one collection per kind of file (below), in the order of lip_build/load/files.py
    lip-cms.js    the canonical writer (same rules as lip_build/edit/frontmatter.py), the widget for
                  new IDs, the Steckbrief preview; loaded by admin/index.html after Decap CMS
    vendor/       Decap CMS and js-yaml, pinned and checksummed (scripts/cms-bundle.sh, SHA256SUMS)

`lip cms` writes admin/ into a folder of its own choosing; `lip build --site` writes it to site/admin/.
Only admin/index.html loads the editor; no public page refers to it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lip_build import schema as s
from lip_build.atomic import atomic_file, copy_file
from lip_build.errors import BuildError
from lip_build.load.files import FILE_KINDS, FileKind, classify
from lip_build.model.plan import Plan
from lip_build.outputs.cms.fields import FieldConfig, collection_name, fields
from lip_build.view import steckbrief as sb
from lip_build.view.yamlform import NEEDS_QUOTES, WIDTH, Shape, shape_of

HERE = Path(__file__).parent
VENDOR = HERE / "vendor"
STATIC = ("index.html", "lip-cms.js")
ADMIN = "admin"  # the editor's folder in site/
CONFIG = "mkdocs.yml"
BACKENDS = ("gitlab", "github", "forgejo")
FORMAT = "lip"  # the custom format registered by lip-cms.js
BODY: FieldConfig = {
    "name": "body",
    "label": "Text",
    "widget": "markdown",
    "modes": ["raw"],  # the rich-text mode rewrites headings, lists and [[ID]] links
    "required": False,
    "hint": "Markdown: ## Überschrift, - Aufzählung, [[BIL-M03]] verweist auf eine Maßnahme.",
}


@dataclass(frozen=True)
class EditorSettings:
    """The block extra.lip.web_editor of mkdocs.yml: where the plan's repository lives."""

    backend: str  # gitlab, github or forgejo
    repo: str  # "gruppe/projekt"
    branch: str = "main"
    base_url: str | None = None  # own GitLab or Forgejo instance
    api_root: str | None = None
    app_id: str | None = None  # OAuth application (GitLab PKCE, Forgejo)
    open_authoring: bool = False  # GitHub and Forgejo: people without write access work on a fork


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' own tags (!ENV, …) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)

EXAMPLE = (
    "Beispiel in mkdocs.yml:\n  extra:\n    lip:\n      web_editor:\n        backend: gitlab\n"
    '        repo: stadt/integrationsplan\n        base_url: https://gitlab.example.org\n        app_id: "…"'
)


def editor_settings(root: Path) -> EditorSettings | None:
    """The web editor's settings, or None when mkdocs.yml has no block extra.lip.web_editor."""
    path = root / CONFIG
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) if path.is_file() else {}
    except yaml.YAMLError as error:
        raise BuildError(f"{CONFIG} ist kein gültiges YAML: {error}") from None
    block = ((data or {}).get("extra") or {}).get("lip", {}) or {}
    raw = block.get("web_editor") if isinstance(block, dict) else None
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("backend") not in BACKENDS or not isinstance(raw.get("repo"), str):
        raise BuildError(
            f"{CONFIG}: extra.lip.web_editor braucht „backend“ ({', '.join(BACKENDS)}) und „repo“.\n{EXAMPLE}"
        )
    known = {"backend", "repo", "branch", "base_url", "api_root", "app_id", "open_authoring"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise BuildError(f"{CONFIG}: unbekannte Angabe extra.lip.web_editor.{unknown[0]}.\n{EXAMPLE}")
    if raw["backend"] == "gitlab" and not raw.get("app_id"):
        raise BuildError(f"{CONFIG}: Für GitLab braucht extra.lip.web_editor die „app_id“ der OAuth-Anwendung.")
    text = {k: str(v) for k, v in raw.items() if k != "open_authoring" and v is not None}
    return EditorSettings(
        backend=text["backend"],
        repo=text["repo"],
        branch=text.get("branch", "main"),
        base_url=text.get("base_url"),
        api_root=text.get("api_root"),
        app_id=text.get("app_id"),
        open_authoring=bool(raw.get("open_authoring", False)),
    )


def backend(settings: EditorSettings) -> dict[str, Any]:
    config: dict[str, Any] = {"name": settings.backend, "repo": settings.repo, "branch": settings.branch}
    if settings.backend == "gitlab":
        config.update(auth_type="pkce", app_id=settings.app_id)
    elif settings.app_id:
        config["app_id"] = settings.app_id
    if settings.base_url:
        config["base_url"] = settings.base_url
        if settings.backend == "gitlab":
            config["auth_endpoint"] = "oauth/authorize"
    if settings.api_root:
        config["api_root"] = settings.api_root
    if settings.open_authoring and settings.backend in ("github", "forgejo"):
        config["open_authoring"] = True
    config["squash_merges"] = False
    return config


# --- collections -------------------------------------------------------------------------------


def _kind(name: str) -> FileKind:
    return next(k for k in FILE_KINDS if k.name == name)


def _folder(kind: FileKind, ordner: str | None = None) -> str:
    glob = kind.glob.replace("/*/", f"/{ordner}/", 1) if ordner else kind.glob
    return glob.rsplit("/", 1)[0]


def _common(label: str, singular: str) -> dict[str, Any]:
    return {"label": label, "label_singular": singular, "format": FORMAT, "extension": "md"}


def collections(plan: Plan) -> list[dict[str, Any]]:
    """Every kind of file as a collection; measures and goals once per Handlungsfeld folder."""
    out: list[dict[str, Any]] = []
    for feld in plan.handlungsfelder:
        own = {"handlungsfeld": feld.code}
        for name, letter in (("massnahme", "M"), ("ziel", "Z")):
            kind = _kind(name)
            k = s.KINDS[name]
            out.append(
                {
                    "name": collection_name(name, feld.ordner),
                    **_common(f"{k.plural}: {feld.name}", k.label),
                    "folder": _folder(kind, feld.ordner),
                    "create": True,
                    # Decap lowercases every value it puts into a file name, but not the template's own
                    # text: the field code stays upper case, the number comes from lip-cms.js.
                    "slug": f"{feld.code}-{letter}{{{{fields.lip_nummer}}}}",
                    "identifier_field": "titel",
                    "summary": "{{fields.id}} – {{fields.titel}}",
                    "sortable_fields": ["id", "titel"],
                    "fields": [*fields(kind.spec, plan, own), BODY],
                }
            )
    out.append(
        {
            "name": "handlungsfelder",
            "label": s.KINDS["handlungsfeld"].plural,
            "label_singular": s.KINDS["handlungsfeld"].label,
            "format": FORMAT,
            "files": [
                {
                    "name": feld.ordner,
                    "label": feld.name,
                    "file": _kind("handlungsfeld").glob.replace("*", feld.ordner),
                    "fields": [*fields(s.HANDLUNGSFELD, plan), BODY],
                }
                for feld in plan.handlungsfelder
            ],
        }
    )
    for name, label, singular, shown in (
        ("gremium", "Gremien", "Gremium", "name"),
        ("zielgruppe", "Zielgruppen", "Zielgruppe", "name"),
        ("querschnittsthema", "Querschnittsthemen", "Querschnittsthema", "name"),
        ("sitzung", "Sitzungen", "Sitzung", "titel"),
        ("stellungnahme", "Stellungnahmen", "Stellungnahme", "titel"),
    ):
        kind = _kind(name)
        out.append(
            {
                "name": label.lower(),
                **_common(label, singular),
                "folder": _folder(kind),
                "create": True,
                "slug": "{{fields.id}}",  # these IDs are lower case: the file name equals the ID
                "identifier_field": shown,
                "summary": "{{fields." + shown + "}} ({{fields.id}})",
                "fields": [*fields(kind.spec, plan), BODY],
            }
        )
    kapitel = _kind("kapitel")
    out.append(
        {
            "name": "kapitel",
            **_common("Kapitel des Plans", "Kapitel"),
            "folder": _folder(kapitel),
            "create": False,  # new chapters need a file name with their place (01-…): in Git
            "identifier_field": "titel",
            "sortable_fields": ["reihenfolge", "titel"],
            "fields": [*fields(kapitel.spec, plan), BODY],
        }
    )
    files = [k for k in FILE_KINDS if "*" not in k.glob]
    out.append(
        {
            "name": "plan",
            "label": "Plan, Drucksache und Verzeichnisse",
            "label_singular": "Datei",
            "format": FORMAT,
            "files": [
                {
                    "name": k.name,
                    "label": _FILE_LABELS.get(k.name, k.name),
                    "file": k.glob,
                    "fields": [*fields(k.spec, plan), BODY],
                }
                for k in files
            ],
        }
    )
    return out


_FILE_LABELS = {
    "plan": "Plan (Titel, Stand, Vorwort)",
    "drucksache": "Ratsdrucksache",
    "organisationseinheiten": "Organisationseinheiten",
    "glossar": "Glossar",
    "zeitleiste": "Zeitleiste",
    "leichte_sprache": "Leichte Sprache",
}


# Without extra.lip.web_editor in mkdocs.yml the editor works only with `decap-server` on the same computer.
LOCAL_ONLY = {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"}


def config(plan: Plan, settings: EditorSettings | None, site_url: str | None = None) -> dict[str, Any]:
    """The complete configuration of Decap CMS (admin/config.yml)."""
    out: dict[str, Any] = {
        "locale": "de",
        "backend": backend(settings)
        if settings
        else {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"},
        "local_backend": True,  # `decap-server` on this computer (doku/web-editor.md), else the backend above
        "publish_mode": "editorial_workflow",
        "media_folder": "content/bilder",
        "public_folder": "bilder",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": True},
        "collections": collections(plan),
    }
    if site_url:
        out["site_url"] = out["display_url"] = site_url
    return out


# --- what lip-cms.js needs to know -----------------------------------------------------------------


def _shape(shape: Shape) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if shape.quoted:
        out["quoted"] = True
    if shape.quoted_if:
        out["quoted_if"] = shape.quoted_if
    if shape.date:
        out["date"] = True
    if shape.fields is not None:
        out["fields"] = [[key, required, _shape(inner)] for key, required, inner in shape.fields]
    if shape.item is not None:
        out["item"] = _shape(shape.item)
    return out


def editor_data(plan: Plan, collection_list: list[dict[str, Any]]) -> dict[str, Any]:
    """The data lip-cms.js works with: the writer's rules and shapes, used IDs, names for the preview."""
    shapes = {name: _shape(shape_of(spec)) for name, spec in s.SPECS.items()}
    kennung: dict[str, Any] = {}
    for c in collection_list:
        kind = classify(f"{c['folder']}/X.md") if "folder" in c else None
        if kind is not None and kind.name in ("ziel", "massnahme"):
            prefix = c["slug"].split("{", 1)[0]  # "BIL-M"
            used = [x.id for x in (plan.ziele if kind.name == "ziel" else plan.massnahmen)]
            kennung[c["name"]] = {"prefix": prefix, "used": sorted(u for u in used if u.startswith(prefix))}
    massnahme = s.MASSNAHME
    labels = {key: f.label for key, f in s.walk(massnahme)}
    return {
        "width": WIDTH,
        "needs_quotes": list(NEEDS_QUOTES),
        "shapes": shapes,
        "kennung": kennung,
        "preview": {
            "title": sb.STECKBRIEF,
            "labels": labels,
            "rows": [
                "handlungsfeld",
                "federfuehrung",
                "partner",
                "zielgruppen",
                "querschnittsthemen",
                "zeitraum",
                "kosten",
                "antragsberechtigt",
                "herkunft",
                "entscheidung",
                "umsetzung",
                "kontakt",
            ],
            "keine_kosten": sb.KEINE_KOSTEN,
            "antrag_ja": sb.ANTRAG_JA,
            "antrag_nein": sb.ANTRAG_NEIN,
            "stand": sb.field_label("massnahme", "umsetzung.stand"),
            "kosten_art": dict(s.KOSTEN_ART.options),
            "entscheidung": dict(s.ENTSCHEIDUNG_STATUS.options),
            "umsetzung": dict(s.UMSETZUNG_STATUS.options),
            "handlungsfelder": {h.code: f"{plan.nummer(h.code)} {h.name}" for h in plan.handlungsfelder},
            "oe": {o.oe: o.name for o in plan.organisationseinheiten},
            "gremien": {g.id: g.name for g in plan.gremien},
            "zielgruppen": {z.id: z.name for z in plan.zielgruppen},
            "querschnittsthemen": {t.id: t.name for t in plan.querschnittsthemen},
        },
    }


def vendored() -> dict[str, Path]:
    """The files of the pinned bundle, checked against vendor/SHA256SUMS."""
    sums = VENDOR / "SHA256SUMS"
    if not sums.is_file():
        raise BuildError("Der Web-Editor fehlt in lip (lip_build/outputs/cms/vendor/); siehe scripts/cms-bundle.sh.")
    files: dict[str, Path] = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        path = VENDOR / name.lstrip("*")
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise BuildError(f"Die Datei {name} des Web-Editors fehlt oder ist verändert (Prüfsumme stimmt nicht).")
        files[name.lstrip("*")] = path
    return files


_LAST_YAML: list[tuple[dict[str, Any], str]] = []  # the last configuration written and its YAML text


def _config_yaml(data: dict[str, Any]) -> str:
    """The configuration as YAML; the same configuration as last time is not dumped again (lip serve writes
    it with every rebuild, and dumping the forms of every kind of file takes most of a second)."""
    if _LAST_YAML and _LAST_YAML[0][0] == data:
        return _LAST_YAML[0][1]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    _LAST_YAML[:] = [(data, text)]
    return text


def write_admin(root: Path, plan: Plan, target: Path) -> list[Path]:
    """Write the web editor into `target` (site/admin): page, configuration, scripts. Returns the files."""
    settings = editor_settings(root)
    site_url = _site_url(root)
    collection_list = collections(plan)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    text = _config_yaml(config(plan, settings, site_url))
    header = "# Erzeugt von lip aus lip_build/schema.py (lip cms); nicht von Hand ändern.\n"
    atomic_file(target / "config.yml", header + text)
    written.append(target / "config.yml")
    data = json.dumps(editor_data(plan, collection_list), ensure_ascii=False, sort_keys=True)
    atomic_file(target / "lip-daten.js", f"window.LIP_CMS = {data};\n")
    written.append(target / "lip-daten.js")
    for name in STATIC:
        copy_file(HERE / name, target / name)
        written.append(target / name)
    for name, path in vendored().items():
        copy_file(path, target / "vendor" / name)
        written.append(target / "vendor" / name)
    return written


def _site_url(root: Path) -> str | None:
    path = root / CONFIG
    if not path.is_file():
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError:
        return None
    url = data.get("site_url")
    return str(url) if url else None
