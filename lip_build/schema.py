"""The front matter of every kind of file, declared once.

The same declarations drive the field check (fields.py), the JSON Schemas for editors
(jsonschema.py) and the scaffolding of new files. Keys are German, as in the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A kind of identifier: what it names, how it looks, which code a problem gets."""

    name: str
    label: str  # German, with article-free noun: "Ziel"
    plural: str
    pattern: re.Pattern[str]
    example: str
    bad_format_code: str  # LIP206 for IDs, LIP208 for other formats
    unknown_code: str  # LIP303 for plan elements, LIP304 for vocabularies


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("ziel", "Ziel", "Ziele", re.compile(r"^[A-Z]{3}-Z\d{2,3}$"), "BIL-Z03", "LIP206", "LIP303"),
        Kind("massnahme", "Maßnahme", "Maßnahmen", re.compile(r"^[A-Z]{3}-M\d{2,3}$"), "BIL-M12", "LIP206", "LIP303"),
        Kind("handlungsfeld", "Handlungsfeld", "Handlungsfelder", re.compile(r"^[A-Z]{3}$"), "BIL", "LIP206", "LIP303"),
        Kind("gremium", "Gremium", "Gremien", _SLUG, "eg-bildung", "LIP206", "LIP303"),
        Kind("zielgruppe", "Zielgruppe", "Zielgruppen", _SLUG, "eltern", "LIP206", "LIP304"),
        Kind("querschnittsthema", "Querschnittsthema", "Querschnittsthemen", _SLUG, "inklusion", "LIP206", "LIP304"),
        Kind(
            "oe",
            "Organisationseinheit",
            "Organisationseinheiten",
            re.compile(r"^\d{2}(?:\.\d{1,2}){0,2}$"),
            "50.60",
            "LIP208",
            "LIP304",
        ),
    )
}

DRUCKSACHE_NR = re.compile(r"^(?:(?:\d{2}|H)-)?\d{4}/\d{4}(?:\s[ENS]\d+)?$")
WEB_ADDRESS = re.compile(r"^https://[^\s/$.?#][^\s]*$")


# --- value types -------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    pass


@dataclass(frozen=True)
class Integer:
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Number:
    minimum: float | None = None


@dataclass(frozen=True)
class Boolean:
    pass


@dataclass(frozen=True)
class Date:
    pass


@dataclass(frozen=True)
class Choice:
    options: tuple[tuple[str, str], ...]  # (value, German label)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v for v, _ in self.options)

    def label(self, value: str) -> str:
        return dict(self.options)[value]


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    what: str  # "Drucksachennummer", used as "keine gültige …"
    example: str


@dataclass(frozen=True)
class Key:
    """The identifier this file (or list entry) defines."""

    kind: str


@dataclass(frozen=True)
class Ref:
    """A reference to an identifier defined elsewhere in the plan."""

    kind: str


@dataclass(frozen=True)
class Partner:
    """An OE number (checked like a reference) or the name of an external partner."""


@dataclass(frozen=True)
class ListOf:
    item: FieldType
    min_items: int = 0


@dataclass(frozen=True)
class MapOf:
    """A mapping whose keys are identifiers of a kind (e.g. goal IDs) and whose values share a type."""

    key: Ref
    value: FieldType


@dataclass(frozen=True)
class Field:
    key: str
    type: FieldType
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class Obj:
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)


FieldType = Text | Integer | Number | Boolean | Date | Choice | Pattern | Key | Ref | Partner | ListOf | MapOf | Obj

YEAR = Integer(1990, 2100)
ORDER = Integer(1, 9999)

# --- vocabularies of statuses ------------------------------------------------------------

PLAN_STATUS = Choice(
    (("entwurf", "Entwurf"), ("beschlussfassung", "in Beschlussfassung"), ("beschlossen", "beschlossen"))
)
ENTSCHEIDUNG_STATUS = Choice(
    (
        ("vorgeschlagen", "vorgeschlagen"),
        ("zugestimmt", "von der Lenkungsgruppe zugestimmt"),
        ("zurueckgestellt", "zurückgestellt"),
        ("abgelehnt", "abgelehnt"),
        ("empfehlung_an_das_land", "Empfehlung an das Land"),
        ("beschlossen", "vom Rat beschlossen"),
    )
)
UMSETZUNG_STATUS = Choice(
    (
        ("nicht_begonnen", "nicht begonnen"),
        ("in_umsetzung", "in Umsetzung"),
        ("umgesetzt", "umgesetzt"),
        ("regelbetrieb", "in den Regelbetrieb übergegangen"),
        ("eingestellt", "eingestellt"),
    )
)
KOSTEN_ART = Choice((("einmalig", "einmalig"), ("jaehrlich", "jährlich")))
DRUCKSACHE_ART = Choice(
    (("beschlussdrucksache", "Beschlussdrucksache"), ("informationsdrucksache", "Informationsdrucksache"))
)
BERATUNG_ROLLE = Choice(
    (("beratung", "zur Beratung"), ("entscheidung", "zur Entscheidung"), ("kenntnis", "zur Kenntnis"))
)
GREMIUM_ART = Choice(
    (
        ("expertengruppe", "Expert*innengruppe"),
        ("arbeitsgruppe", "Arbeitsgruppe"),
        ("lenkungsgruppe", "Lenkungsgruppe"),
        ("beirat", "Beirat"),
        ("runder_tisch", "Runder Tisch"),
        ("ausschuss", "Ausschuss"),
        ("rat", "Rat"),
    )
)
ARTIKEL = Choice((("den", "den"), ("die", "die"), ("das", "das")))

DRUCKSACHE_PATTERN = Pattern(DRUCKSACHE_NR, "Drucksachennummer", "1830/2022")
FINGERPRINT = Pattern(re.compile(r"^[0-9a-f]{8}$"), "Prüfsumme (acht Zeichen 0-9, a-f)", "3f2a9c1b")

# --- the kinds of files ------------------------------------------------------------------

PLAN = Obj(
    (
        Field("titel", Text(), True, "Titel des Plans"),
        Field("untertitel", Text(), False, "Untertitel"),
        Field("herausgeberin", Text(), True, "Herausgeberin, z. B. Landeshauptstadt Hannover"),
        Field("version", Text(), True, "Versionsbezeichnung, z. B. 2.0"),
        Field("status", PLAN_STATUS, True, "Stand des Verfahrens"),
        Field("stand", Date(), True, "Datum des Textstands (JJJJ-MM-TT)"),
        Field(
            "handlungsfelder", ListOf(Ref("handlungsfeld"), 1), True, "Kürzel der Handlungsfelder in ihrer Reihenfolge"
        ),
        Field(
            "repository",
            Pattern(WEB_ADDRESS, "https-Adresse", "https://github.com/stadt/lip"),
            False,
            "Web-Adresse des Repositorys",
        ),
    )
)

DRUCKSACHE = Obj(
    (
        Field("nummer", DRUCKSACHE_PATTERN, True, "Drucksachennummer, z. B. 2610/2026"),
        Field("art", DRUCKSACHE_ART, True, "Art der Drucksache"),
        Field("titel", Text(), True, "Titel der Drucksache"),
        Field(
            "beratungsfolge",
            ListOf(
                Obj(
                    (
                        Field("gremium", Ref("gremium"), True, "ID des Gremiums"),
                        Field("rolle", BERATUNG_ROLLE, True, "Beratung, Entscheidung oder Kenntnisnahme"),
                    )
                ),
                1,
            ),
            True,
            "Gremien in der Reihenfolge der Beratung",
        ),
        Field("antrag", Text(), False, "Beschlusstext (Pflicht bei Beschlussdrucksachen)"),
        Field("gender_aspekte", Text(), True, "Berücksichtigung von Gender-Aspekten"),
        Field("kosten_text", Text(), False, "Erläuterung zur Kostentabelle"),
        Field("klimawirkung", Text(), False, "Aussage zur Klimawirkung"),
        Field("oe", Ref("oe"), True, "OE-Nummer der federführenden Stelle"),
        Field("datum", Date(), True, "Datum der Drucksache"),
    )
)

HANDLUNGSFELD = Obj(
    (
        Field("code", Key("handlungsfeld"), True, "Kürzel aus drei Großbuchstaben, z. B. BIL"),
        Field("name", Text(), True, "Name des Handlungsfelds"),
        Field("expertengruppe", Ref("gremium"), True, "ID der Expert*innengruppe"),
        Field("kurzfassung", Text(), True, "Zwei bis drei Sätze für Übersichten"),
        Field("leichte_sprache", Text(), False, "Zusammenfassung in Leichter Sprache"),
    )
)

KENNZAHL = Obj(
    (
        Field("name", Text(), True, "Was gemessen wird"),
        Field("einheit", Text(), True, "Einheit, z. B. Prozent"),
        Field("ausgangswert", Number(), True, "Wert im Ausgangsjahr"),
        Field("ausgangsjahr", YEAR, True, "Jahr des Ausgangswerts"),
        Field("zielwert", Number(), True, "Angestrebter Wert"),
        Field("zieljahr", YEAR, True, "Jahr, bis zu dem der Zielwert erreicht sein soll"),
        Field("quelle", Text(), False, "Datenquelle"),
    )
)

ZIEL = Obj(
    (
        Field("id", Key("ziel"), True, "Feste ID, z. B. BIL-Z03"),
        Field("titel", Text(), True, "Zielzustand als Satz"),
        Field("handlungsfeld", Ref("handlungsfeld"), True, "Kürzel des Handlungsfelds"),
        Field("reihenfolge", ORDER, False, "Zahl für die Sortierung im Handlungsfeld"),
        Field("herkunft", Ref("gremium"), False, "Gremium, das das Ziel vorgeschlagen hat"),
        Field("kennzahlen", ListOf(KENNZAHL), False, "Kennzahlen mit Ausgangs- und Zielwert"),
    )
)

ENTSCHEIDUNG = Obj(
    (
        Field("status", ENTSCHEIDUNG_STATUS, True, "Entscheidungsstand"),
        Field("gremium", Ref("gremium"), False, "Gremium, das entschieden hat"),
        Field("datum", Date(), False, "Datum der Entscheidung"),
        Field("drucksache", DRUCKSACHE_PATTERN, False, "Drucksachennummer des Ratsbeschlusses"),
        Field("bemerkung", Text(), False, "Erläuterung, z. B. Grund der Zurückstellung"),
    )
)

UMSETZUNG = Obj(
    (
        Field("status", UMSETZUNG_STATUS, True, "Umsetzungsstand"),
        Field("stand", Date(), False, "Datum des Berichtsstands"),
        Field("bemerkung", Text(), False, "Erläuterung zum Umsetzungsstand"),
    )
)

MASSNAHME = Obj(
    (
        Field("id", Key("massnahme"), True, "Feste ID, z. B. BIL-M12"),
        Field("titel", Text(), True, "Kurzer Titel"),
        Field("handlungsfeld", Ref("handlungsfeld"), True, "Kürzel des Handlungsfelds"),
        Field("ziele", ListOf(Ref("ziel"), 1), True, "IDs der Ziele; das erste liegt im eigenen Handlungsfeld"),
        Field("reihenfolge", ORDER, False, "Zahl für die Sortierung unter dem ersten Ziel"),
        Field("federfuehrung", Ref("oe"), True, "OE-Nummer der federführenden Stelle"),
        Field("partner", ListOf(Partner()), False, "OE-Nummern oder Namen externer Partner*innen"),
        Field("zielgruppen", ListOf(Ref("zielgruppe"), 1), True, "IDs der Zielgruppen"),
        Field("querschnittsthemen", ListOf(Ref("querschnittsthema")), False, "IDs der Querschnittsthemen"),
        Field(
            "zeitraum",
            Obj(
                (
                    Field("beginn", YEAR, True, "Jahr des Beginns"),
                    Field("ende", YEAR, False, "Jahr des Endes; ohne Ende: laufend"),
                )
            ),
            True,
            "Zeitraum der Umsetzung",
        ),
        Field(
            "kosten",
            ListOf(
                Obj(
                    (
                        Field("betrag", Number(0), True, "Betrag in Euro"),
                        Field("art", KOSTEN_ART, True, "einmalig oder jaehrlich"),
                        Field("finanzierung", Text(), True, "Finanzierungsquelle"),
                    )
                )
            ),
            False,
            "Kostenposten; weglassen, wenn keine zusätzlichen Kosten entstehen",
        ),
        Field("antragsberechtigt", Boolean(), True, "Können Vereine und Initiativen die Durchführung beantragen?"),
        Field("herkunft", Ref("gremium"), True, "Gremium, das die Maßnahme vorgeschlagen hat"),
        Field("entscheidung", ENTSCHEIDUNG, True, "Entscheidungsstand"),
        Field("umsetzung", UMSETZUNG, True, "Umsetzungsstand"),
        Field("kontakt", Ref("oe"), True, "OE-Nummer der Ansprechstelle"),
        Field(
            "geprueft",
            MapOf(Ref("ziel"), FINGERPRINT),
            False,
            "Bestätigte Fassung je Ziel (schreibt „lip review confirm“; nicht von Hand ändern)",
        ),
    )
)

GREMIUM = Obj(
    (
        Field("id", Key("gremium"), True, "ID, gleich dem Dateinamen"),
        Field("name", Text(), True, "Voller Name"),
        Field("kurzname", Text(), False, "Gebräuchliche Kurzform"),
        Field("art", GREMIUM_ART, True, "Art des Gremiums"),
        Field("artikel", ARTIKEL, False, "Artikel für die Beratungsfolge (den, die, das)"),
        Field("handlungsfeld", Ref("handlungsfeld"), False, "Kürzel, bei Expert*innengruppen"),
        Field("vorsitz", Text(), False, "Funktion des Vorsitzes, nie ein Name"),
        Field(
            "zusammensetzung",
            ListOf(
                Obj(
                    (
                        Field("art", Text(), True, "Art der Mitglieder"),
                        Field("anzahl", Integer(1, 999), False, "Anzahl"),
                    )
                ),
                1,
            ),
            True,
            "Zusammensetzung nach Arten von Mitgliedern",
        ),
    )
)


def _begriff(kind: str) -> Obj:
    return Obj(
        (
            Field("id", Key(kind), True, "ID, gleich dem Dateinamen"),
            Field("name", Text(), True, "Bezeichnung"),
        )
    )


ZIELGRUPPE = _begriff("zielgruppe")
QUERSCHNITTSTHEMA = _begriff("querschnittsthema")

ORGANISATIONSEINHEITEN = Obj(
    (
        Field(
            "einheiten",
            ListOf(
                Obj(
                    (
                        Field("oe", Key("oe"), True, 'OE-Nummer in Anführungszeichen, z. B. "50.60"'),
                        Field("name", Text(), True, "Name der Organisationseinheit"),
                        Field("dezernat", Text(), False, "Dezernat"),
                    )
                ),
                1,
            ),
            True,
            "Organisationseinheiten der Stadtverwaltung",
        ),
    )
)

KAPITEL = Obj(
    (
        Field("titel", Text(), True, "Titel des Kapitels"),
        Field("reihenfolge", ORDER, True, "Zahl für die Sortierung der Kapitel"),
        Field("kurztitel", Text(), False, "Kurzer Titel für die Navigation"),
    )
)

GLOSSAR = Obj(
    (
        Field("titel", Text(), True, "Titel"),
        Field(
            "begriffe",
            ListOf(
                Obj(
                    (
                        Field("begriff", Text(), True, "Begriff"),
                        Field("erklaerung", Text(), True, "Erklärung"),
                    )
                ),
                1,
            ),
            True,
            "Begriffe mit Erklärung",
        ),
    )
)

ZEITLEISTE = Obj(
    (
        Field("titel", Text(), True, "Titel"),
        Field(
            "ereignisse",
            ListOf(
                Obj(
                    (
                        Field("datum", Date(), True, "Datum"),
                        Field("titel", Text(), True, "Was geschah oder geschehen soll"),
                        Field("gremium", Ref("gremium"), False, "Beteiligtes Gremium"),
                        Field("drucksache", DRUCKSACHE_PATTERN, False, "Drucksachennummer"),
                        Field("geplant", Boolean(), False, "true für künftige Termine"),
                    )
                ),
                1,
            ),
            True,
            "Ereignisse des Prozesses",
        ),
    )
)

LEICHTE_SPRACHE = Obj((Field("titel", Text(), True, "Titel"),))
