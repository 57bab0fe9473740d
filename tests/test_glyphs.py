"""The glyph check (check/glyphs.py, LIP410) and its cache: what `lip validate` says about a character is
what Typst does when it sets the PDF, whether the answer comes from the plan's fonts, from Typst or from
the cache of an earlier run, and a cache that is stale, broken or cannot be written changes nothing.

The fonts here are made for each test with fontTools (Noto Sans cut down to one glyph, with a cmap of
chosen code points), so that which characters they have is known without asking the code under test.
Each "run" of lip starts with an empty in-process memo (`coverage.cache_clear()`), as a new
`lip validate` does.
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import typst
from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

from lip_build.check import glyphs
from lip_build.check.document import read_documents
from lip_build.diagnostics import Diagnostics
from tests.test_diagnostics import MINI

BIL_M02 = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
KAN = [0x6F22, 0x6F23, 0x6F24, 0x6F25, 0x6F26]  # 漢 and its neighbours: in none of Typst's embedded fonts


@functools.cache
def _base() -> bytes:
    """Noto Sans cut down to the glyph of "A" (a font Typst reads; one built from nothing it ignores)."""
    options = subset.Options()
    options.name_IDs = ["*"]
    font = TTFont(str(glyphs._LIP_REPO / "fonts" / "noto-sans" / "NotoSans-Regular.ttf"))
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=[0x41])
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _font(codes: list[int]) -> TTFont:
    """A font with exactly these code points in its cmap (each drawn as "A")."""
    font = TTFont(io.BytesIO(_base()))
    for table in font["cmap"].tables:
        table.cmap = dict.fromkeys(codes, "A")
    return font


def _collection(path: Path, *fonts: TTFont) -> None:
    collection = TTCollection()
    collection.fonts = list(fonts)
    collection.save(str(path))


def _fonts(folder: Path) -> set[int]:
    """A font folder as plans have them: fonts in subfolders, upper-case endings, collections (.ttc,
    .otc), a symbol font without a Unicode cmap, a licence file. Returns the code points it covers."""
    (folder / "probe").mkdir(parents=True)
    _font([0x41, 0x42, 0x43, 0x45, KAN[0]]).save(str(folder / "probe" / "Probe-Regular.ttf"))
    _font([KAN[1]]).save(str(folder / "Probe-Bold.TTF"))
    _collection(folder / "probe" / "Sammlung.ttc", _font([KAN[2]]), _font([KAN[3]]))
    _collection(folder / "Sammlung2.OTC", _font([KAN[4]]))
    symbol = _font([0x2605])  # only a (3, 0) symbol cmap: no Unicode code points
    symbol["cmap"].tables = [t for t in symbol["cmap"].tables if (t.platformID, t.platEncID) == (3, 1)]
    symbol["cmap"].tables[0].platEncID = 0
    symbol.save(str(folder / "Symbol.ttf"))
    (folder / "OFL.txt").write_text("SIL Open Font License", encoding="utf-8")
    return {0x41, 0x42, 0x43, 0x45, *KAN}


@pytest.fixture(autouse=True)
def _new_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache" / "home"))  # not there yet: made on writing
    glyphs.coverage.cache_clear()
    yield
    glyphs.coverage.cache_clear()


def _run(root: Path) -> glyphs.Coverage:
    glyphs.coverage.cache_clear()
    return glyphs.coverage(root)


def _has(found: glyphs.Coverage, code: int) -> bool:
    """Whether the plan's fonts have the (printable) character: the check does not search for it."""
    return found.pattern.search(chr(code)) is None


def _plan(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "plan"
    shutil.copytree(MINI, root)
    path = root / BIL_M02
    path.write_text(path.read_text(encoding="utf-8").replace("Kinder lernen gemeinsam.", text), encoding="utf-8")
    return root


def _lip410(root: Path) -> list[tuple[str, int, int, str]]:
    """The findings of the glyph check in a new run over the plan's files (the check alone: the pipeline
    around it is tested by the fixture of LIP410, and the mutation test runs this for fewer mutants)."""
    glyphs.coverage.cache_clear()
    documents, _unreadable = read_documents(root, Diagnostics())
    found = Diagnostics()
    glyphs.check_glyphs(root, documents, found)
    return [(d.path, d.line, d.column, d.message) for d in found.items]


def _char(message: str) -> str:
    return message.split("„", 1)[1].split("“", 1)[0]


def _typst_sets(char: str, fonts: Path) -> bool:
    """What the PDF build decides: Typst with the plan's fonts, no system fonts, PDF/A on."""
    with tempfile.TemporaryDirectory() as work:
        main = Path(work) / "zeichen.typ"
        main.write_text(f'#set document(title: "Z")\n#set text(font: "Noto Sans")\n#"{char}"\n', encoding="utf-8")
        try:
            typst.compile(str(main), font_paths=[str(fonts)], ignore_system_fonts=True, pdf_standards=["a-2a", "ua-1"])
        except typst.TypstError:
            return False
    return True


def test_the_plan_fonts_decide_which_characters_are_covered(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    covered = _fonts(root / "fonts")
    probe = [*range(0x3E, 0x48), *range(KAN[0] - 2, KAN[-1] + 3), 0x2605]
    for run in ("ohne Cache", "aus dem Cache"):
        found = _run(root)
        assert [c for c in probe if _has(found, c)] == sorted(covered), run


def test_the_cache_spares_fonttools_and_typst_and_gives_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _plan(tmp_path, "Kinder lernen 漢字 gemeinsam 🎓.")
    _fonts(root / "fonts")
    first = _lip410(root)
    assert [(line, _char(message)) for _path, line, _column, message in first] == [(22, "字"), (22, "🎓")]

    def forbidden(*_args: object) -> None:
        raise AssertionError("asked again although the cache knows the answer")

    monkeypatch.setattr(glyphs, "_read_cmaps", forbidden)
    monkeypatch.setattr(glyphs, "_ask_typst", forbidden)
    assert _lip410(root) == first


def test_lip410_says_what_typst_does_with_the_plan_fonts(tmp_path: Path) -> None:
    chars = ["漢", "字", "🎓", "Ω", "ä", "€", "→", "ỹ", "\ue000", "\ufffe"]  # private use, noncharacter
    root = _plan(tmp_path, "Zeichen: " + " ".join(chars) + ".")
    _fonts(root / "fonts")
    reported = [_char(message) for *_where, message in _lip410(root)]
    assert reported == [c for c in chars if not _typst_sets(c, root / "fonts")]
    assert "字" in reported and "漢" not in reported  # the plan's font has 漢, no font has 字
    assert [_char(message) for *_where, message in _lip410(root)] == reported  # from the cache


def test_a_changed_added_or_removed_font_is_read_again(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    fonts = root / "fonts"
    fonts.mkdir(parents=True)
    _font([KAN[0]]).save(str(fonts / "A.ttf"))
    assert _has(_run(root), KAN[0])
    _font([KAN[1]]).save(str(fonts / "A.ttf"))  # the same file with other characters
    assert not _has(_run(root), KAN[0]) and _has(_run(root), KAN[1])
    _font([KAN[2]]).save(str(fonts / "B.otf"))
    assert _has(_run(root), KAN[2])
    (fonts / "A.ttf").unlink()
    found = _run(root)
    assert not _has(found, KAN[1]) and _has(found, KAN[2])


def test_a_font_replaced_by_one_of_the_same_size_is_read_again(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    fonts = root / "fonts"
    fonts.mkdir(parents=True)
    _font([KAN[0]]).save(str(fonts / "A.ttf"))
    assert _has(_run(root), KAN[0])
    size = (fonts / "A.ttf").stat().st_size
    _font([KAN[1]]).save(str(fonts / "A.ttf"))
    assert (fonts / "A.ttf").stat().st_size == size
    os.utime(fonts / "A.ttf", ns=(1, 1))  # only the date tells the fonts apart
    assert _has(_run(root), KAN[1]) and not _has(_run(root), KAN[0])


@pytest.mark.parametrize(
    "broken",
    [
        "",
        "{",
        "[]",
        "null",
        '{"key": 1}',
        '{"ranges": [], "typst": {}}',
        '{KEY, "ranges": [[1]], "typst": {}}',
        '{KEY, "ranges": 5, "typst": {}}',
        '{KEY, "ranges": [], "typst": 5}',
        '{KEY, "ranges": [], "typst": [1]}',
    ],
    ids=[
        "leer",
        "abgebrochen",
        "Liste",
        "null",
        "fremder Schluessel",
        "ohne Schluessel",
        "Bereich",
        "Zahl",
        "Typst-Zahl",
        "Typst-Liste",
    ],
)
def test_a_broken_cache_is_ignored_and_replaced(tmp_path: Path, broken: str) -> None:
    root = _plan(tmp_path, "Kinder lernen 漢字 gemeinsam.")
    covered = _fonts(root / "fonts")
    expected = _lip410(root)
    cache = glyphs.cache_file(root / "fonts")
    written = json.loads(cache.read_text(encoding="utf-8"))
    key = written["key"]
    cache.write_text(broken.replace("KEY", json.dumps("key") + ": " + json.dumps(key)), encoding="utf-8")
    assert _lip410(root) == expected
    found = _run(root)
    assert [c for c in range(0x40, 0x47) if _has(found, c)] == sorted(c for c in covered if c < 0x47)
    assert json.loads(cache.read_text(encoding="utf-8")) == written


def test_an_unwritable_cache_changes_no_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _plan(tmp_path, "Kinder lernen 漢字 gemeinsam 🎓.")
    _fonts(root / "fonts")
    expected = _lip410(root)
    blocked = tmp_path / "kein-ordner"
    blocked.write_text("eine Datei, wo der Cache-Ordner hin soll", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert _lip410(root) == expected
    assert _lip410(root) == expected
    assert blocked.read_text(encoding="utf-8") == "eine Datei, wo der Cache-Ordner hin soll"


def test_the_cache_is_written_whole_where_the_user_cache_is(tmp_path: Path) -> None:
    root = _plan(tmp_path, "Kinder lernen 漢字 gemeinsam.")
    _fonts(root / "fonts")
    _lip410(root)
    folder = tmp_path / "cache" / "home" / "lip"
    assert [p.name for p in folder.iterdir()] == [glyphs.cache_file(root / "fonts").name]  # no temporary file left
    data = json.loads((folder / glyphs.cache_file(root / "fonts").name).read_text(encoding="utf-8"))
    assert data["typst"]["字"] is False and data["typst"]["K"] is True  # K: not in the plan's font, in Typst's


def test_the_cache_belongs_to_one_font_folder(tmp_path: Path) -> None:
    one, other = tmp_path / "eins", tmp_path / "zwei"
    for root, code in ((one, KAN[0]), (other, KAN[1])):
        (root / "fonts").mkdir(parents=True)
        _font([code]).save(str(root / "fonts" / "A.ttf"))
    assert glyphs.cache_file(one / "fonts") != glyphs.cache_file(other / "fonts")
    assert _has(_run(one), KAN[0]) and not _has(_run(one), KAN[1])
    assert _has(_run(other), KAN[1]) and not _has(_run(other), KAN[0])


def test_typsts_embedded_fonts_set_every_latin1_character() -> None:
    """Why a text of Latin-1 characters needs no search: Typst sets each of them even without fonts."""
    chars = [chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x100)]]
    assert glyphs._ask_typst(chars) == set(chars)


def test_typst_is_asked_about_several_characters_at_once() -> None:
    assert glyphs._ask_typst(["漢", "A", "🎓", '"', "\\", "字"]) == {"A", '"', "\\"}


def test_a_character_only_an_installed_font_has_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The PDF is set without the computer's fonts: a font installed for the user does not help it."""
    installed = tmp_path / "schriften"
    installed.mkdir()
    _font([0x5B57]).save(str(installed / "Installiert.ttf"))  # 字
    config = tmp_path / "fonts.conf"  # the computer's fonts for fontconfig (and Typst): only this one
    config.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{installed}</dir></fontconfig>\n", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    probe = tmp_path / "probe.typ"
    probe.write_text('#set document(title: "Z")\n#"字"\n', encoding="utf-8")
    typst.compile(str(probe), ignore_system_fonts=False, pdf_standards=["a-2a"])  # Typst would find it there
    root = _plan(tmp_path, "Kinder lernen 字.")
    assert [_char(message) for *_where, message in _lip410(root)] == ["字"]


def test_lip410_points_at_each_character(tmp_path: Path) -> None:
    root = _plan(tmp_path, "Kinder lernen 漢字 gemeinsam 🎓.")
    path = root / BIL_M02
    path.write_text(path.read_text(encoding="utf-8").replace("## Ausgangslage", "## Ausgangslage 🎓"), "utf-8")
    found = [(line, column, _char(message)) for _path, line, column, message in _lip410(root)]
    assert found == [(20, 17, "🎓"), (22, 15, "漢"), (22, 16, "字"), (22, 28, "🎓")]


def test_without_fonts_of_its_own_a_plan_is_set_with_the_shipped_ones(tmp_path: Path) -> None:
    """Ԁ (U+0500) is in the shipped Noto Sans and in none of Typst's embedded fonts."""
    assert glyphs._ask_typst(["Ԁ"]) == set()
    assert _typst_sets("Ԁ", glyphs._LIP_REPO / "fonts")
    root = _plan(tmp_path, "Kinder lernen Ԁ und 字.")
    assert [_char(message) for *_where, message in _lip410(root)] == ["字"]


def test_the_cache_is_in_the_home_folder_when_no_cache_folder_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "zuhause"))
    _lip410(_plan(tmp_path, "Kinder lernen 字."))
    assert [p.parent for p in (tmp_path / "zuhause").rglob("*.json")] == [tmp_path / "zuhause" / ".cache" / "lip"]
