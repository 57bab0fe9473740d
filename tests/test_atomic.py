"""The one writer of every output: complete or nothing, readable by everyone, never overwriting by accident."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lip_build.atomic import atomic_directory, atomic_file, copy_file


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_readable_by_everyone(tmp_path: Path) -> None:
    old = os.umask(0o077)  # even with a strict umask a published file is 644
    try:
        atomic_file(tmp_path / "a" / "b.txt", "Grüße\n")
    finally:
        os.umask(old)
    assert (tmp_path / "a" / "b.txt").read_text(encoding="utf-8") == "Grüße\n"
    assert _mode(tmp_path / "a" / "b.txt") == 0o644


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("alt", encoding="utf-8")
    target.chmod(0o664)
    atomic_file(target, b"neu")
    assert target.read_bytes() == b"neu"
    assert _mode(target) == 0o664


def test_no_overwrite_leaves_the_existing_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "BIL-M01.md"
    target.write_text("Arbeit von gestern", encoding="utf-8")
    with pytest.raises(FileExistsError):
        atomic_file(target, "neu", overwrite=False)
    assert target.read_text(encoding="utf-8") == "Arbeit von gestern"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["BIL-M01.md"]


def test_failed_folder_build_keeps_the_old_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("alt", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_directory(site) as work:
        (work / "index.html").write_text("halb", encoding="utf-8")
        raise RuntimeError("Schritt fehlgeschlagen")
    assert (site / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    with atomic_directory(site) as work:
        (work / "index.html").write_text("neu", encoding="utf-8")
    assert (site / "index.html").read_text(encoding="utf-8") == "neu"
    assert _mode(site) == 0o755


def test_copy_keeps_a_link_to_the_same_bytes_and_never_writes_through_it(tmp_path: Path) -> None:
    """A rebuild of `lip serve` starts with hard links to the previous build, which is still being served."""
    source, previous, target = tmp_path / "neu.js", tmp_path / "vorher.js", tmp_path / "site" / "neu.js"
    source.write_text("gleich", encoding="utf-8")
    previous.write_text("gleich", encoding="utf-8")
    target.parent.mkdir()
    os.link(previous, target)
    copy_file(source, target)
    assert target.stat().st_ino == previous.stat().st_ino  # the same bytes: still the link

    source.write_text("geändert", encoding="utf-8")
    copy_file(source, target)
    assert target.read_text(encoding="utf-8") == "geändert" and _mode(target) == 0o644
    assert previous.read_text(encoding="utf-8") == "gleich"  # the previous build is untouched
    copy_file(source, tmp_path / "neu" / "ordner" / "neu.js")  # a new file in a new folder
    assert (tmp_path / "neu" / "ordner" / "neu.js").read_text(encoding="utf-8") == "geändert"
