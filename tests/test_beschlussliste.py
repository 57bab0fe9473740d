"""`lip sitzung beschlussliste DATEI` (issue 13): the decision list of one session as PDF in dist/, read
back with pypdf (title, Gremium, date, agenda, every decision with its item, amendment and reason),
checked by pdfua; a file that is not a session is refused in German and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from lip_build import schema as s
from lip_build.cli import cli
from lip_build.model.plan import Plan, Sitzung
from lip_build.view.plantext import label

from .conftest import REPO, copy_plan
from .documents.helpers import flat, lenient, pages
from .documents.pdfua import assert_clean, empty_headings, pdfua


def _richest(plan: Plan) -> Sitzung:
    """The session with the most amendments and reasons (and then the most decisions)."""
    return max(
        plan.sitzungen,
        key=lambda x: (sum(bool(b.aenderung) + bool(b.begruendung) for b in x.beschluesse), len(x.beschluesse)),
    )


HEADER = "Nr. Ziel oder Maßnahme Beschluss Erläuterung"


def _text(target: Path, sitzung: Sitzung) -> str:
    """The pages as one text without running head, foot and the table header repeated on later pages."""
    out = []
    for n, page in enumerate(pages(target.read_bytes())):
        text = flat(page).removeprefix("Landeshauptstadt Hannover Beschlussliste ")
        foot = re.escape(f"{sitzung.titel}, {sitzung.datum:%d.%m.%Y} · ")
        text = re.sub(rf" ?{foot}Version \S+ · Stand \S+ Seite \d+ von \d+$", "", text)
        out.append(text.removeprefix(f"{HEADER} ") if n else text)
    return " ".join(out)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, shipped_plan: Plan) -> tuple[Path, Sitzung, str]:
    root = copy_plan(REPO, tmp_path_factory.mktemp("beschlussliste"))
    sitzung = _richest(shipped_plan)
    result = CliRunner().invoke(
        cli, ["--plan", str(root), "sitzung", "beschlussliste", str(root / sitzung.quelle.pfad)]
    )
    assert result.exit_code == 0, result.output
    target = root / "dist" / f"Beschlussliste-{sitzung.id}.pdf"
    assert result.output.strip() == f"Geschrieben: dist/{target.name}"
    return target, sitzung, result.output


def test_decision_list_names_the_session_and_every_decision(
    written: tuple[Path, Sitzung, str], shipped_plan: Plan
) -> None:
    target, sitzung, _ = written
    plan = shipped_plan
    assert any(b.aenderung for b in sitzung.beschluesse) or any(b.begruendung for b in sitzung.beschluesse)
    text = _text(target, sitzung)
    gremium = plan.gremium(sitzung.gremium)
    assert f"Beschlussliste {sitzung.titel}" in text
    assert f"Gremium: {gremium.name} Datum: {sitzung.datum:%d.%m.%Y}" in text
    agenda = text.split("Tagesordnung", 1)[1].split("Beschlüsse", 1)[0]
    for nr, punkt in enumerate(sitzung.tagesordnung, start=1):
        assert f"{nr}. {punkt}" in agenda
    assert text.count(HEADER) == 1  # what the page breaks added is gone
    position = text.index(HEADER)
    for nr, b in enumerate(sitzung.beschluesse, start=1):
        parts = [str(nr), label(plan, plan.element(b.element)), b.element, s.BESCHLUSS_ART.label(b.entscheidung)]
        parts += [f"Änderung: {b.aenderung}"] if b.aenderung else []
        parts += [f"Begründung: {b.begruendung}"] if b.begruendung else []
        if not b.aenderung and not b.begruendung:
            parts.append("–")
        match = lenient(" ".join(parts)).search(text, position)
        assert match, f"Beschluss {nr} ({b.element}) fehlt oder ist unvollständig"
        position = match.end()
    with pikepdf.open(target) as pdf:
        assert str(pdf.open_metadata()["dc:title"]) == f"Beschlussliste: {sitzung.titel} am {sitzung.datum:%d.%m.%Y}"


def test_decision_list_passes_the_independent_pdfua_check(written: tuple[Path, Sitzung, str]) -> None:
    target, _, _ = written
    assert_clean(pdfua(target))
    count, empty = empty_headings(target)
    assert count >= 3 and empty == []


def test_a_file_that_is_no_session_is_refused_in_german(tmp_path: Path) -> None:
    root = copy_plan(REPO, tmp_path / "plan")
    result = CliRunner().invoke(cli, ["--plan", str(root), "sitzung", "beschlussliste", str(root / "content/plan.md")])
    assert result.exit_code == 1, result.output
    assert "ist keine Sitzung dieses Plans" in result.output
    assert "content/sitzungen/lenkungsgruppe-2024-03-12.md" in result.output  # the sessions there are
    assert not (root / "dist").exists()
    missing = CliRunner().invoke(cli, ["--plan", str(root), "sitzung", "beschlussliste", "gibt-es-nicht.md"])
    assert missing.exit_code == 2 and "„gibt-es-nicht.md“ gibt es nicht" in missing.output, missing.output
