"""The shipped plan: clean, complete, and every way of breaking one of its files is reported.

Each way of breaking a file returns the broken content and the line that must be named. A
second, independently broken file shows that one bad file never stops the check of others.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build import schema as s
from lip_build.cli import cli
from lip_build.model.plan import Plan

from .conftest import REPO

Breaker = Callable[[str], tuple[bytes, int]]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _closing_fence(text: str) -> int:
    return _lines(text).index("---", 1)  # 0-based index of the closing line


def _without_line(text: str, index: int) -> str:
    return "\n".join(line for i, line in enumerate(_lines(text)) if i != index)


def _insert(text: str, index: int, line: str) -> str:
    lines = _lines(text)
    lines.insert(index, line)
    return "\n".join(lines)


def _first_cp1252_line(text: str) -> int:
    """The first line a Windows editor saving in cp1252 would write as non-UTF-8 bytes."""
    return next(i for i, line in enumerate(_lines(text), 1) if not line.encode("cp1252", errors="replace").isascii())


def _append(text: str, addition: str) -> tuple[bytes, int]:
    body = text.rstrip("\n") + "\n\n" + addition + "\n"
    return body.encode(), len(_lines(text.rstrip("\n"))) + 2


GENERIC: dict[str, tuple[str, Breaker]] = {
    "kopfbereich fehlt": ("LIP104", lambda t: ("\n".join(_lines(t)[1:]).encode(), 1)),
    "kopfbereich offen": ("LIP105", lambda t: (_without_line(t, _closing_fence(t)).encode(), 1)),
    "yaml-syntax": ("LIP106", lambda t: (_insert(t, 1, "kaputt: [a, b").encode(), 2)),  # where the [ opens
    "schluessel doppelt": ("LIP107", lambda t: (_insert(t, 2, _lines(t)[1]).encode(), 3)),
    "unbekannter schluessel": ("LIP201", lambda t: (_insert(t, 1, "bemerkungen: Notiz").encode(), 2)),
    "kein utf-8": ("LIP101", lambda t: (t.encode("cp1252", errors="replace"), _first_cp1252_line(t))),
    "leer": ("LIP102", lambda t: (b"", 1)),
    "binaer": ("LIP103", lambda t: (b"\x00\x01" + t.encode(), 1)),
    "ueberschrift ebene 1": ("LIP401", lambda t: _append(t, "# Noch ein Titel")),
    "ebene uebersprungen": ("LIP402", lambda t: _append(t, "#### Zu tief")),
    "html": ("LIP403", lambda t: _append(t, '<script>alert("x")</script>')),
    "bild fehlt": ("LIP404", lambda t: _append(t, "![Grafik](bilder/fehlt.png)")),
    "pfad verlaesst repository": ("LIP405", lambda t: _append(t, "![Grafik](../../../../../../etc/passwd.png)")),
    "textverweis ins leere": ("LIP305", lambda t: _append(t, "Siehe [[BIL-M99]].")),
}


def _replace_value(key: str, value: str) -> Breaker:
    def breaker(text: str) -> tuple[bytes, int]:
        lines = _lines(text)
        index = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{key}:"))
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        lines[index] = f"{indent}{key}: {value}"
        end = index + 1  # the old value's own lines (a block list or a folded text) go too
        while end < len(lines) and lines[end].startswith((indent + " ", indent + "- ")):
            end += 1
        del lines[index + 1 : end]
        return "\n".join(lines).encode(), index + 1

    return breaker


def _delete_key(key: str, reported_at: str = "id:") -> Breaker:
    """Delete a key; the finding is expected on the line that starts with `reported_at`."""

    def breaker(text: str) -> tuple[bytes, int]:
        lines = [line for line in _lines(text) if not line.startswith(f"{key}:")]
        return "\n".join(lines).encode(), next(i for i, line in enumerate(lines, 1) if line.startswith(reported_at))

    return breaker


MEASURE: dict[str, tuple[str, Breaker]] = {
    "pflichtangabe fehlt": ("LIP202", _delete_key("kontakt")),
    "falscher typ": ("LIP203", _replace_value("antragsberechtigt", "vielleicht")),
    "ungueltiges datum": ("LIP204", _replace_value("datum", "2026-02-30")),
    "unbekannter status": ("LIP205", _replace_value("status", "erledigt")),
    "unbekannte zielgruppe": ("LIP304", _replace_value("zielgruppen", "[kinder, alle]")),
    "id-format": ("LIP206", _replace_value("id", "bil-m1")),
    "ziel ins leere": ("LIP303", _replace_value("ziele", "[BIL-Z01, XYZ-Z99]")),
    "gremium ins leere": ("LIP303", _replace_value("herkunft", "eg-bildungg")),
    "drucksache ohne nummer": ("LIP350", _delete_key("  drucksache", reported_at="  status: beschlossen")),
}


@pytest.fixture(scope="module")
def sample_files(shipped_plan: Plan) -> dict[str, str]:
    beschlossen = next(m for m in shipped_plan.massnahmen if m.entscheidung.status == "beschlossen")
    return {
        "massnahme": beschlossen.quelle.pfad,
        "ziel": shipped_plan.ziele[0].quelle.pfad,
        "handlungsfeld": shipped_plan.handlungsfelder[1].quelle.pfad,
        "kapitel": shipped_plan.kapitel[0].quelle.pfad,
    }


def _validate(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--plan", str(root), "validate"])
    return result.exit_code, result.output


def _other_broken(root: Path, avoid: str) -> str:
    """Break a second file of another kind, to see that both are reported."""
    other = "content/gremien/lenkungsgruppe.md"
    assert other != avoid
    path = root / other
    path.write_text(path.read_text(encoding="utf-8").replace("\nname:", "\nnamen:", 1), encoding="utf-8")
    return other


def _check(root: Path, path: str, code: str, line: int) -> None:
    other = _other_broken(root, path)
    exit_code, output = _validate(root)
    assert exit_code == 1, output
    assert "Traceback" not in output
    assert f"{path}:{line}:" in output and code in output, output
    reported = [r for r in output.splitlines() if r.startswith(f"{path}:{line}:") and code in r]
    assert reported, output
    assert f"{other}:" in output and "LIP201" in output, "the other broken file must be reported too"


@pytest.mark.parametrize("kind", ["massnahme", "ziel", "handlungsfeld", "kapitel"])
@pytest.mark.parametrize("way", sorted(GENERIC))
def test_breaking_any_file_is_reported(plan_copy: Path, sample_files: dict[str, str], kind: str, way: str) -> None:
    code, breaker = GENERIC[way]
    path = sample_files[kind]
    broken, line = breaker((plan_copy / path).read_text(encoding="utf-8"))
    (plan_copy / path).write_bytes(broken)
    _check(plan_copy, path, code, line)


@pytest.mark.parametrize("way", sorted(MEASURE))
def test_breaking_a_measure_is_reported(plan_copy: Path, sample_files: dict[str, str], way: str) -> None:
    code, breaker = MEASURE[way]
    path = sample_files["massnahme"]
    broken, line = breaker((plan_copy / path).read_text(encoding="utf-8"))
    (plan_copy / path).write_bytes(broken)
    exit_code, output = _validate(plan_copy)
    assert exit_code == 1
    assert any(r.startswith(f"{path}:{line}:") and code in r for r in output.splitlines()), output


def test_duplicate_id_and_wrong_place_are_reported(plan_copy: Path, sample_files: dict[str, str]) -> None:
    path = Path(sample_files["massnahme"])
    copy = plan_copy / path.parent / "kopie.md"
    shutil.copy2(plan_copy / path, copy)
    moved = plan_copy / "handlungsfelder" / "soziales" / "massnahmen" / path.name
    shutil.move(plan_copy / path, moved)
    exit_code, output = _validate(plan_copy)
    assert exit_code == 1
    assert f"{path.parent.as_posix()}/kopie.md:2:" in output and "LIP301" in output, output
    assert f"handlungsfelder/soziales/massnahmen/{path.name}:4:" in output and "LIP302" in output, output


def test_shipped_plan_has_every_status_and_feature(shipped_plan: Plan) -> None:
    measures = shipped_plan.massnahmen
    assert len(shipped_plan.handlungsfelder) == 6
    assert len(shipped_plan.ziele) >= 30 and len(measures) >= 60
    assert {m.entscheidung.status for m in measures} == set(s.ENTSCHEIDUNG_STATUS.values)
    assert {m.umsetzung.status for m in measures} == set(s.UMSETZUNG_STATUS.values)
    assert any(m.herkunft == "ag-jugend" for m in measures)
    assert any(m.antragsberechtigt for m in measures) and not all(m.antragsberechtigt for m in measures)
    assert any(m.kosten for m in measures) and any(not m.kosten for m in measures)
    goal_field = {z.id: z.handlungsfeld for z in shipped_plan.ziele}
    assert any(goal_field[g] != m.handlungsfeld for m in measures for g in m.ziele), "cross-field goals"
    for feld in shipped_plan.handlungsfelder:
        assert len(shipped_plan.ziele_von(feld.code)) >= 5
        assert len(shipped_plan.massnahmen_von(feld.code)) >= 10
        assert len(feld.text.source.split()) > 200
    assert len(shipped_plan.kapitel) >= 6
    assert len(shipped_plan.gremien) >= 13
    assert shipped_plan.glossar is not None and shipped_plan.zeitleiste is not None
    assert shipped_plan.leichte_sprache is not None


def test_shipped_texts_use_the_gender_star_not_other_forms() -> None:
    forbidden = ("MitarbeiterInnen", "Mitarbeiter/innen", "Mitarbeiterinnen und Mitarbeiter", "Bürger/innen")
    for path in [*REPO.glob("content/**/*.md"), *REPO.glob("handlungsfelder/**/*.md")]:
        text = path.read_text(encoding="utf-8")
        for form in forbidden:
            assert form not in text, f"{path}: {form}"
