"""Status transitions of measures from the Git history, on a real repository (history/transitions.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lip_build.errors import GitError
from lip_build.history.transitions import _read, reported, since, statuses_by_day
from lip_build.outputs.site.git_history import read_history
from lip_build.outputs.site.pagetree import Html
from lip_build.outputs.site.settings import load_settings
from lip_build.outputs.site.status import status_page
from lip_build.pipeline import load_plan
from lip_build.view.formats import parse_date

from .conftest import REPO
from .test_history_git import M01, M02, MINI, Repo, isolate_git, make_repo


@pytest.fixture
def history(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Repo:
    """The mini plan, tagged v1, then three commits that change the statuses of BIL-M01 and BIL-M02."""
    isolate_git(monkeypatch, tmp_path)
    repo = make_repo(tmp_path / "plan")  # 15.01.2026: BIL-M01 in Umsetzung, BIL-M02 nicht begonnen
    repo.git("tag", "-a", "v1", "-m", "Erster Bericht")
    repo.edit(M01, "status: in_umsetzung\n  stand: 2026-06-30", "status: umgesetzt\n  stand: 2026-12-31")
    repo.commit("BIL-M01 umgesetzt")  # 15.02.2026
    repo.edit(M02, "status: nicht_begonnen", "status: in_umsetzung")
    repo.edit(M01, "Eltern wünschen", "Viele Eltern wünschen")  # text only: no transition
    repo.commit("BIL-M02 begonnen")  # 15.03.2026
    repo.edit(M01, "status: umgesetzt\n  stand: 2026-12-31", "status: regelbetrieb\n  stand: 2027-06-30")
    repo.commit("BIL-M01 im Regelbetrieb")  # 15.04.2026
    return repo


SETTINGS = dataclasses.replace(load_settings(REPO), aenderungen=False)  # the site's settings, no Synopse


@pytest.fixture
def git_free_plan(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    isolate_git(monkeypatch, tmp_path)
    return Path(shutil.copytree(MINI, tmp_path / "plan"))


def transitions(repo: Repo, seit: str) -> list[tuple[str, str | None, str, str]]:
    return [(w.massnahme, w.von, w.nach, f"{w.datum:%d.%m.%Y}") for w in since(repo.path, seit).wechsel]


def test_since_a_tag_lists_exactly_the_transitions_with_their_dates(history: Repo) -> None:
    verlauf = since(history.path, "v1")
    assert verlauf.anfang == {"BIL-M01": "in_umsetzung", "BIL-M02": "nicht_begonnen", "SOZ-M01": "nicht_begonnen"}
    assert transitions(history, "v1") == [
        ("BIL-M01", "in_umsetzung", "umgesetzt", "31.12.2026"),  # the Berichtsstand the file names
        ("BIL-M02", "nicht_begonnen", "in_umsetzung", "15.03.2026"),  # no stand: the commit's date
        ("BIL-M01", "umgesetzt", "regelbetrieb", "30.06.2027"),
    ]
    assert [w.commit.datum.date() for w in verlauf.wechsel] == [
        dt.date(2026, 2, 15),
        dt.date(2026, 3, 15),
        dt.date(2026, 4, 15),
    ]
    assert [w.commit.betreff for w in verlauf.wechsel] == [
        "BIL-M01 umgesetzt",
        "BIL-M02 begonnen",
        "BIL-M01 im Regelbetrieb",
    ]
    assert verlauf.beginn.stand == dt.date(2026, 6, 30)  # the newest Berichtsstand in v1
    assert verlauf.beginn.text.startswith("v1 (Commit ") and verlauf.beginn.text.endswith(" vom 15.01.2026)")


def test_a_later_revision_starts_later(history: Repo) -> None:
    assert transitions(history, "HEAD~2") == [
        ("BIL-M02", "nicht_begonnen", "in_umsetzung", "15.03.2026"),
        ("BIL-M01", "umgesetzt", "regelbetrieb", "30.06.2027"),
    ]
    assert since(history.path, "HEAD~2").anfang["BIL-M02"] == "nicht_begonnen"
    assert transitions(history, "HEAD") == []


def test_since_a_date_keeps_what_was_reached_after_that_day(history: Repo) -> None:
    assert transitions(history, "31.12.2026") == [("BIL-M01", "umgesetzt", "regelbetrieb", "30.06.2027")]
    assert transitions(history, "2026-03-14") == [
        ("BIL-M01", "in_umsetzung", "umgesetzt", "31.12.2026"),
        ("BIL-M02", "nicht_begonnen", "in_umsetzung", "15.03.2026"),
        ("BIL-M01", "umgesetzt", "regelbetrieb", "30.06.2027"),
    ]  # in the order of the commits
    verlauf = since(history.path, "31.12.2026")
    assert verlauf.anfang == {"BIL-M01": "umgesetzt", "BIL-M02": "in_umsetzung", "SOZ-M01": "nicht_begonnen"}
    assert verlauf.beginn.text == "31.12.2026" and verlauf.beginn.stand == dt.date(2026, 12, 31)
    stichtag = dt.date(2027, 3, 31)
    assert [w.nach for w in since(history.path, "v1").bis(stichtag)] == ["umgesetzt", "in_umsetzung"]
    assert [w.nach for w in since(history.path, "v1").nach(stichtag)] == ["regelbetrieb"]


def test_a_moved_file_keeps_its_status(history: Repo) -> None:
    history.git("mv", M02, M02.replace("BIL-M02.md", "BIL-M02-alt.md"))
    history.commit("Datei umbenannt")
    assert transitions(history, "HEAD~1") == []


def test_unknown_revision_and_dates(history: Repo) -> None:
    with pytest.raises(GitError, match=r"Die Version „v9“ gibt es in diesem Repository nicht\. Vorhandene Tags: v1\."):
        since(history.path, "v9")
    assert parse_date("30.06.2027") == parse_date("2027-06-30") == dt.date(2027, 6, 30)
    assert parse_date("1.7.2027") == dt.date(2027, 7, 1)
    assert parse_date("31.02.2027") is None
    assert parse_date("v2.0") is None


def test_statuses_on_each_reporting_day(history: Repo) -> None:
    staende = reported(history.path)
    assert len(staende) > len(since(history.path, "v1").wechsel)  # also the versions that kept their status
    days = statuses_by_day(staende, ["BIL-M01", "BIL-M02"])
    assert days == (
        (dt.date(2026, 6, 30), {"BIL-M01": "in_umsetzung", "BIL-M02": "in_umsetzung"}),  # BIL-M02: 15.03.2026
        (dt.date(2026, 12, 31), {"BIL-M01": "umgesetzt", "BIL-M02": "in_umsetzung"}),
        (dt.date(2027, 6, 30), {"BIL-M01": "regelbetrieb", "BIL-M02": "in_umsetzung"}),
    )
    assert statuses_by_day(staende, ["BIL-M01"], limit=1) == ((dt.date(2027, 6, 30), {"BIL-M01": "regelbetrieb"}),)


def test_status_page_charts_the_course_per_field(history: Repo) -> None:
    plan = load_plan(history.path).plan
    assert plan is not None
    html = "".join(
        block.html
        for block in status_page(plan, (), read_history(history.path, plan, SETTINGS)).blocks
        if isinstance(block, Html)
    )
    section = html[html.index('id="verlauf-BIL"') :].split("</section>")[0]
    assert "Zeitverlauf im Handlungsfeld Bildung" in section
    assert '<svg class="lip-chart"' in section and 'role="img"' in section
    rows = re.findall(r"<tr><th scope=\"row\">([\d.]+)</th>((?:<td class=lip-num>\d+</td>)+)</tr>", section)
    counts = [(day, re.findall(r">(\d+)<", cells)) for day, cells in rows]
    assert counts == [  # nicht begonnen, in Umsetzung, umgesetzt, Regelbetrieb, eingestellt
        ("30.06.2026", ["0", "2", "0", "0", "0"]),
        ("31.12.2026", ["0", "1", "1", "0", "0"]),
        ("30.06.2027", ["0", "1", "0", "1", "0"]),
    ]


def test_no_course_over_time_without_git(git_free_plan: Path) -> None:
    plan = load_plan(git_free_plan).plan
    assert plan is not None
    html = "".join(
        b.html for b in status_page(plan, (), read_history(git_free_plan, plan, SETTINGS)).blocks if isinstance(b, Html)
    )
    assert "Zeitverlauf" not in html and "Umsetzungsstand je Handlungsfeld" in html


_VARIANTS = (
    "id: BIL-M01\numsetzung:\n  status: umgesetzt\n  stand: 2027-06-30\n",
    'id: "BIL-M01"\numsetzung:\n  status: "umgesetzt"  # nach dem Bericht\n  stand: "2027-06-30"\n',
    "id: BIL-M01\numsetzung:\n    stand: 2027-06-30\n    status: regelbetrieb\n",
    "id: BIL-M01\numsetzung: {status: umgesetzt, stand: 2027-06-30}\n",
    "id: BIL-M01\nentscheidung:\n  status: beschlossen\numsetzung:\n  status: in_umsetzung\n",
    "id: BIL-M01\numsetzung:\n  status: umgesetzt\n  verlauf:\n  - datum: 2026-12-31\n    status: in_umsetzung\n"
    "    erledigt: >-\n      Text\n  stand: 2027-06-30\nkontakt: '40'\n",
    "id: BIL-M01\numsetzung:\n  verlauf:\n    - datum: 2026-12-31\n      status: in_umsetzung\n      erledigt: x\n"
    "  status: umgesetzt\n",
    "id: BIL-M01\numsetzung:\n  status: [kaputt\n",
    "id: BIL-M01\numsetzung: umgesetzt\n",
    "titel: ohne ID\numsetzung:\n  status: umgesetzt\n",
)


@pytest.mark.parametrize("front", _VARIANTS)
def test_the_quick_reading_of_a_status_agrees_with_reading_the_whole_front_matter(front: str) -> None:
    data = f"---\n{front}---\nText\n".encode()
    assert _read(data) == _read(data, full=True)


def test_the_quick_reading_agrees_on_every_measure_of_the_shipped_plan() -> None:
    files = sorted((REPO / "handlungsfelder").glob("*/massnahmen/*.md"))
    assert len(files) > 60
    for path in files:
        data = path.read_bytes()
        assert _read(data) == _read(data, full=True) is not None, path


_SCALARS = st.sampled_from(
    [
        "umgesetzt",
        '"umgesetzt"',
        "'in_umsetzung'",
        "regelbetrieb # Kommentar",
        "2027-06-30",
        '"2026-12-31"',
        "",
        "~",
        "[a]",
        "{x: 1}",
        "2027-13-01",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    indent=st.sampled_from(["  ", "    ", " "]),
    status=_SCALARS,
    stand=st.one_of(st.none(), _SCALARS),
    verlauf_first=st.booleans(),
    entry_indent=st.sampled_from(["", "  "]),
    after=st.sampled_from(["", "kontakt: '40'\n", "# Kommentar\n"]),
)
def test_the_quick_reading_agrees_for_any_block_form(
    indent: str, status: str, stand: str | None, verlauf_first: bool, entry_indent: str, after: str
) -> None:
    keys = [f"{indent}status: {status}"] + ([f"{indent}stand: {stand}"] if stand is not None else [])
    verlauf = [
        f"{indent}verlauf:",
        f"{indent}{entry_indent}- datum: 2026-12-31",
        f"{indent}{entry_indent}  status: eingestellt",
        f"{indent}{entry_indent}  erledigt: >-",
        f"{indent}{entry_indent}    status: kein Schlüssel",
    ]
    lines = verlauf + keys if verlauf_first else keys + verlauf
    data = ("---\nid: BIL-M01\numsetzung:\n" + "\n".join(lines) + "\n" + after + "---\nText\n").encode()
    assert _read(data) == _read(data, full=True)
