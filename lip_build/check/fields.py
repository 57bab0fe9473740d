"""Checking a front matter tree against its declaration in schema.py.

The result holds plain Python values for every field that passed, plus the identifiers
the file defines and references, each with its position, for the plan-wide checks.
A field that fails is left out of the values and reported; it never stops the check.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from lip_build import schema as s
from lip_build.check.suggest import did_you_mean
from lip_build.codes import LIP201, LIP202, LIP203, LIP204, LIP205, LIP207, LIP208, LIP209, Code
from lip_build.diagnostics import Diagnostics, Severity
from lip_build.load.yamltree import Pos, YMap, YNode, YScalar, YSeq, core_value, describe, is_null

_INVALID = object()


class Mention(NamedTuple):  # a plan has tens of thousands of these
    """An identifier defined (Key) or referenced (Ref) at a position in a file."""

    kind: str
    value: str
    path: str
    pos: Pos
    key: str  # the field, e.g. "ziele" or "entscheidung.gremium"


@dataclass
class Checked:
    values: dict[str, Any]
    definitions: list[Mention] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)
    broken: bool = False  # the field check reported an error: the file does not become a record


class FieldChecker:
    def __init__(self, path: str, diagnostics: Diagnostics) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.result = Checked({})

    def check(self, spec: s.Obj, node: YMap) -> Checked:
        self.result.values = self._object(spec, node, "")
        return self.result

    # -- reporting --------------------------------------------------------------------

    def _report(self, code: Code, pos: Pos, /, variant: str = "", **values: object) -> None:
        self.diagnostics.add(code, self.path, pos.line, pos.column, variant=variant, **values)
        if code.severity is Severity.ERROR:
            self.result.broken = True

    # -- structure --------------------------------------------------------------------

    def _object(self, spec: s.Obj, node: YMap, prefix: str) -> dict[str, Any]:
        values: dict[str, Any] = {}
        entries = node.entries
        allowed = _keys(spec)
        if not entries.keys() <= allowed:
            names = [f.key for f in spec.fields]
            for key, entry in entries.items():
                if key not in allowed:
                    self._report(
                        LIP201,
                        entry.key_pos,
                        schluessel=prefix + key,
                        vorschlag=did_you_mean(key, names),
                        erlaubt=", ".join(names),
                    )
        for f in spec.fields:
            found = entries.get(f.key)
            label = prefix + f.key
            if found is None or _is_empty(found.value):
                if f.required:
                    where = found.key_pos if found else node.pos
                    self._report(LIP202, where, "leer" if found else "", feld=label, schluessel=f.key, hilfe=f.help)
                continue
            value = self._value(f.type, found.value, label)
            if value is not _INVALID:
                values[f.key] = value
        return values

    def _value(self, t: s.FieldType, node: YNode, label: str) -> Any:
        kind = type(t)
        if type(node) is YScalar and kind in _SIMPLE:  # the common case first: one value of a simple type
            return self._scalar(t, node, label)
        if kind is s.Obj:
            assert isinstance(t, s.Obj)
            if not isinstance(node, YMap):
                return self._wrong(node, label, "eingerückte Angaben der Form „schluessel: Wert“")
            return self._object(t, node, label + ".")
        if isinstance(t, s.ListOf):
            return self._list(t, node, label)
        if isinstance(t, s.MapOf):
            return self._map(t, node, label)
        if not isinstance(node, YScalar):
            return self._wrong(node, label, _expected(t))
        return self._scalar(t, node, label)

    def _list(self, t: s.ListOf, node: YNode, label: str) -> Any:
        if isinstance(node, YScalar) and not isinstance(t.item, s.Obj):
            node = YSeq([node], node.pos)  # a single value where a list is allowed: accept it
        if not isinstance(node, YSeq):
            return self._wrong(node, label, "eine Liste")
        if len(node.items) < t.min_items:
            self._report(LIP202, node.pos, "liste", feld=label, anzahl=t.min_items)
            return _INVALID
        values = []
        seen: dict[str, int] = {}
        for index, item in enumerate(node.items):
            value = self._value(t.item, item, f"{label}[{index + 1}]")
            if value is _INVALID:
                continue
            if isinstance(value, str):
                if value in seen:
                    self._report(LIP209, _pos(item), wert=value, feld=label, erster=seen[value])
                    continue
                seen[value] = index + 1
            values.append(value)
        return values

    def _map(self, t: s.MapOf, node: YNode, label: str) -> Any:
        if not isinstance(node, YMap):
            return self._wrong(node, label, "eingerückte Zeilen der Form „ID: Wert“")
        values = {}
        for key, entry in node.entries.items():
            identifier = self._identifier(t.key, YScalar(key, entry.key_pos), label)  # keys are text
            value = self._value(t.value, entry.value, f"{label}.{key}")
            if identifier is not _INVALID and value is not _INVALID:
                values[identifier] = value
        return values

    # -- scalars ----------------------------------------------------------------------

    def _scalar(self, t: s.FieldType, node: YScalar, label: str) -> Any:
        """One scalar, read as the schema expects it: text as written, numbers, true/false and dates
        only from plain scalars, under the YAML 1.2 core schema (load/yamltree.core_value)."""
        kind = type(t)
        if kind is s.Text:
            if not node.plain or type(core_value(node)) is str:
                return node.text.strip()
            return self._wrong(node, label, "ein Text", "anfuehrungszeichen")
        if kind is s.Ref or kind is s.Key:
            assert isinstance(t, (s.Key, s.Ref))
            return self._identifier(t, node, label)
        if kind is s.Boolean:
            return self._boolean(node, label)
        if kind is s.Integer:
            assert isinstance(t, s.Integer)
            value = core_value(node)
            if type(value) is not int:
                return self._wrong(node, label, "eine ganze Zahl")
            if not t.minimum <= value <= t.maximum:
                self._report(LIP207, node.pos, feld=label, wert=node.text, minimum=t.minimum, maximum=t.maximum)
                return _INVALID
            return value
        if kind is s.Number:
            assert isinstance(t, s.Number)
            return self._number(t, node, label)
        if kind is s.Date:
            return self._date(node, label)
        if kind is s.Choice:
            assert isinstance(t, s.Choice)
            return self._choice(t, node, label)
        if isinstance(t, s.Pattern):
            text = self._text_of(node, label, f"eine {t.what}", t.example)
            if text is None:
                return _INVALID
            if not t.regex.match(text):
                self._report(LIP208, node.pos, wert=text, feld=label, was=t.what, beispiel=t.example)
                return _INVALID
            return text
        if isinstance(t, s.Partner):
            text = self._text_of(node, label, "eine OE-Nummer oder ein Name", "50.60")
            if text is None:
                return _INVALID
            if s.KINDS["oe"].pattern.match(text):
                self.result.references.append(Mention("oe", text, self.path, node.pos, label))
            return text
        raise TypeError(f"unknown field type {t!r}")  # pragma: no cover - schema is static

    def _text_of(self, node: YScalar, label: str, what: str, example: str) -> str | None:
        """The text of a scalar that must be text (IDs, OE numbers, patterns); a plain number is refused,
        with the quoted form of exactly what was written (40 → "40"; YAML would drop zeros of 50.60)."""
        value = core_value(node)
        if type(value) is str:
            return node.text.strip()
        if type(value) in (int, float):
            self._report(
                LIP203,
                node.pos,
                "zahl_statt_text",
                feld=label,
                wert=node.text,
                erwartet=what,
                schluessel=label.split("[")[0].split(".")[-1],
                beispiel=node.text,
            )
            return None
        self._wrong(node, label, what)
        return None

    def _identifier(self, t: s.Key | s.Ref, node: YScalar, label: str) -> Any:
        kind = s.KINDS[t.kind]
        text = self._text_of(node, label, f"eine ID ({kind.label})", kind.example)
        if text is None:
            return _INVALID
        if not kind.pattern.match(text):
            code = kind.bad_format_code
            variant, hint = ("id", {}) if code is LIP208 else _id_hint(kind, text)
            self._report(code, node.pos, variant, wert=text, feld=label, art=kind.label, beispiel=kind.example, **hint)
            return _INVALID
        target = self.result.definitions if type(t) is s.Key else self.result.references
        target.append(_new(Mention, (t.kind, text, self.path, node.pos, label)))
        return text

    def _boolean(self, node: YScalar, label: str) -> Any:
        value = core_value(node)
        if type(value) is bool:
            return value
        if node.plain and node.text.strip().lower() in _YES_NO:
            meant = "true" if _YES_NO[node.text.strip().lower()] else "false"
            self._report(LIP203, node.pos, "ja_nein", feld=label, wert=node.text, vorschlag=meant)
            return _INVALID
        return self._wrong(node, label, "true oder false")

    def _number(self, t: s.Number, node: YScalar, label: str) -> Any:
        value = core_value(node)
        text = node.text.strip()
        if t.euro and node.plain and _THOUSANDS.fullmatch(text):  # 95.000 is 95000 €, never 95,0 €
            read = f"{float(text):g}".replace(".", ",")
            self._report(
                LIP203, node.pos, "tausenderpunkt", feld=label, wert=text, gelesen=read, vorschlag=text.replace(".", "")
            )
            return _INVALID
        if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
            meant = _german_amount(text) if t.euro else None
            if meant is not None:
                self._report(LIP203, node.pos, "betrag", feld=label, wert=text, vorschlag=meant)
                return _INVALID
            return self._wrong(node, label, "eine Zahl", "zahl")
        assert isinstance(value, (int, float))
        if t.minimum is not None and value < t.minimum:
            self._report(LIP207, node.pos, "negativ", feld=label, wert=text)
            return _INVALID
        return value

    def _date(self, node: YScalar, label: str) -> Any:
        text = node.text.strip()
        match = _TIMESTAMP.fullmatch(text)
        if match and node.plain:
            year, month, day = (int(part) for part in match.groups() if part is not None)
            try:
                return dt.date(year, month, day)
            except ValueError:
                self._report(LIP204, node.pos, "kein_tag", wert=text, feld=label)
                return _INVALID
        if match and not is_null(node):
            self._report(
                LIP204, node.pos, "zitiert", wert=text, feld=label, schluessel=label.rsplit(".", 1)[-1], datum=text
            )
            return _INVALID
        german = _GERMAN_DATE.fullmatch(text)
        if german is None:
            self._report(LIP204, node.pos, wert=text, feld=label)
            return _INVALID
        day, month, year = (int(part) for part in german.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:  # 31.02.2025: no "corrected" day that does not exist
            self._report(LIP204, node.pos, "kein_tag", wert=text, feld=label)
            return _INVALID
        self._report(LIP204, node.pos, "deutsch", wert=text, feld=label, iso=iso)
        return _INVALID

    def _choice(self, t: s.Choice, node: YScalar, label: str) -> Any:
        text = node.text.strip()
        if text in t.values:
            return text
        self._report(
            LIP205, node.pos, wert=text, feld=label, vorschlag=did_you_mean(text, t.values), erlaubt=", ".join(t.values)
        )
        return _INVALID

    def _wrong(self, node: YNode, label: str, expected: str, variant: str = "") -> Any:
        """LIP203; the hint of `variant` ("anfuehrungszeichen", "zahl") only for a single value."""
        if variant == "anfuehrungszeichen" and not isinstance(node, YScalar):
            variant = ""
        self._report(LIP203, _pos(node), variant, feld=label, gefunden=describe(node), erwartet=expected)
        return _INVALID


_new = tuple.__new__
# Field types whose value is one scalar (everything but objects, lists and mappings).
_SIMPLE = frozenset({s.Text, s.Integer, s.Number, s.Boolean, s.Date, s.Choice, s.Pattern, s.Key, s.Ref, s.Partner})
_KEYS: dict[int, frozenset[str]] = {}


def _keys(spec: s.Obj) -> frozenset[str]:
    """The keys an object allows, computed once per object of the schema (which never changes)."""
    found = _KEYS.get(id(spec))
    if found is None:
        found = _KEYS[id(spec)] = frozenset(f.key for f in spec.fields)
    return found


def _pos(node: YNode) -> Pos:
    return node.pos


def _is_empty(node: YNode) -> bool:
    if type(node) is YScalar:
        return is_null(node) or not node.text.strip()
    if isinstance(node, YSeq):
        return not node.items
    return False


def _expected(t: s.FieldType) -> str:
    names = {
        s.Text: "ein Text",
        s.Integer: "eine ganze Zahl",
        s.Number: "eine Zahl",
        s.Boolean: "true oder false",
        s.Date: "ein Datum (JJJJ-MM-TT)",
        s.Choice: "ein einzelner Wert",
        s.Pattern: "ein einzelner Wert",
        s.Key: "eine ID",
        s.Ref: "eine ID",
        s.Partner: "ein Text",
    }
    return names.get(type(t), "ein einzelner Wert")


# A date as YAML 1.1 wrote timestamps (JJJJ-MM-TT, optionally with a time, which is ignored).
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)
_GERMAN_DATE = re.compile(r"([0-9]{1,2})\.\s*([0-9]{1,2})\.\s*([0-9]{4})")  # 26.11.2026
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")  # 95.000, 1.250.000
_YES_NO = {"yes": True, "y": True, "on": True, "ja": True, "no": False, "n": False, "off": False, "nein": False}
_CURRENCY = re.compile(r"\s*(?:€|EUR|Euro)\s*$|^\s*(?:€|EUR)\s*", re.IGNORECASE)
_GERMAN_AMOUNT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?")


def _german_amount(text: str) -> str | None:
    """The amount meant by a German way of writing it (1.250,50 €, 95 000, 12,5), as lip wants it; else None."""
    bare = _CURRENCY.sub("", text).replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    if not _GERMAN_AMOUNT.fullmatch(bare):
        return None
    euros, _, cents = bare.replace(".", "").partition(",")
    return f"{euros}.{cents}" if cents else euros


def _id_hint(kind: s.Kind, text: str) -> tuple[str, dict[str, str]]:
    """The variant of LIP206 that helps with a malformed ID, and its extra values."""
    if kind.name in ("ziel", "massnahme"):
        upper = text.upper().replace("_", "-").replace(" ", "-")
        if kind.pattern.match(upper):
            return "grossschreibung", {"vorschlag": upper}
        head, _, number = upper.rpartition("-")
        if number[:1] in "ZM" and number[1:].isdigit() and len(number) == 2:
            return "zweistellig", {"vorschlag": f"{head}-{number[0]}0{number[1:]}"}
    if kind.pattern.pattern == s.KINDS["gremium"].pattern.pattern:
        return "kleinbuchstaben", {}
    return "", {}
