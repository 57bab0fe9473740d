"""The registry of diagnostic codes: number, severity, title and German message templates.

Every code is a constant (`LIP202`) that call sites pass to `Diagnostics.add` together with the
values for its placeholders; the sentence itself lives only here. A code with several wordings
has named variants (`variant="leer"`). Formatting with a missing or an extra value raises, so a
mismatch between a template and its call site is a programming error, never a half sentence.

Codes are grouped by range and never renumbered or reused:
  LIP1xx files and YAML syntax, LIP2xx fields, LIP3xx references and structure,
  LIP35x statuses and consistency, LIP4xx Markdown text.
A code that is no longer reported moves to RETIRED (code → reason) and can never be registered
again. Every code is documented in doku/diagnosen.md, has a fixture in tests/faelle/ and is
recorded in tests/snapshots/diagnosen.json (refresh: `.venv/bin/python -m tests.test_codes`).
"""

from __future__ import annotations

import enum
import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

_CODE = re.compile(r"^LIP\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class Severity(enum.Enum):
    ERROR = "Fehler"
    WARNING = "Warnung"


def placeholders(template: str) -> frozenset[str]:
    """The names in a template's `{name}` fields; anything but plain names is refused."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not _NAME.match(name) or spec or conversion:
            raise ValueError(f"template field {{{name}}} must be a plain lower-case name: {template!r}")
        names.add(name)
    return frozenset(names)


@dataclass(frozen=True, eq=False)
class Code:
    """One diagnostic code. `message` is the standard wording, `variants` the named others."""

    code: str
    severity: Severity
    title: str
    message: str
    variants: Mapping[str, str]

    @property
    def templates(self) -> dict[str, str]:
        """Every wording by variant name; the standard one under ""."""
        return {"": self.message, **self.variants}

    def placeholders(self, variant: str = "") -> frozenset[str]:
        return placeholders(self._template(variant))

    def format(self, variant: str = "", /, **values: object) -> str:
        """The message with `values` filled in; exactly the template's placeholders are required."""
        template = self._template(variant)
        expected = placeholders(template)
        if expected != set(values):
            missing, extra = sorted(expected - set(values)), sorted(set(values) - expected)
            raise TypeError(f"{self.code}{f'[{variant}]' if variant else ''}: missing {missing}, unexpected {extra}")
        return template.format(**{k: str(v) for k, v in values.items()})

    def _template(self, variant: str) -> str:
        if not variant:
            return self.message
        try:
            return self.variants[variant]
        except KeyError:
            raise TypeError(f"{self.code} has no variant {variant!r}; known: {sorted(self.variants)}") from None

    def __repr__(self) -> str:
        return f"Code({self.code})"


class Registry(Mapping[str, Code]):
    """Codes by number. Registering a malformed, duplicate or retired code raises at once."""

    def __init__(self, retired: Mapping[str, str]) -> None:
        self.retired: Mapping[str, str] = MappingProxyType(dict(retired))
        self._codes: dict[str, Code] = {}

    def register(self, code: str, severity: Severity, title: str, message: str, /, **variants: str) -> Code:
        if not _CODE.match(code):
            raise ValueError(f"{code!r} is not of the form LIPnnn")
        if code in self.retired:
            raise ValueError(f"{code} is retired ({self.retired[code]}) and must not be reused; take a new number")
        if code in self._codes:
            raise ValueError(f"{code} is registered twice")
        if not title.strip() or not message.strip():
            raise ValueError(f"{code} needs a title and a message")
        for name, template in {"": message, **variants}.items():
            if name and not _NAME.match(name):
                raise ValueError(f"{code}: variant name {name!r} must be a plain lower-case name")
            if "variant" in placeholders(template):
                raise ValueError(f"{code}: the placeholder name {{variant}} is reserved for Diagnostics.add")
        entry = Code(code, severity, title, message, MappingProxyType(dict(variants)))
        self._codes[code] = entry
        return entry

    def __getitem__(self, code: str) -> Code:
        return self._codes[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


E, W = Severity.ERROR, Severity.WARNING

# Codes that are no longer reported, with the reason; their numbers are never given out again.
# To retire a code: delete its constant and call sites, add "LIPnnn": "why" here, keep its
# section in doku/diagnosen.md marked as retired, and refresh the snapshot.
RETIRED: dict[str, str] = {}

CODES = Registry(RETIRED)
_code = CODES.register

# -- LIP1xx: files and YAML syntax --------------------------------------------------------

LIP101 = _code(
    "LIP101",
    E,
    "Datei ist nicht UTF-8-kodiert",
    "Die Datei ist nicht UTF-8-kodiert (Byte 0x{byte}). Speichern Sie sie in Ihrem Editor mit der Kodierung "
    "„UTF-8“ (in Windows-Editoren oft „ANSI“ → „UTF-8“).",
)
LIP102 = _code(
    "LIP102",
    E,
    "Datei ist leer",
    "Die Datei ist leer. Füllen Sie sie mit Kopfbereich und Text (Vorlage: „lip new“) oder löschen Sie sie.",
)
LIP103 = _code(
    "LIP103",
    E,
    "Datei ist keine Textdatei",
    "Die Datei enthält Binärdaten (Nullbytes) und ist keine Textdatei. Speichern Sie den Text als reine "
    "Textdatei (Markdown, UTF-8); Bilder gehören in einen Ordner „bilder“.",
    unlesbar="Die Datei kann nicht gelesen werden ({grund}).",
)
LIP104 = _code(
    "LIP104",
    E,
    "Kopfbereich fehlt",
    "Die Datei beginnt nicht mit einem Kopfbereich. Die erste Zeile muss genau „---“ sein, danach folgen die "
    "Angaben (z. B. „titel: …“) und wieder eine Zeile „---“.",
)
LIP105 = _code(
    "LIP105",
    E,
    "Kopfbereich ist nicht abgeschlossen",
    "Der Kopfbereich wird nicht geschlossen: nach den Angaben fehlt eine Zeile, die genau „---“ enthält. "
    "Fügen Sie sie vor dem Text ein.",
)
_INDENT = "Die Einrückung stimmt nicht: Schlüssel auf derselben Ebene müssen genau untereinander stehen."
LIP106 = _code(
    "LIP106",
    E,
    "YAML-Syntaxfehler im Kopfbereich",
    "Der Kopfbereich ist kein gültiges YAML ({problem}).",
    doppelpunkt="Hier steht ein Doppelpunkt, wo keiner stehen darf. Enthält ein Text „: “? Dann setzen Sie den "
    "ganzen Text in Anführungszeichen.",
    doppelpunkt_fehlt="Hier fehlt der Doppelpunkt nach einem Schlüssel (Form: „schluessel: Wert“).",
    zeichen="Ein Wert beginnt mit einem Zeichen, das YAML nicht erlaubt (z. B. @ oder `). Setzen Sie den Wert in "
    "Anführungszeichen.",
    tabulator="Hier steht ein Tabulatorzeichen. YAML erlaubt zum Einrücken nur Leerzeichen.",
    alias='Ein Wert beginnt mit * . Setzen Sie ihn in Anführungszeichen, z. B. "*innen".',
    anker="Ein Wert beginnt mit & . Setzen Sie ihn in Anführungszeichen.",
    alias_unbekannt="Ein Wert beginnt mit * . Setzen Sie ihn in Anführungszeichen.",
    anfuehrungszeichen="Ein Anführungszeichen wird nicht geschlossen.",
    anfuehrungszeichen_offen="Der Wert von „{schluessel}“ beginnt mit dem Anführungszeichen {zeichen}, das in dieser "
    "Zeile nicht geschlossen wird; YAML liest deshalb die folgenden Zeilen als Teil des Werts. Setzen Sie das "
    "schließende {zeichen} ans Ende des Werts.",
    leerzeichen_sonder="Hier steht ein besonderes Leerzeichen ({codepunkt}, etwa ein geschütztes Leerzeichen aus Word "
    "oder einer Webseite), das YAML nicht als Leerzeichen erkennt. Löschen Sie es und tippen Sie ein normales "
    "Leerzeichen.",
    leerzeichen_fehlt="Nach „{schluessel}:“ fehlt ein Leerzeichen; YAML liest sonst Schlüssel und Wert als einen Text. "
    "Schreiben Sie „{schluessel}: Wert“.",
    typografisch="In dieser Zeile stehen typografische Anführungszeichen („…“ oder “…”). YAML erkennt nur gerade "
    "Anführungszeichen (\" oder '); setzen Sie einen Text mit „: “ oder Klammern in gerade Anführungszeichen, z. B. "
    'titel: "„Wir: zusammen“".',
    liste="In einer Liste in eckigen Klammern fehlt ein Komma oder die schließende Klammer ].",
    klammern="In geschweiften Klammern fehlt ein Komma oder die schließende Klammer }}.",
    listeneintrag="Die Einrückung eines Listeneintrags („- “) stimmt nicht.",
    einrueckung=_INDENT,
    escape="In einem Text in doppelten Anführungszeichen steht ein ungültiges \\ . Verwenden Sie einfache "
    "Anführungszeichen oder schreiben Sie \\\\.",
    ende="Der Kopfbereich endet mitten in einem Wert (fehlt ein Anführungszeichen?).",
)
LIP107 = _code(
    "LIP107",
    E,
    "Schlüssel doppelt",
    "Der Schlüssel „{schluessel}“ steht doppelt (zuerst in Zeile {zeile}). YAML würde stillschweigend nur den "
    "letzten Wert nehmen. Führen Sie beide Angaben zusammen und löschen Sie eine.",
)
LIP108 = _code(
    "LIP108",
    E,
    "Kopfbereich ist keine Liste von Schlüsseln",
    "Der Kopfbereich muss aus Zeilen der Form „schluessel: Wert“ bestehen, nicht aus einem einzelnen Wert oder "
    "einer Liste.",
)
LIP109 = _code(
    "LIP109",
    E,
    "YAML-Anker und -Verweise sind nicht erlaubt",
    "Der Wert beginnt mit „&{name}“. In YAML ist das ein Anker, kein Text – der Wert ginge verloren. Setzen Sie "
    'den ganzen Wert in Anführungszeichen, z. B. "&{name} …".',
    verweis="Der Wert beginnt mit „*{name}“. In YAML ist das ein Verweis, kein Text – der Wert ginge verloren. "
    'Setzen Sie den ganzen Wert in Anführungszeichen, z. B. "*{name} …".',
)
LIP110 = _code(
    "LIP110",
    E,
    "Datei ist zu groß",
    "Die Datei ist {groesse} kB groß; erlaubt sind höchstens {grenze} kB. Teilen Sie den Text auf mehrere Dateien auf.",
)
LIP111 = _code(
    "LIP111",
    E,
    "Datei liegt an einem unbekannten Ort",
    "Die Datei „{pfad}“ liegt an keinem Ort, den lip kennt, und würde nicht verwendet. Verschieben Sie sie (z. B. "
    "nach content/kapitel/, content/gremien/, handlungsfelder/<feld>/ziele/, handlungsfelder/<feld>/massnahmen/) "
    "oder löschen Sie sie.",
    andere="Die Datei „{name}“ gehört nicht zum Plan: lip liest nur Markdown-Dateien (Endung „.md“) an festen "
    "Orten. Daneben erlaubt sind nur Bilder und verlinkte Dokumente (.png, .jpg, .svg, .pdf, .docx, …) und "
    "README.md. Soll die Datei zum Plan gehören, speichern Sie sie als „….md“ am passenden Ort "
    "(doku/inhaltsmodell.md); sonst löschen Sie sie.",
)
LIP112 = _code(
    "LIP112",
    E,
    "Pflichtdatei fehlt",
    "Die Datei „{pfad}“ fehlt, ohne sie kann der Plan nicht erstellt werden. Legen Sie sie wieder an (siehe "
    "doku/inhaltsmodell.md).",
    handlungsfeld="Im Ordner „handlungsfelder/{ordner}“ fehlt die Datei „handlungsfeld.md“ mit Kürzel, Name und "
    "Kapiteltext des Handlungsfelds. Legen Sie sie an.",
)
LIP113 = _code(
    "LIP113",
    E,
    "Ziel oder Maßnahme am falschen Ort",
    "Die Datei „{name}“ enthält {art} {id}, endet aber nicht auf „.md“ und fehlte so im Plan. Benennen Sie sie "
    "um in „{ziel}“.",
    ordner="Die Datei enthält {art} {id}, liegt aber im Ordner „{ordner}“, wo lip sie nicht als solche liest. "
    "Verschieben Sie sie nach „{ziel}“.",
    kopie="Die Datei enthält {art} {id}, die schon in „{ziel}“ steht; lip liest nur jene. Ist dies eine Kopie "
    "oder eine ältere Fassung, löschen Sie sie (frühere Fassungen bewahrt Git auf); sonst übertragen Sie die "
    "Änderungen nach „{ziel}“.",
)

# -- LIP2xx: fields -----------------------------------------------------------------------

LIP201 = _code(
    "LIP201",
    E,
    "Unbekannter Schlüssel",
    "Den Schlüssel „{schluessel}“ gibt es hier nicht.{vorschlag} Erlaubt sind: {erlaubt}.",
    leerzeichen="Vor dem Schlüssel „{schluessel}“ steht ein besonderes Leerzeichen ({codepunkt}, etwa ein geschütztes "
    "Leerzeichen aus Word oder einer Webseite), das YAML nicht als Leerzeichen erkennt. Löschen Sie es und tippen Sie "
    "ein normales Leerzeichen.",
)
LIP202 = _code(
    "LIP202",
    E,
    "Pflichtangabe fehlt",
    "Die Pflichtangabe „{feld}“ fehlt. Ergänzen Sie „{schluessel}: …“ ({hilfe}).",
    leer="Die Pflichtangabe „{feld}“ fehlt oder ist leer. Ergänzen Sie „{schluessel}: …“ ({hilfe}).",
    liste="Die Liste „{feld}“ braucht mindestens {anzahl} Eintrag.",
    antrag="Eine Beschlussdrucksache braucht den Beschlusstext „antrag“ (z. B. „den in der Anlage 1 beigefügten … "
    "zu beschließen.“). Ergänzen Sie ihn oder wählen Sie art: informationsdrucksache.",
    gruende="Eintrag {nr} im Verlauf hat den Status „{status}“, nennt aber keine Gründe. Der Sachstandsbericht muss "
    "sagen, warum nichts geschieht oder die Maßnahme endete: ergänzen Sie im Eintrag „gruende: …“, z. B. „gruende: "
    "Die Stelle ist seit März unbesetzt.“",
)
_WRONG_KIND = "„{feld}“ enthält {gefunden}; erwartet: {erwartet}."
LIP203 = _code(
    "LIP203",
    E,
    "Falsche Art von Wert",
    _WRONG_KIND,
    anfuehrungszeichen=_WRONG_KIND + " Setzen Sie den Wert in Anführungszeichen.",
    zahl=_WRONG_KIND + " Schreiben Sie Zahlen ohne Tausenderpunkte und mit Punkt statt Komma (1250000.50).",
    ja_nein="„{feld}“ enthält „{wert}“; erwartet: true oder false. Schreiben Sie {vorschlag} (nur true und false "
    "gelten überall als Wahrheitswert, yes/no und ja/nein nicht).",
    tausenderpunkt="„{feld}“ ist als {wert} geschrieben; gelesen würden daraus {gelesen} €, denn der Punkt trennt "
    "Nachkommastellen. Meinten Sie {vorschlag}? Schreiben Sie Beträge ohne Tausenderpunkte.",
    betrag="„{feld}“ enthält „{wert}“; erwartet: ein Betrag in Euro als Zahl ohne Tausenderpunkte, Leerzeichen und "
    "Eurozeichen, mit Punkt vor den Cent. Meinten Sie {vorschlag}?",
    zahl_statt_text="„{feld}“ ist als Zahl {wert} geschrieben; erwartet wird {erwartet} als Text. Setzen Sie den "
    'Wert in Anführungszeichen, damit er genau so gilt, wie er dasteht: „{schluessel}: "{beispiel}"“.',
)
_NOT_A_DATE = "„{wert}“ in „{feld}“ ist kein Datum in der Form JJJJ-MM-TT (z. B. 2026-11-26"
LIP204 = _code(
    "LIP204",
    E,
    "Ungültiges Datum",
    _NOT_A_DATE + ").",
    deutsch=_NOT_A_DATE + "; für {wert} schreiben Sie {iso}).",
    kein_tag="„{wert}“ in „{feld}“ ist kein gültiges Datum (diesen Tag gibt es nicht). Prüfen Sie Monat und Tag "
    "(Form JJJJ-MM-TT).",
    zitiert="Das Datum „{wert}“ in „{feld}“ steht in Anführungszeichen und gilt deshalb als Text. Schreiben Sie es "
    "ohne Anführungszeichen: {schluessel}: {datum}",
)
LIP205 = _code(
    "LIP205",
    E,
    "Unbekannter Wert",
    "„{wert}“ ist kein erlaubter Wert für „{feld}“.{vorschlag} Erlaubt sind: {erlaubt}.",
)
_BAD_ID = "„{wert}“ in „{feld}“ ist keine gültige ID für {art}. Erwartet wird die Form „{beispiel}“."
LIP206 = _code(
    "LIP206",
    E,
    "Ungültige ID",
    _BAD_ID,
    grossschreibung=_BAD_ID + " Meinten Sie „{vorschlag}“?",
    zweistellig=_BAD_ID + " Zahlen sind mindestens zweistellig: „{vorschlag}“.",
    kleinbuchstaben=_BAD_ID + " IDs bestehen aus Kleinbuchstaben, Ziffern und Bindestrichen, ohne Umlaute.",
)
LIP207 = _code(
    "LIP207",
    E,
    "Wert außerhalb des erlaubten Bereichs",
    "„{feld}“ ist {wert}; erlaubt sind Zahlen von {minimum} bis {maximum}.",
    negativ="„{feld}“ ist {wert}; der Wert darf nicht negativ sein.",
)
LIP208 = _code(
    "LIP208",
    E,
    "Wert hat nicht die erwartete Form",
    "„{wert}“ in „{feld}“ ist keine gültige {was}. Erwartet wird die Form „{beispiel}“.",
    id=_BAD_ID,
)
LIP209 = _code(
    "LIP209",
    W,
    "Eintrag doppelt in einer Liste",
    "„{wert}“ steht zweimal in „{feld}“ (zuerst als Eintrag {erster}). Löschen Sie den doppelten Eintrag.",
)

LIP210 = _code(
    "LIP210",
    W,
    "Vorgeschlagener Wert noch nicht geprüft",
    "Der Wert von „{schluessel}“ ist noch mit „# {marke}“ markiert: „lip new“ hat ihn nur vorgeschlagen. Prüfen "
    "Sie ihn und löschen Sie dann den Kommentar ab „#“. Eine Freigabe (lip build --release) ist so nicht möglich.",
)

LIP211 = _code(
    "LIP211",
    E,
    "Wert in typografischen Anführungszeichen",
    "„{feld}“ ist {wert}: die typografischen Anführungszeichen erkennt YAML nicht als Anführungszeichen, sie "
    'gehören so zum Wert. Schreiben Sie gerade Anführungszeichen ("{innen}") oder lassen Sie sie weg.',
)

# -- LIP30x–31x: references and structure -------------------------------------------------

LIP301 = _code(
    "LIP301",
    E,
    "ID doppelt vergeben",
    "Die ID „{id}“ ({art}) ist schon in {pfad}:{zeile} vergeben. IDs müssen eindeutig sein; vergeben Sie hier "
    "eine neue (z. B. mit „lip new“).",
)
LIP302 = _code(
    "LIP302",
    E,
    "Ablageort passt nicht zum Handlungsfeld",
    "Die Datei liegt im Ordner „handlungsfelder/{ordner}“ (Handlungsfeld {erwartet}), gehört laut "
    "„handlungsfeld: {feld}“ aber zu {feld}. Verschieben Sie die Datei in den Ordner ihres Handlungsfelds oder "
    "korrigieren Sie die Angabe.",
)
_UNKNOWN = "{art} „{wert}“ (in „{feld}“) gibt es nicht.{vorschlag} "
_UNKNOWN_VARIANTS = {
    "keine": _UNKNOWN + "Es sind noch keine {mehrzahl} angelegt.",
}
LIP303 = _code(
    "LIP303",
    E,
    "Verweis auf ein unbekanntes Element",
    _UNKNOWN + "Vorhanden: {vorhanden}.",
    im_feld=_UNKNOWN + "Vorhandene {mehrzahl} mit {kuerzel}: {vorhanden}.",
    **_UNKNOWN_VARIANTS,
)
LIP304 = _code(
    "LIP304",
    E,
    "Unbekannter Eintrag aus einem Verzeichnis",
    _UNKNOWN + "Vorhanden: {vorhanden}.",
    **_UNKNOWN_VARIANTS,
)
LIP305 = _code(
    "LIP305",
    E,
    "Textverweis auf eine unbekannte ID",
    "Der Textverweis „[[{id}]]“ führt ins Leere: ein Ziel oder eine Maßnahme mit dieser ID gibt es nicht."
    "{vorschlag} Schreiben Sie die ID genau so wie im Kopfbereich des Ziels oder der Maßnahme, z. B. [[BIL-M03]].",
)
LIP306 = _code(
    "LIP306",
    W,
    "Ziel ohne Maßnahme",
    "Dem Ziel „{ziel}“ dient noch keine Maßnahme. Tragen Sie es bei passenden Maßnahmen unter „ziele“ ein oder "
    "legen Sie eine Maßnahme an (lip new massnahme).",
)
LIP307 = _code(
    "LIP307",
    E,
    "Erstes Ziel liegt nicht im eigenen Handlungsfeld",
    "Das erste Ziel „{ziel}“ gehört zum Handlungsfeld {ziel_feld}, die Maßnahme aber zu {feld}. Die Nummer einer "
    "Maßnahme richtet sich nach ihrem ersten Ziel: nennen Sie zuerst ein Ziel aus {feld}, danach die Ziele anderer "
    "Handlungsfelder.",
)
LIP308 = _code(
    "LIP308",
    W,
    "Dateiname passt nicht zur ID",
    "Die Datei heißt „{name}.md“, die ID ist aber „{id}“. Benennen Sie die Datei in „{id}.md“ um, damit man sie "
    "leicht findet.",
)
LIP309 = _code(
    "LIP309",
    E,
    "Handlungsfelder im Plan und Ordner passen nicht zusammen",
    "Das Handlungsfeld „{kuerzel}“ fehlt in der Liste „handlungsfelder“ in content/plan.md und erscheint deshalb "
    "nirgends. Tragen Sie es dort an der gewünschten Stelle ein.",
)
LIP310 = _code(
    "LIP310",
    E,
    "Gremium der falschen Art",
    "In „{feld}“ muss {erlaubt} stehen; „{gremium}“ ist aber ein Gremium der Art „{art}“.",
)
# LIP311 names goals that changed since the last confirmation and goals never confirmed, one or several each.
_CHANGED = {
    "ein_geaendert": "Ziel {geaendert} hat sich seit der letzten Bestätigung geändert",
    "mehrere_geaendert": "die Ziele {geaendert} haben sich seit der letzten Bestätigung geändert",
}
_NEW = {
    "ein_neu": "die Verknüpfung mit Ziel {neu} ist noch nicht bestätigt",
    "mehrere_neu": "die Verknüpfung mit den Zielen {neu} ist noch nicht bestätigt",
}
_CONFIRM = ". Passt die Maßnahme noch zu ihren Zielen? Dann bestätigen Sie mit „lip review confirm {id}“."
LIP311 = _code(
    "LIP311",
    W,
    "Maßnahme nach Änderung eines Ziels zu prüfen",
    "Zu prüfen: " + _CHANGED["ein_geaendert"] + _CONFIRM,
    **{name: "Zu prüfen: " + text + _CONFIRM for name, text in {**_CHANGED, **_NEW}.items() if name != "ein_geaendert"},
    **{f"{c}_{n}": f"Zu prüfen: {_CHANGED[c]}; {_NEW[n]}{_CONFIRM}" for c in _CHANGED for n in _NEW},
)

LIP312 = _code(
    "LIP312",
    E,
    "Entscheidungsstand widerspricht dem letzten Beschluss",
    "Der Entscheidungsstand ist „{status}“, der letzte Beschluss zu {id} lautet aber „{beschluss}“ "
    "({sitzung} am {datum}, {pfad}:{zeile}). Passen Sie entscheidung.status an oder tragen Sie den neueren "
    "Beschluss in der Datei der Sitzung unter content/sitzungen/ ein.",
    datum="Der Entscheidungsstand nennt das Datum {angabe}, der letzte Beschluss zu {id} fiel aber am {datum} "
    "({sitzung}, {pfad}:{zeile}). Gleichen Sie entscheidung.datum an das Datum der Sitzung an.",
)
LIP313 = _code(
    "LIP313",
    E,
    "Antwort auf eine Stellungnahme ohne Begründung",
    "Punkt {nr} ist „{antwort}“, aber ohne Begründung. Wer Stellung genommen hat, soll nachlesen können, warum: "
    "ergänzen Sie unter „antwort“ eine Zeile „begruendung: …“.",
)
LIP314 = _code(
    "LIP314",
    E,
    "Änderung ohne Vermerk",
    "Der Beschluss zu {id} lautet „mit Änderungen zugestimmt“, sagt aber nicht, was geändert wurde. Ergänzen Sie "
    "„aenderung: …“, z. B. „aenderung: Laufzeit auf 2028 verkürzt“.",
)

# -- LIP35x: statuses and consistency -----------------------------------------------------

LIP350 = _code(
    "LIP350",
    E,
    "Entscheidungsstand unvollständig",
    "Der Entscheidungsstand „{status}“ ({bezeichnung}) braucht auch {fehlend}. Ergänzen Sie {beispiele}.",
)
LIP351 = _code(
    "LIP351",
    E,
    "Umsetzungsstand widerspricht dem Entscheidungsstand",
    "Die Maßnahme ist „{entscheidung}“, ihr Umsetzungsstand ist aber „{umsetzung}“. Eine solche Maßnahme wird "
    "nicht umgesetzt: setzen Sie umsetzung.status auf nicht_begonnen oder korrigieren Sie den Entscheidungsstand.",
)
LIP352 = _code(
    "LIP352",
    E,
    "Jahre in falscher Reihenfolge",
    "„{bis}“ ({bis_jahr}) liegt vor „{von}“ ({von_jahr}). Prüfen Sie beide Jahreszahlen.",
)
LIP353 = _code(
    "LIP353",
    W,
    "Angabe passt nicht zum Status",
    "Beim Entscheidungsstand „{status}“ wird {angaben} nicht verwendet. Ist der Status veraltet? Sonst löschen Sie "
    "die Angabe.",
)
LIP354 = _code(
    "LIP354",
    W,
    "Unplausibler Betrag",
    "Der Betrag {betrag} € in „{feld}“ ist größer als {grenze} € und damit wohl ein Tippfehler. Prüfen Sie die "
    "Zahl; ist sie richtig, setzen Sie in content/plan.md „hoechstbetrag“ herauf.",
)
LIP355 = _code(
    "LIP355",
    E,
    "Einträge im Verlauf nicht nach Datum geordnet",
    "Eintrag {nr} im Verlauf ist vom {datum} und damit älter als Eintrag {vorher_nr} vom {vorher_datum} (Zeile "
    "{zeile}). Ordnen Sie die Einträge unter „umsetzung.verlauf“ nach dem Datum, den ältesten zuerst: der letzte "
    "Eintrag ist der aktuelle Stand.",
    doppelt="Eintrag {nr} im Verlauf hat dasselbe Datum {datum} wie Eintrag {vorher_nr} (Zeile {zeile}). Je "
    "Berichtsstand gilt ein Eintrag: führen Sie beide zusammen oder korrigieren Sie das Datum.",
)
LIP356 = _code(
    "LIP356",
    E,
    "Umsetzungsstand widerspricht dem letzten Eintrag im Verlauf",
    "Der Umsetzungsstand ist „{status}“, der letzte Eintrag im Verlauf (vom {datum}, Zeile {zeile}) lautet aber "
    "„{eintrag}“. Der letzte Eintrag ist der aktuelle Stand: gleichen Sie umsetzung.status an ihn an oder ergänzen "
    "Sie einen neueren Eintrag.",
    stand="umsetzung.stand nennt den {stand}, der letzte Eintrag im Verlauf ist aber vom {datum} (Zeile {zeile}). "
    "Gleichen Sie umsetzung.stand an das Datum des letzten Eintrags an: „stand: {iso}“.",
    stand_fehlt="Der Umsetzungsstand nennt kein Datum, der letzte Eintrag im Verlauf ist vom {datum} (Zeile "
    "{zeile}). Ergänzen Sie unter „umsetzung“ die Zeile „stand: {iso}“.",
)
LIP357 = _code(
    "LIP357",
    E,
    "Messwert in einer anderen Einheit als die Kennzahl",
    "Der Wert für {jahr} ist in „{einheit}“ angegeben, die Kennzahl „{name}“ wird aber laut Zeile {zeile} in "
    "„{erwartet}“ gemessen. Rechnen Sie den Wert in {erwartet} um und ändern Sie „einheit“; misst die Quelle etwas "
    "anderes, gehört der Wert zu einer eigenen Kennzahl.",
)
LIP358 = _code(
    "LIP358",
    E,
    "Jahre der Messwerte doppelt oder nicht geordnet",
    "Der Wert für {jahr} steht nach dem Wert für {vorher} (Zeile {zeile}). Ordnen Sie die Werte der Kennzahl "
    "„{name}“ nach dem Jahr, das älteste zuerst.",
    doppelt="Für {jahr} steht schon ein Wert der Kennzahl „{name}“ in Zeile {zeile}. Je Jahr gilt ein Wert: löschen "
    "Sie einen oder korrigieren Sie das Jahr.",
    ausgangsjahr="Der Wert für {jahr} liegt nicht nach dem Ausgangsjahr {ausgangsjahr} der Kennzahl „{name}“ (Zeile "
    "{zeile}). Gemessene Werte folgen auf den Ausgangswert; soll der Ausgangswert anders lauten, ändern Sie "
    "„ausgangswert“.",
)

# -- LIP4xx: Markdown text ----------------------------------------------------------------

LIP401 = _code(
    "LIP401",
    E,
    "Überschrift der Ebene 1 im Text",
    "Der Text enthält eine Überschrift der Ebene 1 („# …“). Der Titel kommt aus dem Kopfbereich; beginnen Sie "
    "Überschriften im Text mit „## “.",
)
_SKIPPED = (
    " Ebene {ebene}; Ebene {erwartet} wird übersprungen. Verwenden Sie „{zeichen} “, damit Vorlesegeräte und das "
    "Inhaltsverzeichnis des PDF die Gliederung verstehen."
)
LIP402 = _code(
    "LIP402",
    E,
    "Überschriftenebene übersprungen",
    "Auf Ebene {vorher} folgt" + _SKIPPED,
    erste="Die erste Überschrift im Text hat" + _SKIPPED,
)
LIP403 = _code(
    "LIP403",
    E,
    "HTML oder Rohcode im Text",
    "Im Text steht HTML („{auszug}“). HTML wird aus Sicherheitsgründen nicht übernommen. Verwenden Sie Markdown: "
    "**fett**, *kursiv*, [Linktext](https://…), Listen mit „- “.",
    rohcode="Im Text steht ein Rohcode-Block („{auszug}“). Rohcode für HTML, Typst oder LaTeX wird aus "
    "Sicherheitsgründen nicht übernommen. Schreiben Sie den Inhalt als normales Markdown.",
)
_MISSING_FILE = (
    " „{ziel}“ gibt es nicht (gesucht: {gesucht}). Prüfen Sie Schreibweise und Ordner oder laden Sie die Datei hoch."
)
LIP404 = _code(
    "LIP404",
    E,
    "Bild oder Datei fehlt",
    "Das Bild" + _MISSING_FILE,
    datei="Die verlinkte Datei" + _MISSING_FILE,
)
LIP405 = _code(
    "LIP405",
    E,
    "Pfad führt aus dem Repository hinaus",
    "„{ziel}“ führt aus dem Repository hinaus. Nur Dateien im Repository dürfen verwendet werden.",
    absolut="„{ziel}“ ist ein absoluter Pfad. Verweisen Sie relativ zur Datei, z. B. „bilder/grafik.png“.",
    computer="„{ziel}“ ist ein Pfad auf einem einzelnen Computer. Legen Sie die Datei ins Repository und verweisen "
    "Sie relativ zur Datei, z. B. „bilder/grafik.png“.",
)
LIP406 = _code(
    "LIP406",
    E,
    "Bild ohne Alternativtext",
    "Das Bild „{bild}“ hat keinen Alternativtext. Beschreiben Sie in den eckigen Klammern, was zu sehen ist: "
    "![Balkendiagramm der Teilnehmendenzahlen](…). Blinde Menschen hören diesen Text, und das barrierefreie PDF "
    "braucht ihn.",
)
LIP407 = _code(
    "LIP407",
    E,
    "Bild von einer externen Adresse",
    "Das Bild „{bild}“ wird von einer fremden Adresse geladen. Die Website darf keine Inhalte von Dritten "
    "nachladen (Datenschutz). Legen Sie das Bild in einen Ordner „bilder“ im Repository und verweisen Sie relativ "
    "darauf.",
)
LIP408 = _code(
    "LIP408",
    W,
    "Text fehlt",
    "Nach dem Kopfbereich folgt kein Text. Beschreiben Sie unter der zweiten Zeile „---“, worum es geht; der Text "
    "erscheint auf der Website und in der Drucksache.",
)
LIP409 = _code(
    "LIP409",
    W,
    "Platzhaltertext von lip new",
    "Hier steht noch der Platzhalter „{text}“ aus „lip new“. Ersetzen Sie ihn durch Ihren Text; sonst erscheint er "
    "auf der Website und in der Drucksache. Eine Freigabe (lip build --release) ist so nicht möglich.",
)
LIP410 = _code(
    "LIP410",
    E,
    "Zeichen fehlt in den Schriften des PDF",
    "Das Zeichen „{zeichen}“ ({codepunkt}) gibt es in keiner Schrift der Drucksache; das PDF ließe sich so "
    "nicht erstellen. Ersetzen Sie es (ein Emoji zum Beispiel durch Worte) oder legen Sie eine Schrift mit offener "
    "Lizenz, die es enthält, in den Ordner {ordner}/.",
)

LIP411 = _code(
    "LIP411",
    W,
    "Schriftdatei lässt sich nicht lesen",
    "Die Datei „{pfad}“ ist beschädigt oder keine Schrift im Format TTF, OTF oder TTC; die Drucksache wird ohne "
    "sie gesetzt. Ersetzen Sie sie durch eine unbeschädigte Kopie (etwa neu von der Seite der Schrift "
    "herunterladen) oder entfernen Sie sie aus dem Ordner.",
)
