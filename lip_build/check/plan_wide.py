"""Checks across files (LIP3xx): IDs, locations, references, goals without measures.

Works on the documents after the field check. Identifiers count as defined when their
own field was valid, so one broken file does not flood the report with follow-ups.
"""

from __future__ import annotations

from collections import defaultdict

from lip_build import schema as s
from lip_build.check.document import Document, records
from lip_build.check.fields import Mention
from lip_build.check.suggest import did_you_mean, listing
from lip_build.codes import LIP112, LIP301, LIP302, LIP305, LIP306, LIP307, LIP308, LIP309, LIP310, Code
from lip_build.diagnostics import Diagnostics
from lip_build.load.files import classify
from lip_build.model.plan import Gremium, Massnahme, Ziel

# Which kinds of Gremium may stand in which field (LIP310).
_GREMIUM_ARTEN: dict[str, tuple[tuple[str, ...], str]] = {
    "expertengruppe": (("expertengruppe",), "eine Expert*innengruppe"),
    "herkunft": (("expertengruppe", "arbeitsgruppe"), "eine Expert*innengruppe oder die AG Jugend"),
    "beschlossen": (("rat", "ausschuss"), "die Ratsversammlung oder ein Ausschuss"),
    "zugestimmt": (("lenkungsgruppe",), "die Lenkungsgruppe"),
    "sonstige": (("lenkungsgruppe", "ausschuss", "rat"), "die Lenkungsgruppe, ein Ausschuss oder der Rat"),
}


_DEFINED_IN = {"oe": "organisationseinheiten"}  # kind of identifier → the one file that defines all of them


def stem(path: str) -> str:
    """The file name without its last suffix, as PurePosixPath(path).stem (which is slow for 5,000 files)."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _named_after(mention: Mention) -> bool:
    """Whether the file of a definition is named after the ID (BIL-M04.md for BIL-M04)."""
    return stem(mention.path) == mention.value


class PlanChecker:
    def __init__(self, documents: list[Document], diagnostics: Diagnostics, unreadable: list[str]) -> None:
        self.documents = documents
        self.diagnostics = diagnostics
        self.defined: dict[str, dict[str, Mention]] = defaultdict(dict)
        # Identifiers whose file exists but could not be read: its error is reported already, and
        # references to it would only repeat that error in other files.
        self.broken: dict[str, set[str]] = defaultdict(set)
        for path in unreadable:
            kind = classify(path)
            if kind and kind.name in s.KINDS:
                self.broken[kind.name].add(stem(path))
        self.by_kind: dict[str, list[Document]] = defaultdict(list)
        for doc in documents:
            self.by_kind[doc.kind.name].append(doc)
        # Kinds defined in one required file: when that file is missing or unreadable, its own error
        # (LIP112, LIP1xx) says so once, instead of LIP304 for every OE number in every measure.
        self.undefined_kinds = {kind for kind, file in _DEFINED_IN.items() if not self.by_kind[file]}

    def _report(
        self, code: Code, mention_or_doc: Mention | Document, /, *keys: str, variant: str = "", **values: object
    ) -> None:
        if isinstance(mention_or_doc, Mention):
            pos, path = mention_or_doc.pos, mention_or_doc.path
        else:
            pos, path = mention_or_doc.source.line_of(*keys), mention_or_doc.path
        self.diagnostics.add(code, path, pos.line, pos.column, variant=variant, **values)

    def run(self, text_links: list[Mention]) -> None:
        self._definitions()
        self._file_names()
        self._handlungsfeld_folders()
        self._references([m for d in self.documents for m in d.checked.references])
        self._text_links(text_links)
        self._goals()
        self._gremium_kinds()

    # -- identifiers ------------------------------------------------------------------

    def _definitions(self) -> None:
        for doc in self.documents:
            for mention in doc.checked.definitions:
                first = self.defined[mention.kind].get(mention.value)
                if first is None:
                    self.defined[mention.kind][mention.value] = mention
                    continue
                if _named_after(mention) and not _named_after(first):
                    # the file named after its ID keeps it: the copy "BIL-M04 (Kopie).md" gets the error
                    self.defined[mention.kind][mention.value] = mention
                    first, mention = mention, first
                kind = s.KINDS[mention.kind]
                self._report(LIP301, mention, id=mention.value, art=kind.label, pfad=first.path, zeile=first.pos.line)

    def _file_names(self) -> None:
        for kind in ("ziel", "massnahme", "gremium", "zielgruppe", "querschnittsthema", "sitzung", "stellungnahme"):
            for doc in self.by_kind[kind]:
                own = doc.identifier
                name = stem(doc.path)
                if own is not None and name != own:
                    self._report(LIP308, doc, "id", name=name, id=own)

    def _handlungsfeld_folders(self) -> None:
        self.folder_codes: dict[str, str] = {}
        for doc in self.by_kind["handlungsfeld"]:
            code = doc.identifier
            if code is not None and doc.folder:
                self.folder_codes[doc.folder] = code
        folders = {d.folder for d in self.documents if d.folder}
        for folder in sorted(folders - {d.folder for d in self.by_kind["handlungsfeld"]}):
            path = f"handlungsfelder/{folder}/handlungsfeld.md"
            self.broken["handlungsfeld"].update(
                m.value for d in self.documents if d.folder == folder for m in d.references("handlungsfeld")
            )
            self.diagnostics.add(LIP112, path, 1, 1, variant="handlungsfeld", ordner=folder)
        listed = [m for p in self.by_kind["plan"] for m in p.checked.references if m.kind == "handlungsfeld"]
        listed_codes = {m.value for m in listed}
        for doc in self.by_kind["handlungsfeld"]:
            code = doc.identifier
            if code is not None and self.by_kind["plan"] and code not in listed_codes:
                self._report(LIP309, doc, "code", kuerzel=code)
        placed: list[tuple[Document, Ziel | Massnahme]] = [*records(self.by_kind["ziel"], "ziel", Ziel)]
        placed += records(self.by_kind["massnahme"], "massnahme", Massnahme)
        for doc, record in placed:
            field = record.handlungsfeld
            expected = self.folder_codes.get(doc.folder or "")
            if expected and field != expected:
                self._report(LIP302, doc, "handlungsfeld", ordner=doc.folder, erwartet=expected, feld=field)

    # -- references -------------------------------------------------------------------

    def _references(self, references: list[Mention]) -> None:
        targets: dict[str, tuple[dict[str, Mention], set[str]]] = {}  # kind → (known, broken), per kind once
        for mention in references:
            found = targets.get(mention.kind)
            if found is None:
                broken = self.broken[mention.kind]
                if mention.kind == "element":  # a goal or a measure (sessions and statements name either)
                    broken = self.broken["ziel"] | self.broken["massnahme"]
                found = targets[mention.kind] = (self._known(mention.kind), broken)
            known, broken = found
            if mention.value in known or mention.value in broken:
                continue
            if mention.kind in self.undefined_kinds:
                continue
            kind = s.KINDS[mention.kind]
            variant, available = self._available(kind, mention.value)
            self._report(
                kind.unknown_code,
                mention,
                variant=variant,
                art=kind.label,
                wert=mention.value,
                feld=mention.key,
                vorschlag=did_you_mean(mention.value, list(known)),
                **available,
            )

    def _known(self, kind: str) -> dict[str, Mention]:
        if kind == "element":
            return {**self.defined["ziel"], **self.defined["massnahme"]}
        return self.defined[kind]

    def _available(self, kind: s.Kind, value: str) -> tuple[str, dict[str, str]]:
        """The variant of LIP303/LIP304 that lists what exists, and its values."""
        known = sorted(self._known(kind.name))
        if kind.name in ("ziel", "element"):  # goals (and goals or measures) are listed by field
            prefix = value[:3].upper()
            same_field = [v for v in known if v.startswith(prefix + "-")]
            if same_field:
                return "im_feld", {"mehrzahl": kind.plural, "kuerzel": prefix, "vorhanden": listing(same_field)}
        if not known:
            return "keine", {"mehrzahl": kind.plural}
        return "", {"vorhanden": listing(known)}

    def _text_links(self, links: list[Mention]) -> None:
        elements = {**self.defined["ziel"], **self.defined["massnahme"]}
        broken = self.broken["ziel"] | self.broken["massnahme"]
        for link in links:
            if link.value in elements or link.value in broken:
                continue
            self._report(LIP305, link, id=link.value, vorschlag=did_you_mean(link.value, list(elements)))

    # -- goals ------------------------------------------------------------------------

    def _goals(self) -> None:
        goal_fields = {z.id: z.handlungsfeld for _, z in records(self.by_kind["ziel"], "ziel", Ziel)}
        # A goal served by a broken measure is still served: its references count like its ID.
        served = {m.value for d in self.by_kind["massnahme"] for m in d.references("ziele")}
        for doc, massnahme in records(self.by_kind["massnahme"], "massnahme", Massnahme):
            own, first = massnahme.handlungsfeld, massnahme.ziele[0]
            first_field = goal_fields.get(first)
            if first_field and first_field != own:
                self._report(LIP307, doc, "ziele", ziel=first, ziel_feld=first_field, feld=own)
        for doc in self.by_kind["ziel"]:
            goal = doc.identifier
            if goal is not None and goal not in served:
                self._report(LIP306, doc, "id", ziel=goal)

    def _gremium_kinds(self) -> None:
        arten = {g.id: g.art for _, g in records(self.by_kind["gremium"], "gremium", Gremium)}
        for doc in self.documents:
            for mention in doc.checked.references:
                if mention.kind != "gremium" or mention.value not in arten:
                    continue
                rule = self._gremium_rule(doc, mention.key)
                if rule is None:
                    continue
                allowed, wording = _GREMIUM_ARTEN[rule]
                art = arten[mention.value]
                if art not in allowed:
                    self._report(LIP310, mention, feld=mention.key, erlaubt=wording, gremium=mention.value, art=art)

    @staticmethod
    def _gremium_rule(doc: Document, key: str) -> str | None:
        if key == "expertengruppe" or key == "herkunft":
            return key
        if key == "entscheidung.gremium" and isinstance(doc.record, Massnahme):
            status = doc.record.entscheidung.status
            return status if status in ("beschlossen", "zugestimmt") else "sonstige"
        return None
