"""Step 4 and 5 for the PDF: pandoc writes Typst markup, the typst package compiles the PDF.

The special blocks of the assembled document become calls of the template's functions
(templates/typst/drucksache.typ); images get their alternative text. The PDF is PDF/A-2a and
PDF/UA-1, uses only the shipped fonts and takes its time stamp from the commit, so the same
commit always gives the same bytes.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from lip_build.check.glyphs import FONTS
from lip_build.errors import BuildError
from lip_build.history.stamp import Version
from lip_build.load.files import discover
from lip_build.outputs.drucksache import pandoc
from lip_build.outputs.drucksache.assemble import TEIL, Dokument, Teil
from lip_build.outputs.drucksache.pandoc_tree import IMAGE_PATH, Node, Walker, attribute, classes, plain_text
from lip_build.outputs.drucksache.paths import resource
from lip_build.outputs.drucksache.tables import Tabelle, insert, typst, typst_string

TEMPLATE_DIR = "templates/typst"
TEMPLATE = "drucksache.typ"
# Which part the template sets, beside the main file: a Teil's name, or empty for the whole document.
SELECTION = "teil.txt"

# Blocks drawn by the template from daten.json, and blocks whose content the template styles.
_DATA_BLOCKS = {"lip-kopf", "lip-inhalt"}
_STYLED_BLOCKS = {
    "lip-kostentabelle",
    "lip-vorspann",
    "lip-zeichnung",
    "lip-anlagen",
    "lip-titelseite",
    "lip-untertitel",
    "lip-angaben",
    "lip-handlungsfeld",
    "lip-meta",
    "lip-kurzfassung",
    "lip-ziel",
    "lip-massnahme",
    "lip-fakten",
    "lip-glossar",
    "lip-kolophon",
    "lip-querformat",
    "lip-stellungnahmen",
}
_GLYPH = re.compile(r"the text `\"(.+?)\"` could not be displayed")


def _raw(text: str, inline: bool = False) -> Node:
    return {"t": "RawInline" if inline else "RawBlock", "c": ["typst", text]}


_string = typst_string


def _title_break(blocks: list[Node]) -> list[Node]:
    """On the title page, "Anlage 1: Lokaler Integrationsplan 2.0" breaks after the colon."""
    out = []
    for block in blocks:
        if block["t"] == "Header":
            inlines = list(block["c"][2])
            for index, inline in enumerate(inlines[:-1]):
                if inline["t"] == "Str" and inline["c"].endswith(":") and inlines[index + 1]["t"] == "Space":
                    inlines.insert(index + 2, _raw("#linebreak()", inline=True))
                    break
            block = {"t": "Header", "c": [block["c"][0], block["c"][1], inlines]}
        out.append(block)
    return out


class _ToTypst(Walker):
    def element(self, node: Node) -> list[Node]:
        if node["t"] == "Div":
            if TEIL in classes(node):
                name = attribute(node, "lip-name") or ""
                return [_raw(f"#lip-teil({_string(name)})["), *self.run(node["c"][1]), _raw("]")]
            names = [c for c in classes(node) if c in _DATA_BLOCKS or c in _STYLED_BLOCKS]
            if names and names[0] in _DATA_BLOCKS:
                return [_raw(f"#{names[0]}()")]
            if names:
                children = node["c"][1] if names[0] != "lip-titelseite" else _title_break(node["c"][1])
                return [_raw(f"#{names[0]}["), *self.run(children), _raw("]")]
        if node["t"] == "Image":
            image_attr, alt, (_url, _title) = node["c"]
            path = next(v for k, v in image_attr[2] if k == IMAGE_PATH)
            description = plain_text(alt).strip()
            return [_raw(f"#lip-bild({_string('/' + path)}, {_string(description)})", inline=True)]
        return super().element(node)


_LIST_MARKER = re.compile(r"\d+\.")


def _join_words(value: Any) -> Any:
    """Runs of words and spaces as one Str each: the same Typst text, but a tree of about half the size,
    which pandoc reads much faster. A run starts with the word that pandoc checks for an escape at a
    line start; a word like "1." (an enumeration at a line start in Typst) stays on its own, and so
    does the space after it, so that pandoc escapes it wherever a line break puts it first."""
    if isinstance(value, dict):
        return {key: _join_words(item) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    run: list[str] = []  # the words and spaces of the Str at out[start]
    start = -1
    for item in value:
        kind = item.get("t") if isinstance(item, dict) else None
        if kind == "Str" and not _LIST_MARKER.fullmatch(item["c"]):
            if not run:
                start = len(out)
                out.append(item)
            run.append(item["c"])
            continue
        if kind == "Space" and run:
            run.append(" ")
            continue
        if len(run) > 1:
            out[start] = {"t": "Str", "c": "".join(run)}
        run = []
        out.append(item if kind in ("Str", "Space") else _join_words(item))
    if len(run) > 1:
        out[start] = {"t": "Str", "c": "".join(run)}
    return out


def typst_tree(tree: dict[str, Any], tabellen: Sequence[Tabelle]) -> dict[str, Any]:
    blocks = insert(_ToTypst().run(tree["blocks"]), tabellen, typst)
    return {**tree, "blocks": _join_words(blocks)}


def _daten(dok: Dokument) -> dict[str, Any]:
    return {
        "titel": dok.titel,
        "autorin": dok.autorin,
        "beschreibung": dok.herkunft,
        "stichworte": ["Lokaler Integrationsplan", "Drucksache", "Landeshauptstadt Hannover"],
        "kopfzeile": dok.kopfzeile,
        "fusszeile": dok.fusszeile,
        "entwurf": dok.entwurf,
        "kopf": {**asdict(dok.kopf), "beratungsfolge": list(dok.kopf.beratungsfolge)},
    }


def write_sources(root: Path, work: Path, tree: dict[str, Any], dok: Dokument) -> Path:
    """Write the Typst sources into the work folder; returns the main file."""
    markup = pandoc.write(
        typst_tree(tree, dok.tabellen), "typst", "der Umwandlung in Typst-Markup", work / "drucksache.md", [], {}
    )
    vorlage = work / "vorlage"
    shutil.rmtree(vorlage, ignore_errors=True)
    shutil.copytree(resource(root, TEMPLATE_DIR), vorlage)
    if not (vorlage / TEMPLATE).is_file():
        raise BuildError(f"In {TEMPLATE_DIR}/ fehlt die Vorlage {TEMPLATE}.")
    (work / "daten.json").write_text(json.dumps(_daten(dok), ensure_ascii=False, indent=1), encoding="utf-8")
    main = work / "drucksache.typ"
    head = f'#import "vorlage/{TEMPLATE}": *\n#show: dokument.with(daten: json("daten.json"))\n\n'
    main.write_bytes(head.encode("utf-8") + markup)
    (work / SELECTION).write_text("", encoding="utf-8")
    return main


def _glyph_hint(root: Path, message: str) -> str:
    """Where the plan uses a character that the shipped fonts cannot show."""
    found = _GLYPH.search(message)
    if not found:
        return ""
    char = found.group(1)
    places = []
    for relative in discover(root):
        text = (root / relative).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.split("\n"), 1):
            if char in line:
                places.append(f"{relative}:{number}")
    codes = " ".join(f"U+{ord(c):04X}" for c in char)
    where = ", ".join(places[:10]) if places else "keine Datei des Plans (vermutlich die Vorlage)"
    return (
        f"\nDas Zeichen „{char}“ ({codes}) gibt es in den mitgelieferten Schriften nicht; im PDF bliebe "
        f"ein leeres Kästchen. Es steht in: {where}. Ersetzen Sie es oder ergänzen Sie in fonts/ eine "
        "Schrift mit offener Lizenz, die es enthält."
    )


# Typst's English errors → what they mean, in German; the first match wins, the original stays as detail.
_TYPST_ERRORS = (
    ("could not be displayed", "Ein Zeichen gibt es in keiner Schrift der Drucksache."),
    ("file not found", "Eine Datei fehlt: ein Bild des Plans oder eine Datei der Vorlage in templates/typst/."),
    ("failed to load", "Eine Datei ließ sich nicht lesen: ein Bild des Plans oder eine Schrift in fonts/."),
    ("PDF/UA", "Das PDF verletzt eine Regel der Barrierefreiheit (PDF/UA-1), etwa ein Bild ohne Alternativtext."),
    ("PDF/A", "Das PDF verletzt eine Regel der Archivfähigkeit (PDF/A-2)."),
    ("unknown variable", "Die Vorlage templates/typst/ passt nicht zu dieser Version von lip."),
)


def _german(message: str) -> str:
    return next((german for needle, german in _TYPST_ERRORS if needle in message), "Typst hat einen Fehler gemeldet.")


def compile_pdf(root: Path, main: Path, version: Version) -> bytes:
    """The PDF of `main`."""
    import typst

    try:
        pdf = typst.compile(
            str(main),
            root=str(root),
            font_paths=[str(resource(root, FONTS))],
            ignore_system_fonts=True,
            pdf_standards=["a-2a", "ua-1"],  # archivable and accessible
            timestamp=version.datum,
        )
    except typst.TypstError as error:
        message = str(getattr(error, "message", "") or error)
        detail = str(getattr(error, "diagnostic", "") or "")
        raise BuildError(
            f"Typst konnte das PDF nicht erstellen. {_german(message)}{_glyph_hint(root, message + detail)}\n"
            f"Meldung von Typst (englisch): {message}\n{detail.strip()}\nZwischendatei: {main}"
        ) from None
    except (RuntimeError, OSError, ValueError) as error:
        raise BuildError(
            f"Typst konnte das PDF nicht erstellen.\nMeldung von Typst (englisch): {error}\nZwischendatei: {main}"
        ) from None
    if not isinstance(pdf, bytes):
        raise BuildError(f"Typst hat kein PDF geliefert. Zwischendatei: {main}")
    return pdf


def part_main(main: Path, name: str) -> Path:
    """The main file of one part, beside `main`: it includes `main` and gives the part its title."""
    return main.with_name(f"teil-{name}.typ")


def compile_part(root: Path, main: Path, version: Version, teil: Teil) -> bytes:
    """One part of the document in `main` as a PDF of its own, under its own title; best after the whole.

    Typst keeps what it has laid out in this process and reuses it when its inputs are the same. So the part
    is chosen by the file SELECTION, which only the template's `lip-teil` reads, and not by `sys.inputs`:
    Typst counts those among the inputs of everything it lays out, and each part was set from scratch
    (shipped plan: the four parts 1.6 s after the whole, this way 0.9 s). For the same reason the part's own
    title is set after its content, where it changes no style of the text."""
    part = part_main(main, teil.name)
    part.write_text(f'#include "{main.name}"\n#set document(title: {_string(teil.dokumenttitel)})\n', encoding="utf-8")
    selection = main.with_name(SELECTION)
    selection.write_text(teil.name, encoding="utf-8")
    try:
        return compile_pdf(root, part, version)
    finally:
        selection.write_text("", encoding="utf-8")  # the main file in the work folder is the whole again
