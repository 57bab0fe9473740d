"""Checking a front matter tree against its declaration in schema.py.

The check walks libyaml's node tree directly (no copy of it is built on the hot path); the
result holds plain Python values for every field that passed, plus the identifiers the file
defines and references, each with its position, for the plan-wide checks. A field that fails
is left out of the values and reported; it never stops the check.

How a value is checked is chosen once per field of the schema (`_check_of`), not again for every
value: at 5,000 measures the check visits 190,000 values. The two hot paths (texts, IDs) take the
common valid case directly and hand everything else to the general methods
(tests/test_field_fast_paths.py shows that both decide alike); a choice is one set lookup.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from lip_build import schema as s
from lip_build.check.suggest import did_you_mean
from lip_build.codes import LIP107, LIP201, LIP202, LIP203, LIP204, LIP205, LIP206, LIP207, LIP208, LIP209, LIP211, Code
from lip_build.diagnostics import Diagnostics, Severity
from lip_build.load.yamltree import NULLS, TYPING_TAGS, Front, Pos, describe, is_plain, scalar_value, to_tree

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


_Scalar = yaml.ScalarNode
_Sequence = yaml.SequenceNode
_Mapping = yaml.MappingNode
_Entries = dict[str, tuple[yaml.Node, yaml.Node]]  # key → (key node, value node)


class FieldChecker:
    def __init__(self, path: str, diagnostics: Diagnostics) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.result = Checked({})
        self.offset = 0

    def check(self, spec: s.Obj, front: Front) -> Checked:
        self.offset = front.line_offset
        assert isinstance(front.node, yaml.MappingNode), "load/source.py only passes mappings"
        self.result.values = self._object(_compiled(spec), front.node, "")
        return self.result

    # -- reporting --------------------------------------------------------------------

    def _pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return _new(Pos, (mark.line + self.offset, mark.column + 1))

    def _report(self, code: Code, node: yaml.Node, /, variant: str = "", **values: object) -> None:
        pos = self._pos(node)
        wert = values.get("wert")
        quoted = _TYPOGRAPHIC.match(wert) if code in _EXPLAINED_BY_QUOTES and isinstance(wert, str) else None
        if quoted:  # „40“: YAML knows only straight quotes, so the typographic ones became part of the value
            code, variant = LIP211, ""
            values = {"wert": wert, "feld": values["feld"], "innen": quoted.group(1)}
        self.diagnostics.add(code, self.path, pos.line, pos.column, variant=variant, **values)
        if code.severity is Severity.ERROR:
            self.result.broken = True

    # -- structure --------------------------------------------------------------------

    def _entries(self, node: yaml.MappingNode) -> _Entries:
        """The keys of a mapping with their nodes; a key written twice is reported (LIP107), the first counts."""
        entries: _Entries = {}
        for key_node, value_node in node.value:
            key = key_node.value if type(key_node) is _Scalar else "?"
            if key in entries:
                pos, first = self._pos(key_node), self._pos(entries[key][0])
                self.diagnostics.add(LIP107, self.path, pos.line, pos.column, schluessel=key, zeile=first.line)
                continue
            entries[key] = (key_node, value_node)
        return entries

    def _object(self, compiled: _ObjCheck, node: yaml.MappingNode, prefix: str) -> dict[str, Any]:
        values: dict[str, Any] = {}
        entries = self._entries(node)
        spec = compiled.spec
        if not entries.keys() <= compiled.allowed:
            allowed = compiled.allowed
            names = [f.key for f in spec.fields]
            for key, (key_node, _value) in list(entries.items()):
                clean = key.strip(_ODD_SPACES)
                if key not in allowed and clean != key and clean in allowed and clean not in entries:
                    # " beginn" with a no-break space: YAML took the space as part of the key
                    odd = next(c for c in key if c in _ODD_SPACES and c not in " 	")
                    self._report(LIP201, key_node, "leerzeichen", schluessel=clean, codepunkt=f"U+{ord(odd):04X}")
                    entries = {clean if k == key else k: v for k, v in entries.items()}
                elif key not in allowed:
                    self._report(
                        LIP201,
                        key_node,
                        schluessel=prefix + key,
                        vorschlag=did_you_mean(key, names),
                        erlaubt=", ".join(names),
                    )
        for key, f, check in compiled.fields:
            found = entries.get(key)
            if found is None or _is_empty(found[1]):
                if f.required:
                    where = found[0] if found else node
                    label = prefix + key
                    self._report(LIP202, where, "leer" if found else "", feld=label, schluessel=key, hilfe=f.help)
                continue
            value = check(self, found[1], prefix + key)
            if value is not _INVALID:
                values[key] = value
        return values

    def _list(self, t: s.ListOf, check_item: _Check, node: yaml.Node, label: str) -> Any:
        if type(node) is _Scalar and not isinstance(t.item, s.Obj):
            items = [node]  # a single value where a list is allowed: accept it
        elif type(node) is _Sequence:
            items = node.value
        else:
            return self._wrong(node, label, "eine Liste")
        if len(items) < t.min_items:
            self._report(LIP202, node, "liste", feld=label, anzahl=t.min_items)
            return _INVALID
        values = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items, start=1):
            value = check_item(self, item, f"{label}[{index}]")
            if value is _INVALID:
                continue
            if type(value) is str:
                if value in seen:
                    self._report(LIP209, item, wert=value, feld=label, erster=seen[value])
                    continue
                seen[value] = index
            values.append(value)
        return values

    def _map(self, key_check: _IdCheck, check_value: _Check, node: yaml.Node, label: str) -> Any:
        if type(node) is not _Mapping:
            return self._wrong(node, label, "eingerückte Zeilen der Form „ID: Wert“")
        values = {}
        for key, (key_node, value_node) in self._entries(node).items():
            if not isinstance(key_node, yaml.ScalarNode):  # "? [a, b]: x" – a list as a key
                self._wrong(key_node, label, "eine ID")
                continue
            identifier = self._identifier(key_check, key_node, label, key=True)
            value = check_value(self, value_node, f"{label}.{key}")
            if identifier is not _INVALID and value is not _INVALID:
                values[identifier] = value
        return values

    # -- scalars ----------------------------------------------------------------------

    def _text(self, node: yaml.ScalarNode, label: str) -> Any:
        """Text as written; numbers, true/false and dates only from plain scalars, under the YAML 1.2
        core schema (load/yamltree.scalar_value), so a plain 2024 is not a text."""
        written: str = node.value
        if not is_plain(node) or type(scalar_value(written, True)) is str:
            return written.strip()
        return self._wrong(node, label, "ein Text", "anfuehrungszeichen")

    def _integer(self, t: s.Integer, node: yaml.ScalarNode, label: str) -> Any:
        value = scalar_value(node.value, is_plain(node))
        if type(value) is not int:
            return self._wrong(node, label, "eine ganze Zahl")
        if not t.minimum <= value <= t.maximum:
            self._report(LIP207, node, feld=label, wert=node.value, minimum=t.minimum, maximum=t.maximum)
            return _INVALID
        return value

    def _pattern(self, t: s.Pattern, node: yaml.ScalarNode, label: str) -> Any:
        text = self._text_of(node, label, f"eine {t.what}")
        if text is None:
            return _INVALID
        if not t.regex.match(text):
            self._report(LIP208, node, wert=text, feld=label, was=t.what, beispiel=t.example)
            return _INVALID
        return text

    def _partner(self, node: yaml.ScalarNode, label: str) -> Any:
        text = self._text_of(node, label, "eine OE-Nummer oder ein Name")
        if text is None:
            return _INVALID
        if s.KINDS["oe"].pattern.match(text):
            self.result.references.append(Mention("oe", text, self.path, self._pos(node), label))
        return text

    def _text_of(self, node: yaml.ScalarNode, label: str, what: str, key: bool = False) -> str | None:
        """The text of a scalar that must be text (IDs, OE numbers, patterns); a plain number is refused,
        with the quoted form of exactly what was written (40 → "40"; YAML would drop zeros of 50.60).
        A mapping key (`key`) is always text."""
        text: str = node.value
        value = text if key else scalar_value(text, is_plain(node))
        if type(value) is str:
            return text.strip()
        if type(value) in (int, float):
            self._report(
                LIP203,
                node,
                "zahl_statt_text",
                feld=label,
                wert=text,
                erwartet=what,
                schluessel=label.split("[")[0].split(".")[-1],
                beispiel=text,
            )
            return None
        self._wrong(node, label, what)
        return None

    def _identifier(self, ident: _IdCheck, node: yaml.ScalarNode, label: str, key: bool = False) -> Any:
        text = self._text_of(node, label, ident.what, key)
        if text is None:
            return _INVALID
        if not ident.match(text):
            kind = ident.kind
            code = kind.bad_format_code
            variant, hint = ("id", {}) if code is LIP208 else _id_hint(kind, text)
            self._report(code, node, variant, wert=text, feld=label, art=kind.label, beispiel=kind.example, **hint)
            return _INVALID
        target = self.result.definitions if ident.defines else self.result.references
        target.append(_new(Mention, (ident.kind.name, text, self.path, self._pos(node), label)))
        return text

    def _boolean(self, node: yaml.ScalarNode, label: str) -> Any:
        text: str = node.value
        plain = is_plain(node)
        value = scalar_value(text, plain)
        if type(value) is bool:
            return value
        if plain and text.strip().lower() in _YES_NO:
            meant = "true" if _YES_NO[text.strip().lower()] else "false"
            self._report(LIP203, node, "ja_nein", feld=label, wert=text, vorschlag=meant)
            return _INVALID
        return self._wrong(node, label, "true oder false")

    def _number(self, t: s.Number, node: yaml.ScalarNode, label: str) -> Any:
        plain = is_plain(node)
        value = scalar_value(node.value, plain)
        text = node.value.strip()
        if t.euro and plain and _THOUSANDS.fullmatch(text):  # 95.000 is 95000 €, never 95,0 €
            read = f"{float(text):g}".replace(".", ",")
            self._report(
                LIP203, node, "tausenderpunkt", feld=label, wert=text, gelesen=read, vorschlag=text.replace(".", "")
            )
            return _INVALID
        if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
            meant = _german_amount(text) if t.euro else None
            if meant is not None:
                self._report(LIP203, node, "betrag", feld=label, wert=text, vorschlag=meant)
                return _INVALID
            return self._wrong(node, label, "eine Zahl", "zahl")
        assert isinstance(value, (int, float))
        if t.minimum is not None and value < t.minimum:
            self._report(LIP207, node, "negativ", feld=label, wert=text)
            return _INVALID
        return value

    def _date(self, node: yaml.ScalarNode, label: str) -> Any:
        text = node.value.strip()
        plain = is_plain(node)
        match = _TIMESTAMP.fullmatch(text)
        if match and plain:
            year, month, day = (int(part) for part in match.groups() if part is not None)
            try:
                return dt.date(year, month, day)
            except ValueError:
                self._report(LIP204, node, "kein_tag", wert=text, feld=label)
                return _INVALID
        if match:
            self._report(
                LIP204, node, "zitiert", wert=text, feld=label, schluessel=label.rsplit(".", 1)[-1], datum=text
            )
            return _INVALID
        german = _GERMAN_DATE.fullmatch(text)
        if german is None:
            self._report(LIP204, node, wert=text, feld=label)
            return _INVALID
        day, month, year = (int(part) for part in german.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:  # 31.02.2025: no "corrected" day that does not exist
            self._report(LIP204, node, "kein_tag", wert=text, feld=label)
            return _INVALID
        self._report(LIP204, node, "deutsch", wert=text, feld=label, iso=iso)
        return _INVALID

    def _not_a_choice(self, t: s.Choice, text: str, node: yaml.ScalarNode, label: str) -> Any:
        self._report(
            LIP205, node, wert=text, feld=label, vorschlag=did_you_mean(text, t.values), erlaubt=", ".join(t.values)
        )
        return _INVALID

    def _wrong(self, node: yaml.Node, label: str, expected: str, variant: str = "") -> Any:
        """LIP203; a `variant` ("anfuehrungszeichen", "zahl") comes only from the check of a single value."""
        found = describe(to_tree(node, self.offset))
        self._report(LIP203, node, variant, feld=label, gefunden=found, erwartet=expected)
        return _INVALID


_Check = Callable[[FieldChecker, yaml.Node, str], Any]  # one value: its checked form, or _INVALID
_ScalarCheck = Callable[[FieldChecker, yaml.ScalarNode, str], Any]  # the same, once the node is known to be a scalar


@dataclass(frozen=True)
class _ObjCheck:
    spec: s.Obj
    allowed: frozenset[str]
    fields: tuple[tuple[str, s.Field, _Check], ...]  # (key, its declaration, its check) in schema order


@dataclass(frozen=True)
class _IdCheck:
    """An identifier field (a Key the file defines, or a Ref to one), with what its check needs at hand."""

    kind: s.Kind
    defines: bool  # a Key (the file defines the ID) rather than a Ref
    what: str  # "eine ID (Ziel)", for LIP203
    match: Callable[[str], object]

    @staticmethod
    def of(t: s.Key | s.Ref) -> _IdCheck:
        kind = s.KINDS[t.kind]
        return _IdCheck(kind, type(t) is s.Key, f"eine ID ({kind.label})", kind.pattern.match)


_COMPILED: dict[int, tuple[s.Obj, _ObjCheck]] = {}


def _compiled(spec: s.Obj) -> _ObjCheck:
    """The check of an object of the schema, built once per object (the schema never changes)."""
    entry = _COMPILED.get(id(spec))
    if entry is None or entry[0] is not spec:
        fields = tuple((f.key, f, _check_of(f.type)) for f in spec.fields)
        entry = _COMPILED[id(spec)] = (spec, _ObjCheck(spec, frozenset(f.key for f in spec.fields), fields))
    return entry[1]


def _check_of(t: s.FieldType) -> _Check:
    """The check of one value of type `t`, chosen once from the schema instead of per value.

    Objects, lists and mappings check their node's shape and then their parts; every other type is
    one scalar (a list or mapping there is LIP203 with what was expected)."""
    if isinstance(t, s.Obj):
        obj = _compiled(t)

        def check_object(self: FieldChecker, node: yaml.Node, label: str) -> Any:
            if type(node) is not _Mapping:
                return self._wrong(node, label, "eingerückte Angaben der Form „schluessel: Wert“")
            return self._object(obj, node, label + ".")

        return check_object
    if isinstance(t, s.ListOf):
        lst, item = t, _check_of(t.item)
        return lambda self, node, label: self._list(lst, item, node, label)
    if isinstance(t, s.MapOf):
        key, value = _IdCheck.of(t.key), _check_of(t.value)
        return lambda self, node, label: self._map(key, value, node, label)
    scalar = _scalar_check(t)
    expected = _expected(t)

    def check_scalar(self: FieldChecker, node: yaml.Node, label: str) -> Any:
        if type(node) is not _Scalar:
            return self._wrong(node, label, expected)
        return scalar(self, node, label)

    return check_scalar


def _scalar_check(t: s.FieldType) -> _ScalarCheck:
    kind = type(t)
    if kind is s.Text:
        return _text_check
    if isinstance(t, (s.Key, s.Ref)):
        return _identifier_check(_IdCheck.of(t))
    if kind is s.Boolean:
        return FieldChecker._boolean
    if isinstance(t, s.Integer):
        integer = t
        return lambda self, node, label: self._integer(integer, node, label)
    if isinstance(t, s.Number):
        number = t
        return lambda self, node, label: self._number(number, node, label)
    if kind is s.Date:
        return FieldChecker._date
    if isinstance(t, s.Choice):
        choice, allowed = t, frozenset(t.values)

        def check_choice(self: FieldChecker, node: yaml.ScalarNode, label: str) -> Any:
            text = node.value.strip()
            return text if text in allowed else self._not_a_choice(choice, text, node, label)

        return check_choice
    if isinstance(t, s.Pattern):
        pattern = t
        return lambda self, node, label: self._pattern(pattern, node, label)
    if isinstance(t, s.Partner):
        return FieldChecker._partner
    raise TypeError(f"unknown field type {t!r}")  # pragma: no cover - schema is static


# Hot paths. A plain scalar is typed by YAML only if it is empty or starts with one of these characters
# (null, ~, true/false, numbers: load/yamltree.scalar_value); every other scalar is text as written.
# The checks below take that common case directly and leave everything else, including every
# finding, to the general methods of FieldChecker, which decide it again from the start.
_MAYBE_TYPED = "~nNtTfF+-.0123456789"


def _certainly_text(node: yaml.ScalarNode) -> bool:
    return bool(node.style) or node.tag not in TYPING_TAGS or node.value[:1] not in _MAYBE_TYPED


def _text_check(self: FieldChecker, node: yaml.ScalarNode, label: str) -> Any:
    if _certainly_text(node):
        written: str = node.value
        return written.strip()
    return self._text(node, label)


def _identifier_check(ident: _IdCheck) -> _ScalarCheck:
    name, match, defines = ident.kind.name, ident.match, ident.defines

    def check_identifier(self: FieldChecker, node: yaml.ScalarNode, label: str) -> Any:
        if _certainly_text(node):
            text: str = node.value.strip()
            if match(text):
                mark = node.start_mark
                pos = _new(Pos, (mark.line + self.offset, mark.column + 1))
                target = self.result.definitions if defines else self.result.references
                target.append(_new(Mention, (name, text, self.path, pos, label)))
                return text
        return self._identifier(ident, node, label)

    return check_identifier


_new = tuple.__new__
_ODD_SPACES = (
    " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
)
# A value wrapped in typographic quotes („40“, “40”, ‚40‘, »40«), and the codes whose finding it explains.
_TYPOGRAPHIC = re.compile(r"^\s*[„“”‚‘’«»]\s*(.*?)\s*[“”‘’»«]\s*$")
_EXPLAINED_BY_QUOTES = frozenset({LIP204, LIP205, LIP206, LIP208})


def _is_empty(node: yaml.Node) -> bool:
    kind = type(node)
    if kind is _Scalar:
        text: str = node.value
        return not text.strip() or (text in NULLS and is_plain(node))
    if kind is _Sequence:
        return not node.value
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
    return names[type(t)]  # every scalar type of _scalar_check: a new one needs its wording here


# A date as YAML 1.1 wrote timestamps (JJJJ-MM-TT, optionally with a time, which is ignored).
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)
_GERMAN_DATE = re.compile(r"([0-9]{1,2})\.\s*([0-9]{1,2})\.\s*([0-9]{4})")  # 26.11.2026
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")  # 95.000, 1.250.000
_ONE_DIGIT = re.compile(r"(.*-[ZM])([0-9])")  # BIL-M4: a goal or measure number with one digit
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
        short = _ONE_DIGIT.fullmatch(upper)
        if short:
            return "zweistellig", {"vorschlag": f"{short.group(1)}0{short.group(2)}"}
    if kind.pattern.pattern == s.KINDS["gremium"].pattern.pattern:
        return "kleinbuchstaben", {}
    return "", {}
