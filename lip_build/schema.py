"""The front matter of every kind of file, declared once.

The same declarations drive the field check (fields.py), the JSON Schemas for editors
(jsonschema.py) and the scaffolding of new files. Keys are German, as in the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lip_build.codes import LIP206, LIP208, LIP303, LIP304, Code


@dataclass(frozen=True)
class Kind:
    """A kind of identifier: what it names, how it looks, which code a problem gets."""

    name: str
    label: str  # German, with article-free noun: "Ziel"
    plural: str
    pattern: re.Pattern[str]
    example: str
    bad_format_code: Code  # LIP206 for IDs, LIP208 for other formats
    unknown_code: Code  # LIP303 for plan elements, LIP304 for vocabularies


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("ziel", "Ziel", "Ziele", re.compile(r"^[A-Z]{3}-Z\d{2,3}$"), "BIL-Z03", LIP206, LIP303),
        Kind("massnahme", "Maßnahme", "Maßnahmen", re.compile(r"^[A-Z]{3}-M\d{2,3}$"), "BIL-M12", LIP206, LIP303),
        Kind("handlungsfeld", "Handlungsfeld", "Handlungsfelder", re.compile(r"^[A-Z]{3}$"), "BIL", LIP206, LIP303),
        Kind("gremium", "Gremium", "Gremien", _SLUG, "eg-bildung", LIP206, LIP303),
        Kind("zielgruppe", "Zielgruppe", "Zielgruppen", _SLUG, "eltern", LIP206, LIP304),
        Kind("querschnittsthema", "Querschnittsthema", "Querschnittsthemen", _SLUG, "inklusion", LIP206, LIP304),
        Kind(
            "element",
            "Ziel oder Maßnahme",
            "Ziele und Maßnahmen",
            re.compile(r"^[A-Z]{3}-[ZM]\d{2,3}$"),
            "BIL-M12",
            LIP206,
            LIP303,
        ),
        Kind("sitzung", "Sitzung", "Sitzungen", _SLUG, "lenkungsgruppe-2022-05-10", LIP206, LIP303),
        Kind("stellungnahme", "Stellungnahme", "Stellungnahmen", _SLUG, "runder-tisch-2026", LIP206, LIP303),
        Kind(
            "oe",
            "Organisationseinheit",
            "Organisationseinheiten",
            re.compile(r"^\d{2}(?:\.\d{1,2}){0,2}$"),
            "50.60",
            LIP208,
            LIP304,
        ),
    )
}

DRUCKSACHE_NR = re.compile(r"^(?:(?:\d{2}|H)-)?\d{4}/\d{4}(?:\s[ENS]\d+)?$")
WEB_ADDRESS = re.compile(r"^https://[^\s/$.?#][^\s]*$")


# --- value types -------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    markdown: bool = False  # rendered as Markdown (with text links), so checked like a body text


@dataclass(frozen=True)
class Integer:
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Number:
    minimum: float | None = None
    euro: bool = False  # an amount of money: 95.000 is refused as a German thousands dot, not read as 95


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
    entry: str = ""  # German name of one entry of a list of objects: "Kostenposten" (shown as "Kostenposten 2")
    named_by: str | None = None  # entries are told apart by this key instead of their position ("begriff")
    quote_names: bool = False  # show such a name in quotes: Begriff „Quartier“ (an OE number is not quoted)


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
    help: str = ""  # what to write, for editors: hints of forms and JSON Schemas, LIP202
    label: str = ""  # what the value is, for readers: Steckbrief, Synopse, form labels ("Federführung")
    main: bool = False  # the value that stands for its object: "entscheidung.status" is shown as "Entscheidungsstand"


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
        Field("titel", Text(), True, "Titel des Plans", label="Titel"),
        Field("untertitel", Text(), False, "Untertitel", label="Untertitel"),
        Field("herausgeberin", Text(), True, "Herausgeberin, z. B. Landeshauptstadt Hannover", label="Herausgeberin"),
        Field("version", Text(), True, "Versionsbezeichnung, z. B. 2.0", label="Versionsbezeichnung"),
        Field("status", PLAN_STATUS, True, "Stand des Verfahrens", label="Stand des Verfahrens"),
        Field("stand", Date(), True, "Datum des Textstands (JJJJ-MM-TT)", label="Datum des Textstands"),
        Field(
            "handlungsfelder",
            ListOf(Ref("handlungsfeld"), 1),
            True,
            "Kürzel der Handlungsfelder in ihrer Reihenfolge",
            label="Handlungsfelder",
        ),
        Field(
            "repository",
            Pattern(WEB_ADDRESS, "https-Adresse", "https://github.com/stadt/lip"),
            False,
            "Web-Adresse des Repositorys",
            label="Repository",
        ),
        Field(
            "hoechstbetrag",
            Number(1),
            False,
            "Beträge über diesem Wert meldet lip validate als unplausibel (Warnung); ohne Angabe 10000000",
            label="Plausibler Höchstbetrag je Kostenposten",
        ),
    )
)

DRUCKSACHE = Obj(
    (
        Field("nummer", DRUCKSACHE_PATTERN, True, "Drucksachennummer, z. B. 2610/2026", label="Nummer"),
        Field("art", DRUCKSACHE_ART, True, "Art der Drucksache", label="Art der Drucksache"),
        Field("titel", Text(), True, "Titel der Drucksache", label="Titel"),
        Field(
            "beratungsfolge",
            ListOf(
                Obj(
                    (
                        Field("gremium", Ref("gremium"), True, "ID des Gremiums", label="Gremium"),
                        Field(
                            "rolle", BERATUNG_ROLLE, True, "Beratung, Entscheidung oder Kenntnisnahme", label="Rolle"
                        ),
                    )
                ),
                1,
                entry="Beratungsfolge",
            ),
            True,
            "Gremien in der Reihenfolge der Beratung",
            label="Beratungsfolge",
        ),
        Field("antrag", Text(markdown=True), False, "Beschlusstext (Pflicht bei Beschlussdrucksachen)", label="Antrag"),
        Field(
            "gender_aspekte",
            Text(markdown=True),
            True,
            "Berücksichtigung von Gender-Aspekten",
            label="Berücksichtigung von Gender-Aspekten",
        ),
        Field(
            "kosten_text",
            Text(markdown=True),
            False,
            "Erläuterung zur Kostentabelle",
            label="Erläuterung zur Kostentabelle",
        ),
        Field("klimawirkung", Text(markdown=True), False, "Aussage zur Klimawirkung", label="Klimawirkung"),
        Field("oe", Ref("oe"), True, "OE-Nummer der federführenden Stelle", label="Federführende Stelle (OE)"),
        Field("datum", Date(), True, "Datum der Drucksache", label="Datum der Drucksache"),
    )
)

HANDLUNGSFELD = Obj(
    (
        Field("code", Key("handlungsfeld"), True, "Kürzel aus drei Großbuchstaben, z. B. BIL", label="Kürzel"),
        Field("name", Text(), True, "Name des Handlungsfelds", label="Name"),
        Field("expertengruppe", Ref("gremium"), True, "ID der Expert*innengruppe", label="Expert*innengruppe"),
        Field("kurzfassung", Text(), True, "Zwei bis drei Sätze für Übersichten", label="Kurzfassung"),
        Field("leichte_sprache", Text(), False, "Zusammenfassung in Leichter Sprache", label="Leichte Sprache"),
    )
)

KENNZAHL = Obj(
    (
        Field("name", Text(), True, "Was gemessen wird", label="Name"),
        Field("einheit", Text(), True, "Einheit, z. B. Prozent", label="Einheit"),
        Field("ausgangswert", Number(), True, "Wert im Ausgangsjahr", label="Ausgangswert"),
        Field("ausgangsjahr", YEAR, True, "Jahr des Ausgangswerts", label="Ausgangsjahr"),
        Field("zielwert", Number(), True, "Angestrebter Wert", label="Zielwert"),
        Field("zieljahr", YEAR, True, "Jahr, bis zu dem der Zielwert erreicht sein soll", label="Zieljahr"),
        Field("quelle", Text(), False, "Datenquelle", label="Quelle"),
        Field(
            "werte",
            ListOf(
                Obj(
                    (
                        Field("jahr", YEAR, True, "Jahr der Messung", label="Jahr"),
                        Field("wert", Number(), True, "Gemessener Wert", label="Wert"),
                        Field(
                            "einheit",
                            Text(),
                            True,
                            "Einheit des Werts, dieselbe wie die der Kennzahl",
                            label="Einheit",
                        ),
                        Field(
                            "quelle",
                            Text(),
                            False,
                            "Datenquelle des Werts; ohne Angabe gilt die Quelle der Kennzahl",
                            label="Quelle",
                        ),
                    )
                ),
                entry="Messwert",
            ),
            False,
            "Gemessene Werte nach dem Ausgangsjahr, ältestes Jahr zuerst",
            label="Gemessene Werte",
        ),
    )
)

ZIEL = Obj(
    (
        Field("id", Key("ziel"), True, "Feste ID, z. B. BIL-Z03", label="Kennung"),
        Field("titel", Text(), True, "Zielzustand als Satz", label="Titel"),
        Field("handlungsfeld", Ref("handlungsfeld"), True, "Kürzel des Handlungsfelds", label="Handlungsfeld"),
        Field("reihenfolge", ORDER, False, "Zahl für die Sortierung im Handlungsfeld", label="Reihenfolge"),
        Field("herkunft", Ref("gremium"), False, "Gremium, das das Ziel vorgeschlagen hat", label="Vorgeschlagen von"),
        Field(
            "kennzahlen",
            ListOf(KENNZAHL, entry="Kennzahl"),
            False,
            "Kennzahlen mit Ausgangs- und Zielwert",
            label="Kennzahlen",
        ),
    )
)

ENTSCHEIDUNG = Obj(
    (
        Field("status", ENTSCHEIDUNG_STATUS, True, "Entscheidungsstand", label="Status", main=True),
        Field("gremium", Ref("gremium"), False, "Gremium, das entschieden hat", label="Gremium"),
        Field("datum", Date(), False, "Datum der Entscheidung", label="Datum"),
        Field("drucksache", DRUCKSACHE_PATTERN, False, "Drucksachennummer des Ratsbeschlusses", label="Drucksache"),
        Field("bemerkung", Text(), False, "Erläuterung, z. B. Grund der Zurückstellung", label="Bemerkung"),
    )
)

UMSETZUNG = Obj(
    (
        Field("status", UMSETZUNG_STATUS, True, "Umsetzungsstand", label="Status", main=True),
        Field("stand", Date(), False, "Datum des Berichtsstands", label="Stand vom"),
        Field("bemerkung", Text(), False, "Erläuterung zum Umsetzungsstand", label="Bemerkung"),
        Field(
            "verlauf",
            ListOf(
                Obj(
                    (
                        Field("datum", Date(), True, "Datum des Berichtsstands (JJJJ-MM-TT)", label="Datum"),
                        Field(
                            "status", UMSETZUNG_STATUS, True, "Umsetzungsstand an diesem Tag", label="Status", main=True
                        ),
                        Field(
                            "erledigt", Text(), True, "Was bis zu diesem Tag getan wurde", label="Stand der Umsetzung"
                        ),
                        Field(
                            "naechste_schritte",
                            Text(),
                            False,
                            "Was als Nächstes geplant ist",
                            label="Geplante Schritte",
                        ),
                        Field(
                            "gruende",
                            Text(),
                            False,
                            "Warum nichts geschieht oder die Maßnahme endete (Pflicht bei nicht_begonnen, eingestellt)",
                            label="Gründe",
                        ),
                        Field(
                            "ausgaben",
                            Number(0, euro=True),
                            False,
                            "Seit dem vorigen Eintrag ausgegebene Mittel in Euro",
                            label="Ausgaben",
                        ),
                    )
                ),
                entry="Eintrag",
            ),
            False,
            "Berichtsstände, ältester zuerst; der letzte Eintrag ist der aktuelle Umsetzungsstand",
            label="Verlauf",
        ),
    )
)

MASSNAHME = Obj(
    (
        Field("id", Key("massnahme"), True, "Feste ID, z. B. BIL-M12", label="Kennung"),
        Field("titel", Text(), True, "Kurzer Titel", label="Titel"),
        Field("handlungsfeld", Ref("handlungsfeld"), True, "Kürzel des Handlungsfelds", label="Handlungsfeld"),
        Field(
            "ziele",
            ListOf(Ref("ziel"), 1),
            True,
            "IDs der Ziele; das erste liegt im eigenen Handlungsfeld",
            label="Ziele",
        ),
        Field("reihenfolge", ORDER, False, "Zahl für die Sortierung unter dem ersten Ziel", label="Reihenfolge"),
        Field("federfuehrung", Ref("oe"), True, "OE-Nummer der federführenden Stelle", label="Federführung"),
        Field(
            "partner", ListOf(Partner()), False, "OE-Nummern oder Namen externer Partner*innen", label="Partner*innen"
        ),
        Field("zielgruppen", ListOf(Ref("zielgruppe"), 1), True, "IDs der Zielgruppen", label="Zielgruppen"),
        Field(
            "querschnittsthemen",
            ListOf(Ref("querschnittsthema")),
            False,
            "IDs der Querschnittsthemen",
            label="Querschnittsthemen",
        ),
        Field(
            "zeitraum",
            Obj(
                (
                    Field("beginn", YEAR, True, "Jahr des Beginns", label="Beginn"),
                    Field("ende", YEAR, False, "Jahr des Endes; ohne Ende: laufend", label="Ende"),
                )
            ),
            True,
            "Zeitraum der Umsetzung",
            label="Zeitraum",
        ),
        Field(
            "kosten",
            ListOf(
                Obj(
                    (
                        Field("betrag", Number(0, euro=True), True, "Betrag in Euro", label="Betrag"),
                        Field("art", KOSTEN_ART, True, "einmalig oder jaehrlich", label="Art"),
                        Field("finanzierung", Text(), True, "Finanzierungsquelle", label="Finanzierung"),
                    )
                ),
                entry="Kostenposten",
            ),
            False,
            "Kostenposten; weglassen, wenn keine zusätzlichen Kosten entstehen",
            label="Kosten",
        ),
        Field(
            "antragsberechtigt",
            Boolean(),
            True,
            "Können Vereine und Initiativen die Durchführung beantragen?",
            label="Antragsberechtigt",
        ),
        Field(
            "herkunft", Ref("gremium"), True, "Gremium, das die Maßnahme vorgeschlagen hat", label="Vorgeschlagen von"
        ),
        Field("entscheidung", ENTSCHEIDUNG, True, "Entscheidungsstand", label="Entscheidungsstand"),
        Field("umsetzung", UMSETZUNG, True, "Umsetzungsstand", label="Umsetzungsstand"),
        Field("kontakt", Ref("oe"), True, "OE-Nummer der Ansprechstelle", label="Ansprechstelle"),
        Field(
            "geprueft",
            MapOf(Ref("ziel"), FINGERPRINT),
            False,
            "Bestätigte Fassung je Ziel (schreibt „lip review confirm“; nicht von Hand ändern)",
            label="Prüfvermerk",
        ),
    )
)

GREMIUM = Obj(
    (
        Field("id", Key("gremium"), True, "ID, gleich dem Dateinamen", label="Kennung"),
        Field("name", Text(), True, "Voller Name", label="Name"),
        Field("kurzname", Text(), False, "Gebräuchliche Kurzform", label="Kurzname"),
        Field("art", GREMIUM_ART, True, "Art des Gremiums", label="Art des Gremiums"),
        Field("artikel", ARTIKEL, False, "Artikel für die Beratungsfolge (den, die, das)", label="Artikel"),
        Field("handlungsfeld", Ref("handlungsfeld"), False, "Kürzel, bei Expert*innengruppen", label="Handlungsfeld"),
        Field("vorsitz", Text(), False, "Funktion des Vorsitzes, nie ein Name", label="Vorsitz"),
        Field(
            "zusammensetzung",
            ListOf(
                Obj(
                    (
                        Field("art", Text(), True, "Art der Mitglieder", label="Art"),
                        Field("anzahl", Integer(1, 999), False, "Anzahl", label="Anzahl"),
                    )
                ),
                1,
                entry="Mitgliedergruppe",
            ),
            True,
            "Zusammensetzung nach Arten von Mitgliedern",
            label="Zusammensetzung",
        ),
    )
)


def _begriff(kind: str) -> Obj:
    return Obj(
        (
            Field("id", Key(kind), True, "ID, gleich dem Dateinamen", label="Kennung"),
            Field("name", Text(), True, "Bezeichnung", label="Name"),
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
                        Field(
                            "oe", Key("oe"), True, 'OE-Nummer in Anführungszeichen, z. B. "50.60"', label="OE-Nummer"
                        ),
                        Field("name", Text(), True, "Name der Organisationseinheit", label="Name"),
                        Field("dezernat", Text(), False, "Dezernat", label="Dezernat"),
                    )
                ),
                1,
                entry="Organisationseinheit",
                named_by="oe",
            ),
            True,
            "Organisationseinheiten der Stadtverwaltung",
            label="Organisationseinheiten",
        ),
    )
)

KAPITEL = Obj(
    (
        Field("titel", Text(), True, "Titel des Kapitels", label="Titel"),
        Field("reihenfolge", ORDER, True, "Zahl für die Sortierung der Kapitel", label="Reihenfolge"),
        Field("kurztitel", Text(), False, "Kurzer Titel für die Navigation", label="Kurztitel"),
    )
)

GLOSSAR = Obj(
    (
        Field("titel", Text(), True, "Titel", label="Titel"),
        Field(
            "begriffe",
            ListOf(
                Obj(
                    (
                        Field("begriff", Text(), True, "Begriff", label="Begriff"),
                        Field("erklaerung", Text(), True, "Erklärung", label="Erklärung"),
                    )
                ),
                1,
                entry="Begriff",
                named_by="begriff",
                quote_names=True,
            ),
            True,
            "Begriffe mit Erklärung",
            label="Begriffe",
        ),
    )
)

ZEITLEISTE = Obj(
    (
        Field("titel", Text(), True, "Titel", label="Titel"),
        Field(
            "ereignisse",
            ListOf(
                Obj(
                    (
                        Field("datum", Date(), True, "Datum", label="Datum"),
                        Field("titel", Text(), True, "Was geschah oder geschehen soll", label="Titel"),
                        Field("gremium", Ref("gremium"), False, "Beteiligtes Gremium", label="Gremium"),
                        Field("drucksache", DRUCKSACHE_PATTERN, False, "Drucksachennummer", label="Drucksache"),
                        Field("geplant", Boolean(), False, "true für künftige Termine", label="geplant"),
                    )
                ),
                1,
                entry="Ereignis",
            ),
            True,
            "Ereignisse des Prozesses",
            label="Ereignisse",
        ),
    )
)

# --- the record of participation: sessions and statements ---------------------------------

BESCHLUSS_ART = Choice(
    (
        ("vorgeschlagen", "vorgeschlagen"),
        ("zugestimmt", "zugestimmt"),
        ("geaendert", "mit Änderungen zugestimmt"),
        ("zurueckgestellt", "zurückgestellt"),
        ("abgelehnt", "gestrichen"),
        ("empfehlung_an_das_land", "Empfehlung an das Land"),
        ("beschlossen", "beschlossen"),
    )
)
# A decision of a session and the decision status of a measure it leads to (LIP312).
BESCHLUSS_STATUS = {"geaendert": "zugestimmt"}
ANTWORT = Choice(
    (
        ("beruecksichtigt", "berücksichtigt"),
        ("teilweise", "teilweise berücksichtigt"),
        ("nicht", "nicht berücksichtigt"),
    )
)

SITZUNG = Obj(
    (
        Field(
            "id", Key("sitzung"), True, "ID, gleich dem Dateinamen, z. B. lenkungsgruppe-2022-05-10", label="Kennung"
        ),
        Field("titel", Text(), True, "Titel der Sitzung, z. B. 7. Sitzung der Lenkungsgruppe", label="Titel"),
        Field("gremium", Ref("gremium"), True, "ID des Gremiums, das getagt hat", label="Gremium"),
        Field("datum", Date(), True, "Datum der Sitzung (JJJJ-MM-TT)", label="Datum"),
        Field(
            "tagesordnung",
            ListOf(Text(), 1),
            True,
            "Tagesordnungspunkte in ihrer Reihenfolge",
            label="Tagesordnung",
        ),
        Field(
            "beschluesse",
            ListOf(
                Obj(
                    (
                        Field(
                            "element",
                            Ref("element"),
                            True,
                            "ID des Ziels oder der Maßnahme",
                            label="Ziel oder Maßnahme",
                        ),
                        Field(
                            "entscheidung", BESCHLUSS_ART, True, "Was beschlossen wurde", label="Beschluss", main=True
                        ),
                        Field(
                            "aenderung",
                            Text(),
                            False,
                            "Was geändert wurde (Pflicht bei geaendert)",
                            label="Änderung",
                        ),
                        Field("begruendung", Text(), False, "Grund der Entscheidung", label="Begründung"),
                    )
                ),
                entry="Beschluss",
                named_by="element",
            ),
            False,
            "Beschlüsse zu Zielen und Maßnahmen",
            label="Beschlüsse",
        ),
    )
)

STELLUNGNAHME = Obj(
    (
        Field("id", Key("stellungnahme"), True, "ID, gleich dem Dateinamen, z. B. runder-tisch-2026", label="Kennung"),
        Field("titel", Text(), True, "Titel der Stellungnahme", label="Titel"),
        Field(
            "gremium", Ref("gremium"), True, "ID des Gremiums, das Stellung nimmt (nie eine Person)", label="Gremium"
        ),
        Field("datum", Date(), True, "Datum der Stellungnahme (JJJJ-MM-TT)", label="Datum"),
        Field(
            "punkte",
            ListOf(
                Obj(
                    (
                        Field("anliegen", Text(), True, "Das Anliegen in einem oder zwei Sätzen", label="Anliegen"),
                        Field(
                            "betrifft",
                            ListOf(Ref("element"), 1),
                            True,
                            "IDs der Ziele und Maßnahmen, die der Punkt betrifft",
                            label="Betrifft",
                        ),
                        Field(
                            "antwort", ANTWORT, True, "Wie der Punkt berücksichtigt wurde", label="Antwort", main=True
                        ),
                        Field(
                            "begruendung",
                            Text(),
                            False,
                            "Begründung der Verwaltung (Pflicht, wenn nicht voll berücksichtigt)",
                            label="Begründung",
                        ),
                    )
                ),
                1,
                entry="Punkt",
            ),
            True,
            "Die Punkte der Stellungnahme mit der Antwort",
            label="Punkte",
        ),
    )
)

LEICHTE_SPRACHE = Obj((Field("titel", Text(), True, "Titel", label="Titel"),))


# Every kind of file with its declaration; lip_build/load/files.py says where each lies.
SPECS: dict[str, Obj] = {
    "plan": PLAN,
    "drucksache": DRUCKSACHE,
    "organisationseinheiten": ORGANISATIONSEINHEITEN,
    "glossar": GLOSSAR,
    "zeitleiste": ZEITLEISTE,
    "leichte_sprache": LEICHTE_SPRACHE,
    "kapitel": KAPITEL,
    "gremium": GREMIUM,
    "zielgruppe": ZIELGRUPPE,
    "querschnittsthema": QUERSCHNITTSTHEMA,
    "handlungsfeld": HANDLUNGSFELD,
    "ziel": ZIEL,
    "massnahme": MASSNAHME,
    "sitzung": SITZUNG,
    "stellungnahme": STELLUNGNAHME,
}


def walk(spec: Obj, prefix: str = "") -> list[tuple[str, Field]]:
    """Every field with its dotted key, depth first; entries of lists of objects are written "kosten[].betrag"."""
    out: list[tuple[str, Field]] = []
    for f in spec.fields:
        key = prefix + f.key
        out.append((key, f))
        inner = f.type.item if isinstance(f.type, ListOf) else f.type
        if isinstance(inner, Obj):
            out += walk(inner, key + ("[]." if isinstance(f.type, ListOf) else "."))
    return out
