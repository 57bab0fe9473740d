"""The records of every file → one Plan: order, display numbers and lookups.

Runs only on a plan without errors, so every required file is there and every reference resolves.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from lip_build.model import plan as m
from lip_build.model.bind import Record

_NUMBER = re.compile(r"(\d+)$")
R = TypeVar("R")


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


def assemble(records: Sequence[tuple[str, Record]]) -> m.Plan:
    """The Plan from (kind of file, record) pairs, e.g. ("massnahme", Massnahme(...))."""
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for kind, record in records:
        by_kind[kind].append(record)

    def every(kind: str, cls: type[R]) -> list[R]:
        found = by_kind[kind]
        assert all(isinstance(r, cls) for r in found), kind
        return found  # type: ignore[return-value]

    def single(kind: str, cls: type[R]) -> R | None:
        found = every(kind, cls)
        return found[0] if found else None

    info = single("plan", m.PlanInfo)
    drucksache = single("drucksache", m.Drucksache)
    einheiten = single("organisationseinheiten", m.Organisationseinheiten)
    assert info and drucksache and einheiten, "required files are checked before the plan is assembled"
    felder = {hf.code: hf for hf in every("handlungsfeld", m.Handlungsfeld)}
    ziele, massnahmen, nummern = number(info.handlungsfelder, every("ziel", m.Ziel), every("massnahme", m.Massnahme))
    zeitleiste = single("zeitleiste", m.Zeitleiste)
    if zeitleiste is not None:
        ordered = tuple(sorted(zeitleiste.ereignisse, key=lambda e: e.datum))
        zeitleiste = dataclasses.replace(zeitleiste, ereignisse=ordered)
    return m.Plan(
        info=info,
        drucksache=drucksache,
        handlungsfelder=tuple(felder[c] for c in info.handlungsfelder),
        ziele=ziele,
        massnahmen=massnahmen,
        gremien=tuple(sorted(every("gremium", m.Gremium), key=lambda g: g.id)),
        zielgruppen=tuple(sorted(every("zielgruppe", m.Begriff), key=lambda b: b.name)),
        querschnittsthemen=tuple(sorted(every("querschnittsthema", m.Begriff), key=lambda b: b.name)),
        organisationseinheiten=einheiten.einheiten,
        kapitel=tuple(sorted(every("kapitel", m.Kapitel), key=lambda k: (k.reihenfolge, k.titel))),
        nummern=nummern,
        glossar=single("glossar", m.Glossar),
        zeitleiste=zeitleiste,
        leichte_sprache=single("leichte_sprache", m.LeichteSprache),
        sitzungen=tuple(sorted(every("sitzung", m.Sitzung), key=lambda s: (s.datum, s.id))),
        stellungnahmen=tuple(sorted(every("stellungnahme", m.Stellungnahme), key=lambda s: (s.datum, s.id))),
    )
