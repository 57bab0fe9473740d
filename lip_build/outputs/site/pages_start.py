"""The start page: what the plan is, the six Handlungsfelder as cards, key figures, the process,
the downloads, and the way to the Leichte-Sprache page."""

from __future__ import annotations

from pathlib import Path

from lip_build import schema as s
from lip_build.model.plan import Plan
from lip_build.outputs import beschlussliste
from lip_build.outputs.bericht import stichtag_der_datei
from lip_build.outputs.drucksache.assemble import teile
from lip_build.outputs.drucksache.paths import dateiname, teil_dateiname
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pages_felder import field_cards
from lip_build.outputs.site.pages_prozess import timeline
from lip_build.outputs.site.pagetree import Html, Markdown, NavLink, Page, relative
from lip_build.view import formats as fmt
from lip_build.view.plantext import first_paragraph

_KINDS = {".pdf": "PDF", ".docx": "Word-Dokument (DOCX)"}


_FORMAT = {".pdf": "PDF", ".docx": "Word, zum Bearbeiten"}


def _titles(plan: Plan) -> dict[str, str]:
    """What each file of the Drucksache holds, by its name: "Anlage 1: Lokaler Integrationsplan 2.0"."""
    whole = f"Drucksache Nr. {plan.drucksache.nummer} mit allen Anlagen"
    titles = {dateiname(plan, "pdf"): f"{whole} (PDF)", dateiname(plan, "docx"): f"{whole} (Word, zum Bearbeiten)"}
    titles.update({teil_dateiname(plan, name): titel for name, titel in teile(plan)})
    titles.update({beschlussliste.dateiname(s): f"Beschlussliste: {s.titel}" for s in plan.sitzungen})
    return titles


def _title(titles: dict[str, str], path: Path) -> str:
    """The link text of a download: what it holds, else its file name."""
    stichtag = stichtag_der_datei(path.name)
    if stichtag is not None:
        return f"Sachstandsbericht zum {fmt.datum(stichtag)} ({_FORMAT.get(path.suffix.lower(), path.suffix)})"
    return titles.get(path.name, path.name)


def _download_list(plan: Plan, page: str, folder: str, files: tuple[Path, ...]) -> str:
    titles = _titles(plan)
    items = "".join(
        f'<li><a href="{mk.esc(relative(page, folder + d.name))}" download="{mk.esc(d.name)}">'
        f"{mk.esc(_title(titles, d))}</a> "
        f'<span class="lip-detail">{_KINDS.get(d.suffix.lower(), d.suffix)}, {fr.file_size(d)}</span></li>'
        for d in files
    )
    return f'<ul class="lip-downloads">{items}</ul>'


def _downloads(plan: Plan, page: str, downloads: tuple[Path, ...], parts: tuple[Path, ...]) -> str:
    if not downloads:
        return (
            "<p>Die Ratsdrucksache mit dem vollständigen Plan als PDF und als Word-Dokument wird hier "
            "bereitgestellt, sobald sie erstellt ist.</p>"
        )
    by_document = tuple(sorted(downloads, key=lambda d: (d.stem, d.suffix.lower() != ".pdf")))  # its PDF first
    html = _download_list(plan, page, mk.DOWNLOADS, by_document)
    if parts:
        html += "<p>Die Drucksache und jede Anlage auch einzeln, als kleinere PDF-Dateien:</p>"
        html += _download_list(plan, page, mk.EINZELN, parts)
    return html


def _figures(plan: Plan) -> str:
    ms = plan.massnahmen
    aktiv = sum(m.umsetzung.status in ("in_umsetzung", "umgesetzt", "regelbetrieb") for m in ms)
    figures = [
        (str(len(plan.handlungsfelder)), "Handlungsfelder"),
        (str(len(plan.ziele)), "Ziele"),
        (str(len(ms)), "Maßnahmen"),
        (str(sum(m.entscheidung.status == "beschlossen" for m in ms)), "vom Rat beschlossen"),
        (str(aktiv), "in Umsetzung, umgesetzt oder im Regelbetrieb"),
        (str(sum(m.antragsberechtigt for m in ms)), "für Vereine und Initiativen antragsberechtigt"),
    ]
    items = "".join(
        f'<li class="lip-figures__item"><span class="lip-figures__value">{v}</span>'
        f'<span class="lip-figures__label">{mk.esc(t)}</span></li>'
        for v, t in figures
    )
    jaehrlich = sum(m.kosten_summe("jaehrlich") for m in ms)
    einmalig = sum(m.kosten_summe("einmalig") for m in ms)
    return (
        f'<ul class="lip-figures">{items}</ul>'
        f'<p class="lip-detail">Kosten aller Maßnahmen: {fmt.euro(jaehrlich)} jährlich '
        f"und {fmt.euro(einmalig)} einmalig.</p>"
    )


def start_page(
    plan: Plan, downloads: tuple[Path, ...], changes: NavLink | None = None, parts: tuple[Path, ...] = ()
) -> Page:
    page = mk.START
    info = plan.info
    status = f"{s.PLAN_STATUS.label(info.status)} · Version {mk.esc(info.version)} · Stand {fmt.datum(info.stand)}"
    hero = (
        '<div class="lip-hero">'
        f'<p class="lip-eyebrow">{mk.esc(info.herausgeberin)}</p>'
        f"<h1>{mk.esc(info.titel)}</h1>"
        + (f'<p class="lip-lead">{mk.esc(info.untertitel)}</p>' if info.untertitel else "")
        + f'<p class="lip-hero__status"><span class="lip-badge lip-badge--info">{status}</span>'
        + (f" {mk.a(relative(page, changes.path), changes.title, 'lip-hero__changes')}" if changes else "")
        + "</p>"
        '<p class="lip-hero__actions">'
        f"{mk.a(relative(page, mk.KATALOG), 'Alle Maßnahmen ansehen', 'md-button md-button--primary')} "
        f"{mk.a(relative(page, mk.STATUS), 'Stand der Umsetzung', 'md-button')} "
        f"{mk.a(relative(page, mk.LEICHTE_SPRACHE), 'Leichte Sprache', 'md-button lip-button-easy')}"
        "</p></div>"
    )
    intro = first_paragraph(info.einleitung)
    blocks: list[Html | Markdown] = [
        Html(hero),
        Markdown(mk.heading("Worum es geht") + "\n" + mk.prepare(info.einleitung, plan, page, info.quelle.pfad, intro)),
        Html(f"<p>{mk.a(relative(page, mk.PLAN), 'Mehr über den Plan und das Strategiepapier')}</p>"),
        Markdown(mk.heading("Die sechs Handlungsfelder" if len(plan.handlungsfelder) == 6 else "Die Handlungsfelder")),
        Html(field_cards(plan, page)),
        Markdown(mk.heading("Der Plan in Zahlen")),
        Html(_figures(plan)),
    ]
    if plan.zeitleiste:
        events = plan.zeitleiste.ereignisse
        shown = events[-6:]
        blocks += [
            Markdown(mk.heading("Prozess und Zeitleiste")),
            Html(
                f"<p>Der Plan ist seit {events[0].datum.year} in mehreren Schritten entstanden. Die letzten und die "
                "nächsten Stationen:</p>"
                + timeline(plan, page, shown)
                + f"<p>{mk.a(relative(page, mk.PROZESS), 'Den ganzen Prozess und alle Gremien ansehen')}</p>"
            ),
        ]
    blocks += [
        Markdown(mk.heading("Downloads")),
        Html(_downloads(plan, page, downloads, parts)),
        Html(
            '<aside class="lip-easy lip-easy--start" aria-labelledby="leicht-start">'
            '<h2 id="leicht-start" class="lip-easy__title">Leichte Sprache</h2>'
            "<p>Hier steht der Plan in einfachen Worten.</p>"
            f"<p>{mk.a(relative(page, mk.LEICHTE_SPRACHE), 'Zum Plan in Leichter Sprache')}</p></aside>"
        ),
    ]
    return Page(page, info.titel, tuple(blocks), info.untertitel or info.titel, hide=("navigation", "toc"))
