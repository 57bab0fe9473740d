"""Turn checked documents into the typed Plan and compute the display numbers.

Runs only on a plan without errors, so every required value is present and valid.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from lip_build.check.document import Document
from lip_build.model import plan as m

_NUMBER = re.compile(r"(\d+)$")


def _quelle(doc: Document) -> m.Quelle:
    return m.Quelle(doc.path, doc.source.body_line)


def _text(doc: Document) -> str:
    return doc.source.body.strip("\n")


def _opt(values: dict[str, Any], key: str) -> Any:
    return values.get(key)


def _tuple(values: dict[str, Any], key: str) -> tuple[Any, ...]:
    return tuple(values.get(key) or ())


def _ziel(doc: Document) -> m.Ziel:
    v = doc.values
    kennzahlen = tuple(m.Kennzahl(**k) for k in v.get("kennzahlen") or ())
    return m.Ziel(
        id=v["id"],
        titel=v["titel"],
        handlungsfeld=v["handlungsfeld"],
        kennzahlen=kennzahlen,
        text=_text(doc),
        quelle=_quelle(doc),
        reihenfolge=_opt(v, "reihenfolge"),
        herkunft=_opt(v, "herkunft"),
    )


def _massnahme(doc: Document) -> m.Massnahme:
    v = doc.values
    return m.Massnahme(
        id=v["id"],
        titel=v["titel"],
        handlungsfeld=v["handlungsfeld"],
        ziele=_tuple(v, "ziele"),
        federfuehrung=v["federfuehrung"],
        partner=_tuple(v, "partner"),
        zielgruppen=_tuple(v, "zielgruppen"),
        querschnittsthemen=_tuple(v, "querschnittsthemen"),
        zeitraum=m.Zeitraum(**v["zeitraum"]),
        kosten=tuple(m.Kosten(**k) for k in v.get("kosten") or ()),
        antragsberechtigt=v["antragsberechtigt"],
        herkunft=v["herkunft"],
        entscheidung=m.Entscheidung(**v["entscheidung"]),
        umsetzung=m.Umsetzung(**v["umsetzung"]),
        kontakt=v["kontakt"],
        text=_text(doc),
        quelle=_quelle(doc),
        reihenfolge=_opt(v, "reihenfolge"),
        geprueft=dict(v.get("geprueft") or {}),
    )


def _handlungsfeld(doc: Document) -> m.Handlungsfeld:
    v = doc.values
    return m.Handlungsfeld(
        code=v["code"],
        name=v["name"],
        ordner=doc.folder or "",
        expertengruppe=v["expertengruppe"],
        kurzfassung=v["kurzfassung"],
        text=_text(doc),
        quelle=_quelle(doc),
        leichte_sprache=_opt(v, "leichte_sprache"),
    )


def _gremium(doc: Document) -> m.Gremium:
    v = doc.values
    return m.Gremium(
        id=v["id"],
        name=v["name"],
        art=v["art"],
        zusammensetzung=tuple(m.Mitgliedsart(**z) for z in v["zusammensetzung"]),
        text=_text(doc),
        quelle=_quelle(doc),
        kurzname=_opt(v, "kurzname"),
        artikel=_opt(v, "artikel"),
        handlungsfeld=_opt(v, "handlungsfeld"),
        vorsitz=_opt(v, "vorsitz"),
    )


def _begriff(doc: Document) -> m.Begriff:
    return m.Begriff(id=doc.values["id"], name=doc.values["name"], text=_text(doc), quelle=_quelle(doc))


def _kapitel(doc: Document) -> m.Kapitel:
    v = doc.values
    return m.Kapitel(
        titel=v["titel"],
        reihenfolge=v.get("reihenfolge", 0),
        text=_text(doc),
        quelle=_quelle(doc),
        kurztitel=_opt(v, "kurztitel"),
    )


def _sort_key(item: m.Ziel | m.Massnahme) -> tuple[int, str]:
    if item.reihenfolge is not None:
        return (item.reihenfolge, item.id)
    found = _NUMBER.search(item.id)
    return (int(found.group(1)) if found else 0, item.id)


def number(
    codes: tuple[str, ...], ziele: list[m.Ziel], massnahmen: list[m.Massnahme]
) -> tuple[tuple[m.Ziel, ...], tuple[m.Massnahme, ...], dict[str, str]]:
    """Order goals and measures for display and give each its number ("1.3", "1.3.2")."""
    nummern: dict[str, str] = {}
    ordered_goals: list[m.Ziel] = []
    ordered_measures: list[m.Massnahme] = []
    by_first_goal: dict[str, list[m.Massnahme]] = defaultdict(list)
    for massnahme in massnahmen:
        by_first_goal[massnahme.ziele[0]].append(massnahme)
    for f_index, code in enumerate(codes, start=1):
        nummern[code] = str(f_index)
        goals = sorted((z for z in ziele if z.handlungsfeld == code), key=_sort_key)
        for g_index, ziel in enumerate(goals, start=1):
            nummern[ziel.id] = f"{f_index}.{g_index}"
            ordered_goals.append(ziel)
            for m_index, massnahme in enumerate(sorted(by_first_goal[ziel.id], key=_sort_key), start=1):
                nummern[massnahme.id] = f"{f_index}.{g_index}.{m_index}"
                ordered_measures.append(massnahme)
    return tuple(ordered_goals), tuple(ordered_measures), nummern


def build_plan(documents: list[Document]) -> m.Plan:
    by_kind: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_kind[doc.kind.name].append(doc)

    def single(kind: str) -> Document | None:
        return by_kind[kind][0] if by_kind[kind] else None

    plan_doc, ds_doc, oe_doc = single("plan"), single("drucksache"), single("organisationseinheiten")
    assert plan_doc and ds_doc and oe_doc, "required files are checked before the model is built"
    pv = plan_doc.values
    info = m.PlanInfo(
        titel=pv["titel"],
        herausgeberin=pv["herausgeberin"],
        version=pv["version"],
        status=pv["status"],
        stand=pv["stand"],
        handlungsfelder=tuple(pv["handlungsfelder"]),
        einleitung=_text(plan_doc),
        quelle=_quelle(plan_doc),
        untertitel=_opt(pv, "untertitel"),
        repository=_opt(pv, "repository"),
    )
    dv = ds_doc.values
    drucksache = m.Drucksache(
        nummer=dv["nummer"],
        art=dv["art"],
        titel=dv["titel"],
        beratungsfolge=tuple(m.Beratung(**b) for b in dv["beratungsfolge"]),
        gender_aspekte=dv["gender_aspekte"],
        oe=dv["oe"],
        datum=dv["datum"],
        begruendung=_text(ds_doc),
        quelle=_quelle(ds_doc),
        antrag=_opt(dv, "antrag"),
        kosten_text=_opt(dv, "kosten_text"),
        klimawirkung=_opt(dv, "klimawirkung"),
    )
    felder = {hf.code: hf for hf in map(_handlungsfeld, by_kind["handlungsfeld"])}
    ziele, massnahmen, nummern = number(
        info.handlungsfelder, [_ziel(d) for d in by_kind["ziel"]], [_massnahme(d) for d in by_kind["massnahme"]]
    )
    glossar_doc, zeit_doc, ls_doc = single("glossar"), single("zeitleiste"), single("leichte_sprache")
    return m.Plan(
        info=info,
        drucksache=drucksache,
        handlungsfelder=tuple(felder[c] for c in info.handlungsfelder),
        ziele=ziele,
        massnahmen=massnahmen,
        gremien=tuple(sorted(map(_gremium, by_kind["gremium"]), key=lambda g: g.id)),
        zielgruppen=tuple(sorted(map(_begriff, by_kind["zielgruppe"]), key=lambda b: b.name)),
        querschnittsthemen=tuple(sorted(map(_begriff, by_kind["querschnittsthema"]), key=lambda b: b.name)),
        organisationseinheiten=tuple(m.Organisationseinheit(**e) for e in oe_doc.values["einheiten"]),
        kapitel=tuple(sorted(map(_kapitel, by_kind["kapitel"]), key=lambda k: (k.reihenfolge, k.titel))),
        nummern=nummern,
        glossar=m.Glossar(
            titel=glossar_doc.values["titel"],
            text=_text(glossar_doc),
            quelle=_quelle(glossar_doc),
            begriffe=tuple(m.Glossareintrag(**b) for b in glossar_doc.values["begriffe"]),
        )
        if glossar_doc
        else None,
        zeitleiste=m.Zeitleiste(
            titel=zeit_doc.values["titel"],
            text=_text(zeit_doc),
            quelle=_quelle(zeit_doc),
            ereignisse=tuple(sorted((m.Ereignis(**e) for e in zeit_doc.values["ereignisse"]), key=lambda e: e.datum)),
        )
        if zeit_doc
        else None,
        leichte_sprache=m.Kapitel(
            titel=ls_doc.values["titel"],
            reihenfolge=0,
            text=_text(ls_doc),
            quelle=_quelle(ls_doc),
        )
        if ls_doc
        else None,
    )
