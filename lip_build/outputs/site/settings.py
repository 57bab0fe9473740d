"""What editors configure for the site in mkdocs.yml (`site_name` and the block `extra.lip`).

Read with plain YAML, without MkDocs, so that the page tree does not depend on the engine.
Missing or malformed entries end in a BuildError that names the key and shows an example.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from lip_build.codes import LIP106
from lip_build.errors import BuildError
from lip_build.load.yamltree import explain_syntax_error
from lip_build.memo import Memo

CONFIG = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' own tags (!ENV, !!python/name:…) as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class Stelle:
    """An office with its contact data (never a person's name)."""

    name: str
    anschrift: tuple[str, ...]
    email: str
    telefon: str | None = None
    web: str | None = None


@dataclass(frozen=True)
class SiteSettings:
    site_name: str
    stadt: str
    anbieterin: Stelle  # Impressum: who publishes the site
    vertreten_durch: str
    verantwortlich: str  # responsible for the content
    kontakt: Stelle  # feedback on content and accessibility
    datenschutzbeauftragte: Stelle
    aufsichtsbehoerde: Stelle
    hosting: str
    barrierefreiheit_stand: dt.date
    vereinbarkeit: str  # "vollständig" or "teilweise"
    nicht_barrierefrei: tuple[str, ...]
    schlichtungsstelle: Stelle
    aenderungen: bool = True  # the page "Änderungen seit Version …" (extra.lip.aenderungen_seit: false turns it off)
    aenderungen_seit: str | None = None  # the version to compare with; None: the last tag before this one
    site_url: str | None = None  # where the site is published, ending in "/"; None: not given (no OParl)


class _Reader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def fail(self, key: str, what: str) -> BuildError:
        return BuildError(
            f"{CONFIG}: Der Eintrag „{key}“ {what}. Die Website braucht ihn für Impressum, "
            "Datenschutzerklärung und Erklärung zur Barrierefreiheit; ein vollständiges Beispiel steht in "
            "doku/website.md."
        )

    def get(self, key: str) -> Any:
        value: Any = self.data
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise self.fail(key, "fehlt")
            value = value[part]
        return value

    def text(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value).strip():
            raise self.fail(key, "muss ein Text sein")
        return str(value).strip()

    def optional(self, key: str) -> str | None:
        try:
            return self.text(key)
        except BuildError:
            return None

    def lines(self, key: str) -> tuple[str, ...]:
        value = self.get(key)
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "muss eine Liste von Texten sein")
        return tuple(value)

    def stelle(self, key: str) -> Stelle:
        return Stelle(
            name=self.text(f"{key}.name"),
            anschrift=self.lines(f"{key}.anschrift"),
            email=self.text(f"{key}.email"),
            telefon=self.optional(f"{key}.telefon"),
            web=self.optional(f"{key}.web"),
        )

    def date(self, key: str) -> dt.date:
        value = self.get(key)
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(key, "muss ein Datum der Form 2026-11-26 sein") from None


def read_config(root: Path) -> dict[str, Any]:
    return _parse(_config_text(root))


def _config_text(root: Path) -> str:
    path = root / CONFIG
    if not path.is_file():
        raise BuildError(
            f"{CONFIG} fehlt im Ordner des Plans ({root}). Diese Datei stellt die Website ein; "
            "kopieren Sie sie aus dem Repository des Plans."
        )
    return path.read_text(encoding="utf-8")


def _parse(text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        line, column, wording = explain_syntax_error(error, text)
        variant = wording.pop("variant", "")
        problem = LIP106.format(variant, **wording)
        raise BuildError(f"{CONFIG}:{line + 1}:{column}: Die Datei ist kein gültiges YAML. {problem}") from None
    if not isinstance(data, dict):
        raise BuildError(f"{CONFIG}: Die Datei muss Einträge der Form „schlüssel: wert“ enthalten.")
    return data


def _aenderungen_seit(reader: _Reader) -> tuple[bool, str | None]:
    """extra.lip.aenderungen_seit: missing (automatic), false (no page), or a tag or commit."""
    lip = reader.get("extra.lip")
    if not isinstance(lip, dict) or lip.get("aenderungen_seit") is None:
        return True, None
    value = lip["aenderungen_seit"]
    if value is False:
        return False, None
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise BuildError(
            f"{CONFIG}: Der Eintrag „extra.lip.aenderungen_seit“ muss eine Version sein, mit der die Seite "
            "„Änderungen seit …“ vergleicht – ein Tag wie „v2.0“ oder ein Commit in Anführungszeichen wie "
            '„"a1b2c3d"“ –, oder false für keine solche Seite. Ohne den Eintrag vergleicht lip mit dem letzten Tag.'
        )
    return True, str(value).strip()


def _site_url(data: dict[str, Any]) -> str | None:
    """site_url: missing, or an http(s) address; the trailing "/" is added as MkDocs does."""
    value = data.get("site_url")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    parts = urlsplit(text)
    web = parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.query and not parts.fragment
    if not isinstance(value, str) or not web:
        raise BuildError(
            f"{CONFIG}: Der Eintrag „site_url“ muss die Adresse der veröffentlichten Website sein, "
            f"etwa „site_url: https://integrationsplan.hannover.de/“ (gefunden: „{text}“)."
        )
    return text if text.endswith("/") else f"{text}/"


def load_settings(root: Path) -> SiteSettings:
    text = _config_text(root)
    return _SETTINGS.get(text, lambda: _settings(_parse(text)))


_SETTINGS: Memo[str, SiteSettings] = Memo()  # by the text of mkdocs.yml: read by every step of a build


def _settings(config: dict[str, Any]) -> SiteSettings:
    reader = _Reader(config)
    vereinbarkeit = reader.text("extra.lip.barrierefreiheit.vereinbarkeit")
    if vereinbarkeit not in ("vollständig", "teilweise"):
        raise reader.fail("extra.lip.barrierefreiheit.vereinbarkeit", "muss „vollständig“ oder „teilweise“ sein")
    aenderungen, aenderungen_seit = _aenderungen_seit(reader)
    return SiteSettings(
        site_name=reader.text("site_name"),
        stadt=reader.text("extra.lip.stadt"),
        anbieterin=reader.stelle("extra.lip.impressum.anbieterin"),
        vertreten_durch=reader.text("extra.lip.impressum.vertreten_durch"),
        verantwortlich=reader.text("extra.lip.impressum.verantwortlich"),
        kontakt=reader.stelle("extra.lip.kontakt"),
        datenschutzbeauftragte=reader.stelle("extra.lip.datenschutz.beauftragte"),
        aufsichtsbehoerde=reader.stelle("extra.lip.datenschutz.aufsichtsbehoerde"),
        hosting=reader.text("extra.lip.datenschutz.hosting"),
        barrierefreiheit_stand=reader.date("extra.lip.barrierefreiheit.stand"),
        vereinbarkeit=vereinbarkeit,
        nicht_barrierefrei=reader.lines("extra.lip.barrierefreiheit.nicht_barrierefrei")
        if "nicht_barrierefrei" in (reader.get("extra.lip.barrierefreiheit") or {})
        else (),
        schlichtungsstelle=reader.stelle("extra.lip.barrierefreiheit.schlichtungsstelle"),
        aenderungen=aenderungen,
        aenderungen_seit=aenderungen_seit,
        site_url=_site_url(config),
    )
