"""Impressum (§ 5 DDG), Datenschutzerklärung (Art. 13 DSGVO) and Erklärung zur Barrierefreiheit.

The contact data come from mkdocs.yml (`extra.lip`, see settings.py); the texts describe what the
site really does: no cookies, no tracking, no third-party requests, search in the browser.
"""

from __future__ import annotations

from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pagetree import Html, Page
from lip_build.outputs.site.settings import SiteSettings, Stelle
from lip_build.view import formats as fmt


def _address(stelle: Stelle) -> str:
    lines = [mk.esc(stelle.name), *(mk.esc(line) for line in stelle.anschrift)]
    contact = [f'E-Mail: <a href="mailto:{mk.esc(stelle.email)}">{mk.esc(stelle.email)}</a>']
    if stelle.telefon:
        contact.append(f"Telefon: {mk.esc(stelle.telefon)}")
    if stelle.web:
        contact.append(f'Internet: <a href="{mk.esc(stelle.web)}">{mk.esc(stelle.web)}</a>')
    return f'<address class="lip-address">{"<br>".join(lines)}<br>{"<br>".join(contact)}</address>'


def impressum(settings: SiteSettings) -> Page:
    html = (
        "<h1>Impressum</h1>"
        "<h2>Anbieterin</h2>"
        f"{_address(settings.anbieterin)}"
        f"<p>Die {mk.esc(settings.stadt)} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch "
        f"{mk.esc(settings.vertreten_durch)}.</p>"
        "<h2>Verantwortlich für den Inhalt</h2>"
        f"<p>{mk.esc(settings.verantwortlich)}</p>"
        "<h2>Kontakt zum Plan</h2>"
        f"{_address(settings.kontakt)}"
        "<h2>Hinweise</h2>"
        "<p>Diese Website wird aus den Textdateien des Lokalen Integrationsplans erzeugt. Sie lädt keine Inhalte "
        "von anderen Anbietern. Für die Inhalte verlinkter externer Seiten sind deren Anbieter verantwortlich.</p>"
    )
    return Page(mk.IMPRESSUM, "Impressum", (Html(html),), "Impressum", hide=("navigation", "toc"))


def datenschutz(settings: SiteSettings) -> Page:
    html = (
        "<h1>Datenschutzerklärung</h1>"
        "<p>Hier erfahren Sie nach Art. 13 der Datenschutz-Grundverordnung (DSGVO), welche personenbezogenen "
        "Daten beim Besuch dieser Website verarbeitet werden.</p>"
        "<h2>Verantwortliche Stelle</h2>"
        f"{_address(settings.anbieterin)}"
        "<h2>Datenschutzbeauftragte Stelle</h2>"
        f"{_address(settings.datenschutzbeauftragte)}"
        "<h2>Was beim Aufruf der Seiten geschieht</h2>"
        f"<p>{mk.esc(settings.hosting)}</p>"
        "<p>Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO: Die Verarbeitung ist für die Information der "
        "Öffentlichkeit über den Lokalen Integrationsplan erforderlich.</p>"
        "<h2>Keine Cookies, kein Tracking, keine fremden Anbieter</h2>"
        "<p>Die Website setzt keine Cookies und verwendet keine Werkzeuge zur Reichweitenmessung. Schriften, "
        "Skripte und Grafiken werden ausschließlich von dieser Website selbst geladen; es werden keine Daten an "
        "andere Anbieter übermittelt.</p>"
        "<p>Die Suche läuft vollständig in Ihrem Browser: Ihre Suchbegriffe werden nicht an den Server "
        "übertragen. Der Browser speichert im lokalen Speicher (Local Storage und Session Storage) lediglich "
        "technische Einstellungen der Seite, etwa den Zustand der Suche. Sie können diese Daten jederzeit in "
        "Ihrem Browser löschen.</p>"
        "<h2>Ihre Rechte</h2>"
        "<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), "
        "Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Wenden Sie sich dazu an die "
        "verantwortliche Stelle oder die datenschutzbeauftragte Stelle.</p>"
        "<h2>Beschwerderecht</h2>"
        "<p>Sie können sich bei der Aufsichtsbehörde beschweren:</p>"
        f"{_address(settings.aufsichtsbehoerde)}"
    )
    return Page(
        mk.DATENSCHUTZ, "Datenschutzerklärung", (Html(html),), "Datenschutzerklärung", hide=("navigation", "toc")
    )


def barrierefreiheit(settings: SiteSettings, page_types: str) -> Page:
    if settings.vereinbarkeit == "vollständig":
        stand = "<p>Diese Website ist mit den Anforderungen der WCAG 2.1, Stufe AA, vollständig vereinbar.</p>"
    else:
        stand = "<p>Diese Website ist mit den Anforderungen der WCAG 2.1, Stufe AA, teilweise vereinbar.</p>"
    if settings.nicht_barrierefrei:
        items = "".join(f"<li>{mk.esc(item)}</li>" for item in settings.nicht_barrierefrei)
        missing = f"<h2>Nicht barrierefreie Inhalte</h2><ul>{items}</ul>"
    else:
        missing = ""
    html = (
        "<h1>Erklärung zur Barrierefreiheit</h1>"
        f"<p>Die {mk.esc(settings.stadt)} ist bemüht, ihre Websites im Einklang mit dem Niedersächsischen "
        "Behindertengleichstellungsgesetz (NBGG) und der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu "
        "machen. Diese Erklärung gilt für die Website des Lokalen Integrationsplans.</p>"
        "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
        f"{stand}{missing}"
        "<h2>Erstellung dieser Erklärung</h2>"
        f"<p>Diese Erklärung wurde am {fmt.datum(settings.barrierefreiheit_stand)} erstellt. Grundlage ist eine "
        "Selbstbewertung. Bei jeder Änderung des Plans prüft eine automatische Testreihe mit dem Werkzeug "
        f"axe-core in einem echten Browser {mk.esc(page_types)} sowie die Ansicht auf einem 375 Pixel breiten "
        "Bildschirm. Alle Diagramme haben eine Tabelle mit denselben Zahlen.</p>"
        "<h2>Feedback und Kontakt</h2>"
        "<p>Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder brauchen Sie Inhalte in einer "
        "anderen Form? Dann schreiben Sie uns:</p>"
        f"{_address(settings.kontakt)}"
        "<h2>Schlichtungsverfahren</h2>"
        "<p>Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die "
        "Schlichtungsstelle wenden:</p>"
        f"{_address(settings.schlichtungsstelle)}"
    )
    return Page(
        mk.BARRIEREFREIHEIT,
        "Erklärung zur Barrierefreiheit",
        (Html(html),),
        "Erklärung zur Barrierefreiheit",
        hide=("navigation", "toc"),
    )


def legal_pages(settings: SiteSettings) -> list[Page]:
    types = (
        "die Startseite, die Seiten der Handlungsfelder, Ziele und Maßnahmen, den Maßnahmenkatalog, "
        "die Statusübersicht und die Suche"
    )
    return [impressum(settings), datenschutz(settings), barrierefreiheit(settings, types)]
