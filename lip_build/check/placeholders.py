"""What `lip new` writes for the editor to fill in, defined once for the templates and the check.

The templates in templates/neu/ receive these texts as `platzhalter` and the marker as `pruefen`;
the check reports every one of them still in a file (LIP210 for a marked value, LIP409 for a
placeholder text), so a scaffold never reaches the site or the Drucksache unnoticed. They are
warnings while a plan is being written and errors for `lip build --release`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lip_build.check.document import Document
from lip_build.codes import LIP210, LIP409
from lip_build.diagnostics import Diagnostics

# The comment after a value that lip new only proposed ("federfuehrung: "50.60"  # bitte prüfen: …").
PRUEFEN = "bitte prüfen"

# The texts that lip new writes into the body, by the name the templates use.
PLATZHALTER = {
    "ausgangslage": "Beschreiben Sie hier, welches Problem die Maßnahme angeht.",
    "umsetzung": "Beschreiben Sie hier, wer was mit wem bis wann tut und woran man den Erfolg erkennt.",
    "zielzustand": "Beschreiben Sie hier den Zielzustand: Was soll erreicht sein, und warum ist das wichtig?",
}
_COMMON = "Beschreiben Sie hier"  # every placeholder text starts so: one search per file finds them all
assert all(text.startswith(_COMMON) for text in PLATZHALTER.values())

CODES = (LIP210, LIP409)  # what a release must not contain
# "key: value  # bitte prüfen…"; the comment needs a blank before it, as YAML requires.
_MARKED = re.compile(r"^(\s*)(?:-\s+)?([^\s#:][^#:\n]*?):([^\n]*?)\s#\s*" + re.escape(PRUEFEN), re.MULTILINE)


def check_placeholders(documents: Iterable[Document], diagnostics: Diagnostics) -> None:
    for doc in documents:
        source = doc.source
        if "#" in source.front_text and PRUEFEN in source.front_text:  # a comment at all: one fast search first
            for match in _MARKED.finditer(source.front_text):
                value = match.group(3)
                if value.count('"') % 2 or value.count("'") % 2:
                    continue  # the "#" stands inside a quoted text, it is no comment
                line = source.front_line + source.front_text.count("\n", 0, match.start())
                key = match.group(2).strip().strip("\"'")
                diagnostics.add(LIP210, source.path, line, len(match.group(1)) + 1, schluessel=key, marke=PRUEFEN)
        if _COMMON in source.body:
            for text in PLATZHALTER.values():
                start = source.body.find(text)
                if start >= 0:
                    line = source.body_line + source.body.count("\n", 0, start)
                    column = start - (source.body.rfind("\n", 0, start) + 1) + 1
                    diagnostics.add(LIP409, source.path, line, column, text=text)
