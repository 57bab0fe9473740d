"""The Synopse as HTML: fragments for the site and the PDF, and a stand-alone page for `lip diff`.

Everything from the plan is escaped (html.escape). Removed words are <del>, added words <ins>;
the CSS below also announces them to screen readers and does not rely on colour alone.
Class names start with "lip-synopse" so that the site can style them.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from lip_build.history.compare import Aenderung, Element, Feldaenderung, Synopse
from lip_build.history.textdiff import Stueck, TextDiff, shown_paragraphs
from lip_build.outputs.synopse.render_text import bookkeeping, counts, status

CSS = """
.lip-synopse del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
.lip-synopse ins { background: #dafbe1; color: #0f5323; text-decoration: underline; }
.lip-synopse del::before, .lip-synopse del::after, .lip-synopse ins::before, .lip-synopse ins::after {
  clip-path: inset(100%); clip: rect(1px, 1px, 1px, 1px); height: 1px; width: 1px;
  overflow: hidden; position: absolute; white-space: nowrap; }
.lip-synopse del::before { content: " [gestrichen: "; }
.lip-synopse ins::before { content: " [eingefügt: "; }
.lip-synopse del::after, .lip-synopse ins::after { content: "] "; }
.lip-synopse table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
.lip-synopse th, .lip-synopse td { border: 1px solid #8c959f; padding: 0.3em 0.5em; text-align: left;
  vertical-align: top; }
.lip-synopse caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
.lip-synopse .lip-synopse-auslassung { color: #57606a; }
.lip-synopse-zweispaltig td { width: 50%; }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def inline(stuecke: tuple[Stueck, ...], breaks: bool = True) -> str:
    """Pieces of text as HTML: <del>/<ins> around changed runs, <br> for line breaks (`breaks` False: the
    source file's line breaks inside a paragraph are spaces, as Markdown reads them)."""
    out = []
    for piece in stuecke:
        body = ("<br>\n" if breaks else "\n").join(esc(line) for line in piece.text.split("\n"))
        tag = {"gleich": "", "entfernt": "del", "neu": "ins"}[piece.art]
        core = body.rstrip()
        out.append(f"<{tag}>{core}</{tag}>{body[len(core) :]}" if tag and core else body)
    return "".join(out).strip()


def _paragraph(paragraph: tuple[Stueck, ...], breaks: bool = True) -> str:
    """One paragraph; a Markdown heading ("## Umsetzung") is shown bold, without its hashes."""
    first = paragraph[0]
    level = len(first.text) - len(first.text.lstrip("#"))
    if 0 < level <= 6 and first.text[level : level + 1] == " ":
        rest = (Stueck(first.art, first.text[level + 1 :]), *paragraph[1:])
        return f'<p class="lip-synopse-ueberschrift"><strong>{inline(rest, breaks)}</strong></p>'
    return f"<p>{inline(paragraph, breaks)}</p>"


def text_block(diff: TextDiff, only_changed: bool = True, seite: str = "beide", breaks: bool = True) -> str:
    """Paragraphs of a text diff; `seite` "bisher"/"neu" shows one version with its own marks."""
    stuecke = {"beide": diff.stuecke, "bisher": diff.bisher, "neu": diff.neu}[seite]
    omitted = '<p class="lip-synopse-auslassung">…</p>'
    paragraphs = shown_paragraphs(stuecke, only_changed)
    return "\n".join(omitted if p is None else _paragraph(p, breaks) for p in paragraphs)


def plain(text: str, breaks: bool = True) -> str:
    """A whole text without marks, paragraph by paragraph."""
    return text_block(TextDiff((Stueck("gleich", text),), (), (), 0, 0), only_changed=False, breaks=breaks)


def _value(text: str | None, diff: TextDiff | None, seite: str, breaks: bool = True) -> str:
    if diff is not None:
        return inline(diff.bisher if seite == "bisher" else diff.neu, breaks)
    return "—" if text is None else ("<br>\n" if breaks else "\n").join(esc(line) for line in text.split("\n"))


# How a front-matter key is shown: as written (`lip diff`), or by its German label (the website)
FieldName = Callable[[str, str], str] | None


def _key(art: str, key: str, name: FieldName) -> str:
    return f"<code>{esc(key)}</code>" if name is None else esc(name(art, key))


def _row(art: str, change: Feldaenderung, name: FieldName, breaks: bool) -> str:
    bisher, neu = _value(change.bisher, change.text, "bisher", breaks), _value(change.neu, change.text, "neu", breaks)
    return f'<tr><th scope="row">{_key(art, change.schluessel, name)}</th><td>{bisher}</td><td>{neu}</td></tr>'


def heading(element: Element) -> str:
    title = f" „{esc(element.titel)}“" if element.titel else ""
    return f"{esc(element.bezeichnung)}{title}"


def anchor(element: Element) -> str:
    return "aenderung-" + "".join(c if c.isalnum() or c == "-" else "-" for c in f"{element.art}-{element.id}")


def element_html(
    element: Element, level: int = 2, *, name: str | None = None, field_name: FieldName = None, public: bool = False
) -> str:
    """One item: heading, where it lies, a table Feld | bisher | neu, and the text with its changes.

    For the public website (`public`): the item's `name` in the heading ("Maßnahme 1.2.2" rather than its
    ID), German labels for the keys (`field_name`), no file paths, and the file's line breaks as spaces."""
    breaks = not public
    title = f" „{esc(element.titel)}“" if element.titel else ""
    shown = heading(element) if name is None else f"{esc(name)}{title}"
    parts = [f'<h{level} id="{anchor(element)}">{shown}</h{level}>']
    if public:
        where = ""
    elif element.aenderung is Aenderung.VERSCHOBEN:
        assert element.bisher and element.neu
        where = f": <code>{esc(element.bisher.pfad)}</code> → <code>{esc(element.neu.pfad)}</code>"
    else:
        where = f": <code>{esc(element.fassung.pfad)}</code>"
    parts.append(f'<p class="lip-synopse-status">{esc(status(element))}{where}</p>')
    if element.aenderung is Aenderung.NEU:
        rows = "".join(
            f'<tr><th scope="row">{_key(element.art, c.schluessel, field_name)}</th>'
            f"<td>{_value(c.neu, None, 'neu', breaks)}</td></tr>"
            for c in element.felder
        )
        if rows:
            parts.append(
                '<table class="lip-synopse-felder"><caption>Angaben</caption><thead><tr><th scope="col">Feld</th>'
                f'<th scope="col">Wert</th></tr></thead><tbody>{rows}</tbody></table>'
            )
        if element.fassung.text:
            parts.append(f'<div class="lip-synopse-text">{plain(element.fassung.text, breaks)}</div>')
    elif element.aenderung is not Aenderung.ENTFERNT:
        if element.felder:
            parts.append(
                '<table class="lip-synopse-felder"><caption>Geänderte Angaben</caption><thead><tr>'
                '<th scope="col">Feld</th><th scope="col">bisher</th><th scope="col">neu</th></tr></thead>'
                f"<tbody>{''.join(_row(element.art, c, field_name, breaks) for c in element.felder)}</tbody></table>"
            )
        if element.text.geaendert:
            parts.append(f'<div class="lip-synopse-text">{text_block(element.text, breaks=breaks)}</div>')
    css_class = f"lip-synopse-element lip-synopse-{element.aenderung.name.lower()}"
    return f'<article class="{css_class}">\n' + "\n".join(parts) + "\n</article>"


def zweispaltig(element: Element) -> str:
    """The classic two-column Synopse of one item: bisherige Fassung | neue Fassung, in full."""
    rows = []
    for change in element.felder:
        key = f"<code>{esc(change.schluessel)}</code>: "
        rows.append(
            f"<tr><td>{key}{_value(change.bisher, change.text, 'bisher')}</td>"
            f"<td>{key}{_value(change.neu, change.text, 'neu')}</td></tr>"
        )
    if (element.bisher and element.bisher.text) or (element.neu and element.neu.text):
        old = text_block(element.text, False, "bisher") if element.bisher else ""
        new = text_block(element.text, False, "neu") if element.neu else ""
        rows.append(f"<tr><td>{old}</td><td>{new}</td></tr>")
    return (
        '<table class="lip-synopse-zweispaltig"><caption>' + heading(element) + "</caption>"
        '<thead><tr><th scope="col">Bisherige Fassung</th><th scope="col">Neue Fassung</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def synopse_html(synopse: Synopse, level: int = 2) -> str:
    """The whole Synopse as a fragment: versions, counts, an overview table, then every changed item."""
    parts = [
        '<section class="lip-synopse">',
        f"<p><strong>Bisher:</strong> {esc(synopse.bisher.text)}<br>\n"
        f"<strong>Neu:</strong> {esc(synopse.neu.text)}</p>",
        f"<p>{esc(' '.join(filter(None, [counts(synopse) + '.', bookkeeping(synopse)])))}</p>",
    ]
    changed_items = synopse.geaendert
    if not changed_items:
        parts.append("<p>Keine Unterschiede im Plan.</p>")
    else:
        rows = "".join(
            f'<tr><td><a href="#{anchor(e)}">{esc(e.bezeichnung)}</a></td><td>{esc(e.titel or "")}</td>'
            f"<td>{esc(status(e))}</td></tr>"
            for e in changed_items
        )
        parts.append(
            '<table class="lip-synopse-uebersicht"><caption>Übersicht der Änderungen</caption><thead><tr>'
            '<th scope="col">Element</th><th scope="col">Titel</th><th scope="col">Änderung</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
        parts += [element_html(e, level) for e in changed_items]
    parts.append("</section>")
    return "\n".join(parts)


def page(synopse: Synopse, title: str = "Synopse") -> str:
    """A stand-alone HTML page (no external resources)."""
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}: {esc(synopse.bisher.bezeichnung)} → {esc(synopse.neu.bezeichnung)}</title>\n"
        "<style>\nbody { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;"
        f" line-height: 1.5; color: #1f2328; }}\n{CSS}</style>\n</head>\n<body>\n<main>\n<h1>{esc(title)}</h1>\n"
        f"{synopse_html(synopse)}\n</main>\n</body>\n</html>\n"
    )
