"""Bar charts as SVG, drawn on the server: no JavaScript chart library, nothing loaded at run time.

Every chart has a title and a description for screen readers (role="img"); the pages always put
a data table next to it, since a chart alone is not accessible. Colours come from the
Okabe-Ito palette, which stays distinguishable with the common colour vision deficiencies;
labels on the bars pick dark or white text for contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from lip_build.outputs.site.markup import esc

WIDTH = 720
LABEL_WIDTH = 190
ROW = 34
BAR = 22
TOP = 8


@dataclass(frozen=True)
class Series:
    label: str
    colour: str  # "#0072B2"
    values: tuple[float, ...]  # one per row


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with the background."""
    lum = _luminance(background)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def _frame(chart_id: str, title: str, description: str, height: int, body: str) -> str:
    return (
        f'<svg class="lip-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(description)}</desc>'
        f"{body}</svg>"
    )


def _row_label(y: float, text: str) -> str:
    return (
        f'<text x="{LABEL_WIDTH - 10}" y="{y + BAR / 2:.1f}" text-anchor="end" dominant-baseline="central" '
        f'class="lip-chart__label">{esc(text)}</text>'
    )


def stacked_bars(chart_id: str, title: str, description: str, rows: tuple[str, ...], series: tuple[Series, ...]) -> str:
    """One horizontal bar per row, split into the series; the count is written into wide segments."""
    totals = [sum(s.values[i] for s in series) for i in range(len(rows))]
    largest = max(totals, default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 50) / largest
    parts = []
    for i, name in enumerate(rows):
        y = TOP + i * ROW
        parts.append(_row_label(y, name))
        x = float(LABEL_WIDTH)
        for s in series:
            value = s.values[i]
            if not value:
                continue
            width = value * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{s.colour}" '
                f'stroke="#ffffff" stroke-width="1"><title>{esc(name)}: {esc(s.label)} {value:g}</title></rect>'
            )
            if width >= 18:
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + BAR / 2:.1f}" text-anchor="middle" '
                    f'dominant-baseline="central" fill="{text_colour(s.colour)}" class="lip-chart__value">'
                    f"{value:g}</text>"
                )
            x += width
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + BAR / 2:.1f}" dominant-baseline="central" class="lip-chart__total">'
            f"{totals[i]:g}</text>"
        )
    return _frame(chart_id, title, description, TOP * 2 + len(rows) * ROW, "".join(parts))


def grouped_bars(
    chart_id: str,
    title: str,
    description: str,
    rows: tuple[str, ...],
    series: tuple[Series, ...],
    value_text: tuple[tuple[str, ...], ...],
) -> str:
    """One group of thin bars per row, one bar per series, each with its value written after it."""
    largest = max((v for s in series for v in s.values), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 120) / largest
    thin = BAR / len(series) if series else BAR
    row = BAR + 16
    parts = []
    for i, name in enumerate(rows):
        y = TOP + i * row
        parts.append(_row_label(y, name))
        for j, s in enumerate(series):
            width = max(s.values[i] * scale, 1.5 if s.values[i] else 0)
            top = y + j * thin
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{top:.1f}" width="{width:.1f}" height="{thin - 1:.1f}" fill="{s.colour}">'
                f"<title>{esc(name)}: {esc(s.label)} {esc(value_text[j][i])}</title></rect>"
                f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{top + (thin - 1) / 2:.1f}" dominant-baseline="central" '
                f'class="lip-chart__total lip-chart__small">{esc(value_text[j][i])}</text>'
            )
    return _frame(chart_id, title, description, TOP * 2 + len(rows) * row, "".join(parts))


def legend(series: tuple[Series, ...]) -> str:
    items = "".join(
        f'<li><span class="lip-legend__swatch" style="background:{s.colour}" aria-hidden="true"></span>'
        f"{esc(s.label)}</li>"
        for s in series
    )
    return f'<ul class="lip-legend" aria-label="Legende">{items}</ul>'


@dataclass(frozen=True)
class Punkt:
    """One point of an indicator's course: the baseline, a measured value or the target."""

    jahr: int
    wert: float
    text: str  # the value as people read it: "25,9 Prozent"
    art: str  # "ausgang", "gemessen" or "ziel"


SMALL_WIDTH = 480
SMALL_HEIGHT = 190
_MARGIN = (28, 40, 34, 40)  # top, right, bottom, left


def course(chart_id: str, title: str, description: str, points: tuple[Punkt, ...]) -> str:
    """An indicator from its baseline over the measured values to its target: a solid line through what was
    measured, a dashed one to the target (a hollow point); each point with its value above and year below."""
    top, right, bottom, left = _MARGIN
    years = [p.jahr for p in points]
    values = [p.wert for p in points]
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.15 or 1
    low, high = low - pad, high + pad
    first, last = min(years), max(years)
    span = (last - first) or 1

    def x(year: int) -> float:
        return left + (year - first) / span * (SMALL_WIDTH - left - right)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (SMALL_HEIGHT - top - bottom)

    measured = [p for p in points if p.art != "ziel"]
    target = [p for p in points if p.art == "ziel"]
    baseline = SMALL_HEIGHT - bottom
    parts = [f'<line x1="{left}" y1="{baseline}" x2="{SMALL_WIDTH - right}" y2="{baseline}" class="lip-chart__axis"/>']
    line = " ".join(f"{x(p.jahr):.1f},{y(p.wert):.1f}" for p in measured)
    if len(measured) > 1:
        parts.append(f'<polyline points="{line}" fill="none" stroke="#0072B2" stroke-width="2.5"/>')
    if measured and target:
        a, b = measured[-1], target[0]
        parts.append(
            f'<line x1="{x(a.jahr):.1f}" y1="{y(a.wert):.1f}" x2="{x(b.jahr):.1f}" y2="{y(b.wert):.1f}" '
            'stroke="#0072B2" stroke-width="2" stroke-dasharray="6 4"/>'
        )
    for p in points:
        px, py = x(p.jahr), y(p.wert)
        fill = "#ffffff" if p.art == "ziel" else "#0072B2"
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{fill}" stroke="#0072B2" stroke-width="2">'
            f"<title>{p.jahr}: {esc(p.text)}</title></circle>"
            f'<text x="{px:.1f}" y="{py - 10:.1f}" text-anchor="middle" class="lip-chart__total lip-chart__small">'
            f"{esc(p.text)}</text>"
            f'<text x="{px:.1f}" y="{baseline + 18}" text-anchor="middle" class="lip-chart__label">{p.jahr}</text>'
        )
    return (
        f'<svg class="lip-chart lip-chart--klein" viewBox="0 0 {SMALL_WIDTH} {SMALL_HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(description)}</desc>'
        f"{''.join(parts)}</svg>"
    )
