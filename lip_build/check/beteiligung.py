"""The record of participation (LIP312–LIP314): sessions agree with the measures, responses give reasons.

A measure's current decision status must be what its latest session decision led to, and the date
must match when the measure names one; the message names both files and lines. A statement point
that was not fully taken up needs a reason, an amended decision a note of what changed.
"""

from __future__ import annotations

import datetime as dt

from lip_build import schema as s
from lip_build.check.document import Document, records
from lip_build.codes import LIP312, LIP313, LIP314
from lip_build.diagnostics import Diagnostics
from lip_build.model.plan import Beschluss, Massnahme, Sitzung, Stellungnahme

_NEEDS_REASON = ("teilweise", "nicht")


def date_de(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def check_beteiligung(documents: list[Document], diagnostics: Diagnostics) -> None:
    latest: dict[str, tuple[Document, Sitzung, int, Beschluss]] = {}
    sessions = sorted(records(documents, "sitzung", Sitzung), key=lambda pair: (pair[1].datum, pair[1].id))
    for doc, sitzung in sessions:
        for index, beschluss in enumerate(sitzung.beschluesse):
            latest[beschluss.element] = (doc, sitzung, index, beschluss)
            if beschluss.entscheidung == "geaendert" and not beschluss.aenderung:
                pos = doc.source.line_of("beschluesse", index, "entscheidung")
                diagnostics.add(LIP314, doc.path, pos.line, pos.column, id=beschluss.element)
    for doc, massnahme in records(documents, "massnahme", Massnahme):
        if massnahme.id in latest:
            _agree(doc, massnahme, latest[massnahme.id], diagnostics)
    for doc, stellungnahme in records(documents, "stellungnahme", Stellungnahme):
        for index, punkt in enumerate(stellungnahme.punkte):
            if punkt.antwort in _NEEDS_REASON and not punkt.begruendung:
                pos = doc.source.line_of("punkte", index, "antwort")
                diagnostics.add(
                    LIP313, doc.path, pos.line, pos.column, nr=index + 1, antwort=s.ANTWORT.label(punkt.antwort)
                )


def _agree(
    doc: Document, massnahme: Massnahme, last: tuple[Document, Sitzung, int, Beschluss], diagnostics: Diagnostics
) -> None:
    session_doc, sitzung, index, beschluss = last
    there = session_doc.source.line_of("beschluesse", index, "entscheidung")
    where = (sitzung.titel, date_de(sitzung.datum), session_doc.path, there.line)
    led_to = s.BESCHLUSS_STATUS.get(beschluss.entscheidung, beschluss.entscheidung)
    entscheidung = massnahme.entscheidung
    if entscheidung.status != led_to:
        pos = doc.source.line_of("entscheidung", "status")
        diagnostics.add(
            LIP312,
            doc.path,
            pos.line,
            pos.column,
            status=entscheidung.status,
            id=massnahme.id,
            beschluss=s.BESCHLUSS_ART.label(beschluss.entscheidung),
            sitzung=where[0],
            datum=where[1],
            pfad=where[2],
            zeile=where[3],
        )
    elif entscheidung.status != "vorgeschlagen" and entscheidung.datum not in (None, sitzung.datum):
        # (a proposal uses no date: LIP353 says so)
        assert entscheidung.datum is not None
        pos = doc.source.line_of("entscheidung", "datum")
        diagnostics.add(
            LIP312,
            doc.path,
            pos.line,
            pos.column,
            variant="datum",
            angabe=date_de(entscheidung.datum),
            id=massnahme.id,
            sitzung=where[0],
            datum=where[1],
            pfad=where[2],
            zeile=where[3],
        )
