"""Progress over time (LIP355–LIP358, conditional LIP202): a measure's dated entries, a goal's measured values.

The entries of `umsetzung.verlauf` are written oldest first, and the latest one is the current
state: `umsetzung.status` and `umsetzung.stand` must say the same. An entry that reports nothing
happening (nicht_begonnen) or an end (eingestellt) gives its reasons. The measured values of an
indicator (`kennzahlen[].werte`) follow its baseline year, one per year in order, in the unit of
the indicator. Each message names the other line that takes part.
"""

from __future__ import annotations

from lip_build import schema as s
from lip_build.check.beteiligung import date_de
from lip_build.check.document import Document, records
from lip_build.codes import LIP202, LIP355, LIP356, LIP357, LIP358
from lip_build.diagnostics import Diagnostics
from lip_build.model.plan import Kennzahl, Massnahme, Ziel

NEEDS_REASON = ("nicht_begonnen", "eingestellt")
# Spellings of one unit: "%" is "Prozent" (but "Prozentpunkte" is another unit).
_SAME_UNIT = {"%": "prozent"}


def check_verlauf(documents: list[Document], diagnostics: Diagnostics) -> None:
    """Only files whose fields passed: a malformed entry was reported already and is not judged again."""
    for doc, massnahme in records(documents, "massnahme", Massnahme):
        if massnahme.umsetzung.verlauf:
            _entries(doc, massnahme, diagnostics)
    for doc, ziel in records(documents, "ziel", Ziel):
        for index, kennzahl in enumerate(ziel.kennzahlen):
            _values(doc, index, kennzahl, diagnostics)


def _entries(doc: Document, massnahme: Massnahme, diagnostics: Diagnostics) -> None:
    umsetzung = massnahme.umsetzung
    verlauf = umsetzung.verlauf

    def line(index: int, key: str) -> int:
        return doc.source.line_of("umsetzung", "verlauf", index, key).line

    for index, eintrag in enumerate(verlauf):
        if eintrag.status in NEEDS_REASON and not eintrag.gruende:
            pos = doc.source.line_of("umsetzung", "verlauf", index, "status")
            diagnostics.add(
                LIP202,
                doc.path,
                pos.line,
                pos.column,
                variant="gruende",
                nr=index + 1,
                status=s.UMSETZUNG_STATUS.label(eintrag.status),
            )
        if index == 0:
            continue
        vorher = verlauf[index - 1]
        if eintrag.datum <= vorher.datum:
            pos = doc.source.line_of("umsetzung", "verlauf", index, "datum")
            older: dict[str, object] = {} if eintrag.datum == vorher.datum else {"vorher_datum": date_de(vorher.datum)}
            diagnostics.add(
                LIP355,
                doc.path,
                pos.line,
                pos.column,
                variant="" if older else "doppelt",
                nr=index + 1,
                datum=date_de(eintrag.datum),
                vorher_nr=index,
                zeile=line(index - 1, "datum"),
                **older,
            )
    # The newest entry, even where the order is wrong (LIP355 says so): the last of the latest date.
    newest = max(range(len(verlauf)), key=lambda i: (verlauf[i].datum, i))
    letzter = verlauf[newest]
    datum, zeile = date_de(letzter.datum), line(newest, "datum")
    if umsetzung.status != letzter.status:
        pos = doc.source.line_of("umsetzung", "status")
        diagnostics.add(
            LIP356,
            doc.path,
            pos.line,
            pos.column,
            status=s.UMSETZUNG_STATUS.label(umsetzung.status),
            eintrag=s.UMSETZUNG_STATUS.label(letzter.status),
            datum=datum,
            zeile=zeile,
        )
    if umsetzung.stand is None:
        pos = doc.source.line_of("umsetzung")
        diagnostics.add(
            LIP356,
            doc.path,
            pos.line,
            pos.column,
            variant="stand_fehlt",
            iso=letzter.datum.isoformat(),
            datum=datum,
            zeile=zeile,
        )
    elif umsetzung.stand != letzter.datum:
        pos = doc.source.line_of("umsetzung", "stand")
        diagnostics.add(
            LIP356,
            doc.path,
            pos.line,
            pos.column,
            variant="stand",
            stand=date_de(umsetzung.stand),
            iso=letzter.datum.isoformat(),
            datum=datum,
            zeile=zeile,
        )


def same_unit(a: str, b: str) -> bool:
    """Two spellings of one unit: case and spaces do not count, "%" is "Prozent"."""

    def norm(unit: str) -> str:
        key = " ".join(unit.split()).casefold()
        return _SAME_UNIT.get(key, key)

    return norm(a) == norm(b)


def _values(doc: Document, index: int, kennzahl: Kennzahl, diagnostics: Diagnostics) -> None:
    def line(*keys: str | int) -> int:
        return doc.source.line_of("kennzahlen", index, *keys).line

    first_year: dict[int, int] = {}  # year → index of its first value
    for nr, messwert in enumerate(kennzahl.werte):
        if not same_unit(messwert.einheit, kennzahl.einheit):
            pos = doc.source.line_of("kennzahlen", index, "werte", nr, "einheit")
            diagnostics.add(
                LIP357,
                doc.path,
                pos.line,
                pos.column,
                jahr=messwert.jahr,
                einheit=messwert.einheit,
                name=kennzahl.name,
                erwartet=kennzahl.einheit,
                zeile=line("einheit"),
            )
        pos = doc.source.line_of("kennzahlen", index, "werte", nr, "jahr")
        if messwert.jahr <= kennzahl.ausgangsjahr:
            diagnostics.add(
                LIP358,
                doc.path,
                pos.line,
                pos.column,
                variant="ausgangsjahr",
                jahr=messwert.jahr,
                ausgangsjahr=kennzahl.ausgangsjahr,
                name=kennzahl.name,
                zeile=line("ausgangsjahr"),
            )
        elif messwert.jahr in first_year:
            diagnostics.add(
                LIP358,
                doc.path,
                pos.line,
                pos.column,
                variant="doppelt",
                jahr=messwert.jahr,
                name=kennzahl.name,
                zeile=line("werte", first_year[messwert.jahr], "jahr"),
            )
        elif nr > 0 and messwert.jahr < kennzahl.werte[nr - 1].jahr:
            diagnostics.add(
                LIP358,
                doc.path,
                pos.line,
                pos.column,
                jahr=messwert.jahr,
                vorher=kennzahl.werte[nr - 1].jahr,
                name=kennzahl.name,
                zeile=line("werte", nr - 1, "jahr"),
            )
        first_year.setdefault(messwert.jahr, nr)
