"""Reading a large plan in two processes (load/forked.py) gives exactly what one process gives.

The equality test breaks files of every kind of trouble in both parts of the split (the first part
goes to the forked child), so each packed field and each list the child sends back is compared.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from lip_build.load import files, forked
from lip_build.pipeline import load_plan
from tests.conftest import REPO, copy_plan

REAL_CAN_FORK = forked.can_fork


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Split any list of two items or more, and record the children forked. Forking is allowed although
    the test session may run threads (the browser tests' web server lives as long as the session)."""
    children: list[int] = []
    fork = os.fork

    def counting_fork() -> int:
        pid = fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(forked, "FORK_FROM", 2)
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(forked.os, "fork", counting_fork)
    yield children


def _pids(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in items]


def _same(result: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return result


def test_the_first_part_is_worked_in_a_child_and_the_order_is_kept(forks: list[int]) -> None:
    parts = forked.in_two(range(10), _pids, _same, _same)
    assert len(forks) == 1
    assert [item for part in parts for item, _ in part] == list(range(10))
    first, second = parts
    assert {pid for _, pid in first} == {forks[0]}  # sent back from the child
    assert {pid for _, pid in second} == {os.getpid()}
    assert len(first) == round(10 * forked.CHILD_SHARE)


def test_what_the_child_sends_is_packed_and_unpacked(forks: list[int]) -> None:
    packed: list[object] = []

    def pack(result: list[tuple[int, int]]) -> list[int]:
        packed.append(result)  # in the child: this process's list stays empty
        return [item for item, _ in result]

    def unpack(items: list[int]) -> list[tuple[int, int]]:
        return [(item, -1) for item in items]

    first, second = forked.in_two(range(6), _pids, pack, unpack)
    assert first == [(item, -1) for item in range(round(6 * forked.CHILD_SHARE))]
    assert packed == []
    assert second == _pids(range(len(first), 6))


def test_finish_runs_here_on_both_parts(forks: list[int]) -> None:
    def finish(result: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(item, pid) for item, pid in result] + [(-1, os.getpid())]

    first, second = forked.in_two(range(6), _pids, _same, _same, finish)
    assert len(forks) == 1
    assert first[-1] == second[-1] == (-1, os.getpid())  # finished in this process, not in the child
    assert {pid for _, pid in first[:-1]} == {forks[0]}
    assert forked.in_two([7], _pids, _same, _same, finish) == [[(7, os.getpid()), (-1, os.getpid())]]


def test_a_failing_child_is_not_trusted_its_part_is_worked_here(forks: list[int]) -> None:
    parent = os.getpid()

    def work(items: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() != parent:
            raise RuntimeError("im Kindprozess")
        return _pids(items)

    cut = round(8 * forked.CHILD_SHARE)
    assert forked.in_two(range(8), work, _same, _same) == [_pids(range(cut)), _pids(range(cut, 8))]
    assert len(forks) == 1


def test_an_error_here_stops_the_child_and_leaves_no_process(forks: list[int]) -> None:
    parent = os.getpid()

    def work(items: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() == parent:
            raise KeyError("hier")
        return _pids(items)

    with pytest.raises(KeyError):
        forked.in_two(range(8), work, _same, _same)
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):  # already reaped: no zombie left behind
        os.waitpid(forks[0], os.WNOHANG)


def test_a_fresh_lip_process_may_fork() -> None:
    """lip validate runs no other thread while it reads: there, the plan is read by two processes."""
    code = "from lip_build.load import forked; print(forked.can_fork())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(hasattr(os, "fork"))


def test_small_lists_and_running_threads_stay_in_one_process(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", REAL_CAN_FORK)
    assert forked.in_two([1], _pids, _same, _same) == [_pids([1])]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forked.in_two(range(5), _pids, _same, _same) == [_pids(range(5))]
    finally:
        stop.set()
        thread.join()
    assert forks == []


def _break(plan: Path) -> dict[str, str]:
    """Trouble of every kind, in files early (child) and late (this process) in path order."""
    content = plan / "content"
    felder = plan / "handlungsfelder"
    (content / "kapitel" / "01-einleitung.md").write_bytes(b"---\ntitel: x\x00\n---\n")  # unreadable
    (content / "notizen.md").write_text("Notizen\n", encoding="utf-8")  # stray
    bil = felder / "bildung" / "massnahmen" / "BIL-M01.md"
    bil.write_text(bil.read_text(encoding="utf-8").replace("titel:", "titel: [", 1), encoding="utf-8")  # YAML
    ver = sorted((felder / "stadtverwaltung" / "massnahmen").glob("*.md"))[-1]
    text = ver.read_text(encoding="utf-8")
    ver.write_text(text.replace("status:", "status: vielleicht\nalt_status:", 1), encoding="utf-8")
    # a measure saved among the goals, early and late
    moved = felder / "bildung" / "massnahmen" / "BIL-M02.md"
    moved.rename(felder / "bildung" / "ziele" / "BIL-M02.md")
    late = sorted((felder / "wirtschaft" / "massnahmen").glob("*.md"))[-1]
    late.rename(felder / "wirtschaft" / "ziele" / late.name)
    (felder / "soziales" / "ziele" / "SOZ-Z01 (Kopie).txt").write_text("---\nid: SOZ-Z01\n---\n", encoding="utf-8")
    stadt = sorted((felder / "stadtleben" / "ziele").glob("*.md"))[0]
    return {stadt.relative_to(plan).as_posix(): stadt.read_text(encoding="utf-8").replace("titel:", "titel: 12\nx:")}


def test_two_processes_read_a_plan_exactly_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    plan = copy_plan(REPO, tmp_path / "plan")
    replaced = _break(plan)
    with monkeypatch.context() as one_process:
        one_process.setattr(forked, "FORK_FROM", 10**9)
        one = load_plan(plan, replaced)
    assert forks == []
    two = load_plan(plan, replaced)
    assert len(forks) == 1
    codes = {d.code for d in one.diagnostics.items}
    assert {"LIP103", "LIP111", "LIP113", "LIP201"} <= codes, codes  # the trouble was found at all
    assert [d.as_text() for d in two.diagnostics.items] == [d.as_text() for d in one.diagnostics.items]
    assert two.files == one.files
    paths = [d.path for d in one.diagnostics.items]
    assert any(p.startswith("content/") for p in paths) and any("wirtschaft" in p for p in paths)


def test_a_clean_plan_binds_to_the_same_model(shipped_plan: object, forks: list[int]) -> None:
    result = load_plan(REPO)
    assert len(forks) == 1
    assert result.plan == shipped_plan
    assert not result.diagnostics.items


def test_every_document_survives_packing_unchanged() -> None:
    """A field added to Document, SourceFile or Checked but not to the packing would arrive empty."""
    from lip_build.check import document as d
    from lip_build.diagnostics import Diagnostics

    part = d._read_part(REPO, None, files.survey(REPO).planned)
    assert len(part.documents) > 100
    sent = d._unpack_part(pickle.loads(pickle.dumps(d._pack_part(part))))
    assert sent.documents == part.documents
    assert [doc.kind for doc in sent.documents] == [doc.kind for doc in part.documents]
    assert all(a.kind is b.kind for a, b in zip(sent.documents, part.documents, strict=True))
    assert sent.unreadable == part.unreadable and sent.misplaced == part.misplaced
    assert isinstance(sent.diagnostics, Diagnostics)
