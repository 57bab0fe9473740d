"""The model: display numbers, ordering by `reihenfolge`, text helpers shared by all outputs."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from lip_build.load.markdown import parse
from lip_build.model.plan import Messwert, Plan
from lip_build.pipeline import load_plan
from lip_build.view.plantext import label, protect_gender_star, replace_text_links
from tests.test_diagnostics import MINI


def test_numbers_follow_field_goal_and_measure_order(shipped_plan: Plan) -> None:
    for f_index, feld in enumerate(shipped_plan.handlungsfelder, start=1):
        assert shipped_plan.nummer(feld.code) == str(f_index)
        for g_index, ziel in enumerate(shipped_plan.ziele_von(feld.code), start=1):
            assert shipped_plan.nummer(ziel.id) == f"{f_index}.{g_index}"
            primary = [m for m in shipped_plan.massnahmen if m.ziele[0] == ziel.id]
            for m_index, massnahme in enumerate(primary, start=1):
                assert shipped_plan.nummer(massnahme.id) == f"{f_index}.{g_index}.{m_index}"
    numbers = [shipped_plan.nummer(m.id) for m in shipped_plan.massnahmen]
    assert len(set(numbers)) == len(numbers)


def test_reordering_changes_numbers_but_not_ids(plan_copy: Path) -> None:
    before = load_plan(plan_copy).plan
    assert before is not None
    first, second = before.ziele_von("BIL")[:2]
    for goal, position in ((second, 1), (first, 2)):  # how an editor swaps two goals
        path = plan_copy / goal.quelle.pfad
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"id: {goal.id}\n", f"id: {goal.id}\nreihenfolge: {position}\n", 1), "utf-8")
    after = load_plan(plan_copy).plan
    assert after is not None
    assert after.nummer(second.id) == before.nummer(first.id)
    assert after.nummer(first.id) == before.nummer(second.id)
    assert {z.id for z in after.ziele} == {z.id for z in before.ziele}
    moved = next(m for m in after.massnahmen if m.ziele[0] == second.id)
    assert after.nummer(moved.id).startswith(after.nummer(second.id) + ".")


def test_measures_serving_a_goal_come_from_any_field(shipped_plan: Plan) -> None:
    crossing = next((m, g) for m in shipped_plan.massnahmen for g in m.ziele[1:] if not g.startswith(m.handlungsfeld))
    measure, goal = crossing
    assert measure in shipped_plan.massnahmen_zu(goal)


def test_gender_star_is_escaped_outside_code_only() -> None:
    text = "Expert*innen und Nutzer*innen, *kursiv*, `Kolleg*innen`\n```\nMigrant*innen\n```\n**fett**"
    assert protect_gender_star(parse(text, 1)) == (
        "Expert\\*innen und Nutzer\\*innen, *kursiv*, `Kolleg*innen`\n```\nMigrant*innen\n```\n**fett**"
    )


def test_text_links_become_labels(shipped_plan: Plan) -> None:
    measure = shipped_plan.massnahmen[0]
    goal = shipped_plan.ziele[0]
    text = f"Siehe [[{measure.id}]] und [[ {goal.id} ]], nicht `[[{measure.id}]]`."
    result = replace_text_links(parse(text, 1), shipped_plan, lambda item: f"<{label(shipped_plan, item)}>")
    assert f"<Maßnahme {shipped_plan.nummer(measure.id)} {measure.titel}>" in result
    assert f"<Ziel {shipped_plan.nummer(goal.id)} {goal.titel}>" in result
    assert f"`[[{measure.id}]]`" in result


def test_costs_sum_per_kind(shipped_plan: Plan) -> None:
    measure = next(m for m in shipped_plan.massnahmen if len(m.kosten) > 1)
    total = measure.kosten_summe("einmalig") + measure.kosten_summe("jaehrlich")
    assert total == sum(k.betrag for k in measure.kosten)


def test_a_loaded_plan_has_no_reference_cycles() -> None:
    """One-shot commands freeze what load_plan read (commands/common.load_once) instead of letting the
    collector walk it; that loses nothing only while a plan is freed by reference counting alone."""
    import gc

    from .conftest import REPO

    gc.unfreeze()  # earlier tests' leftovers out of the way
    gc.collect()
    result = load_plan(REPO)
    del result
    assert gc.collect() == 0


def test_progress_entries_and_measured_values_bind_to_typed_records(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    shutil.copytree(MINI, root)
    measure = root / "handlungsfelder/bildung/massnahmen/BIL-M01.md"
    measure.write_text(
        measure.read_text(encoding="utf-8").replace(
            "  stand: 2026-06-30\n",
            "  stand: 2026-06-30\n  verlauf:\n"
            "    - datum: 2025-12-31\n      status: nicht_begonnen\n      erledigt: Räume gesucht.\n"
            "      gruende: Die Stelle war unbesetzt.\n"
            "    - datum: 2026-06-30\n      status: in_umsetzung\n      erledigt: Zwei Sprachcafés laufen.\n"
            "      naechste_schritte: Ein drittes folgt.\n      ausgaben: 12500.5\n",
        ),
        "utf-8",
    )
    goal = root / "handlungsfelder/bildung/ziele/BIL-Z01.md"
    goal.write_text(
        goal.read_text(encoding="utf-8").replace(
            "    zieljahr: 2030\n",
            "    zieljahr: 2030\n    werte:\n      - jahr: 2025\n        wert: 24.5\n        einheit: Prozent\n",
        ),
        "utf-8",
    )
    result = load_plan(root)
    assert [d.as_text() for d in result.diagnostics.items] == []
    assert result.plan is not None
    verlauf = result.plan.massnahme("BIL-M01").umsetzung.verlauf
    assert [(e.datum, e.status) for e in verlauf] == [
        (dt.date(2025, 12, 31), "nicht_begonnen"),
        (dt.date(2026, 6, 30), "in_umsetzung"),
    ]
    assert verlauf[0].gruende == "Die Stelle war unbesetzt." and verlauf[0].ausgaben is None
    assert verlauf[1].naechste_schritte == "Ein drittes folgt." and verlauf[1].ausgaben == 12500.5
    (kennzahl,) = result.plan.ziel("BIL-Z01").kennzahlen
    assert kennzahl.werte == (Messwert(jahr=2025, wert=24.5, einheit="Prozent"),)
    assert result.plan.massnahme("BIL-M02").umsetzung.verlauf == ()
