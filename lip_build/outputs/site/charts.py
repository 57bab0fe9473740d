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
# Phones get a second drawing of each chart, 280 units wide with the row labels above the bars: a 320 px
# screen leaves about 288 px for it, so the 12 and 13 px text stays 12 px or more (the wide drawing would
# shrink it to 5 px). CSS shows one of the two (lip.css, "charts on phones").
NARROW = 280
NARROW_LABEL = 18  # height of the label line above each bar


def _both(wide: str, narrow: str) -> str:
    return f'{wide}<div class="lip-chart-schmal">{narrow}</div>'


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


def _frame(chart_id: str, title: str, description: str, height: int, body: str, width: int = WIDTH) -> str:
    return (
        f'<svg class="lip-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(description)}</desc>'
        f"{body}</svg>"
    )


def _row_label(y: float, text: str, narrow: bool = False) -> str:
    if narrow:  # on its own line above the bar
        return f'<text x="0" y="{y + NARROW_LABEL - 5:.1f}" class="lip-chart__label">{esc(text)}</text>'
    return (
        f'<text x="{LABEL_WIDTH - 10}" y="{y + BAR / 2:.1f}" text-anchor="end" dominant-baseline="central" '
        f'class="lip-chart__label">{esc(text)}</text>'
    )


def stacked_bars(chart_id: str, title: str, description: str, rows: tuple[str, ...], series: tuple[Series, ...]) -> str:
    """One horizontal bar per row, split into the series; the count is written into wide segments. Drawn
    twice: wide, and narrow for phones (see NARROW)."""
    return _both(
        _stacked(chart_id, title, description, rows, series, False),
        _stacked(f"{chart_id}-schmal", title, description, rows, series, True),
    )


def _stacked(
    chart_id: str, title: str, description: str, rows: tuple[str, ...], series: tuple[Series, ...], narrow: bool
) -> str:
    totals = [sum(s.values[i] for s in series) for i in range(len(rows))]
    largest = max(totals, default=0) or 1
    left, width = (0, NARROW) if narrow else (LABEL_WIDTH, WIDTH)
    scale = (width - left - (40 if narrow else 50)) / largest
    row_height = NARROW_LABEL + BAR + 10 if narrow else ROW
    parts = []
    for i, name in enumerate(rows):
        y = TOP + i * row_height
        parts.append(_row_label(y, name, narrow))
        if narrow:
            y += NARROW_LABEL
        x = float(left)
        for s in series:
            value = s.values[i]
            if not value:
                continue
            size = value * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{size:.1f}" height="{BAR}" fill="{s.colour}" '
                f'stroke="#ffffff" stroke-width="1"><title>{esc(name)}: {esc(s.label)} {value:g}</title></rect>'
            )
            if value * scale >= 18:
                parts.append(
                    f'<text x="{x + size / 2:.1f}" y="{y + BAR / 2:.1f}" text-anchor="middle" '
                    f'dominant-baseline="central" fill="{text_colour(s.colour)}" class="lip-chart__value">'
                    f"{value:g}</text>"
                )
            x += size
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + BAR / 2:.1f}" dominant-baseline="central" class="lip-chart__total">'
            f"{totals[i]:g}</text>"
        )
    return _frame(chart_id, title, description, TOP * 2 + len(rows) * row_height, "".join(parts), width)


def grouped_bars(
    chart_id: str,
    title: str,
    description: str,
    rows: tuple[str, ...],
    series: tuple[Series, ...],
    value_text: tuple[tuple[str, ...], ...],
) -> str:
    """One group of thin bars per row, one bar per series, each with its value written after it. Drawn twice:
    wide, and narrow for phones (see NARROW)."""
    args = (title, description, rows, series, value_text)
    return _both(_grouped(chart_id, *args, False), _grouped(f"{chart_id}-schmal", *args, True))


def _grouped(
    chart_id: str,
    title: str,
    description: str,
    rows: tuple[str, ...],
    series: tuple[Series, ...],
    value_text: tuple[tuple[str, ...], ...],
    narrow: bool,
) -> str:
    largest = max((v for s in series for v in s.values), default=0) or 1
    left, width = (0, NARROW) if narrow else (LABEL_WIDTH, WIDTH)
    scale = (width - left - (105 if narrow else 120)) / largest
    thin = max(BAR / len(series), 13 if narrow else 0) if series else BAR
    row = (NARROW_LABEL + thin * len(series) + 10) if narrow else BAR + 16
    parts = []
    for i, name in enumerate(rows):
        y = TOP + i * row
        parts.append(_row_label(y, name, narrow))
        if narrow:
            y += NARROW_LABEL
        for j, s in enumerate(series):
            size = max(s.values[i] * scale, 1.5 if s.values[i] else 0)
            top = y + j * thin
            parts.append(
                f'<rect x="{left}" y="{top:.1f}" width="{size:.1f}" height="{thin - 1:.1f}" fill="{s.colour}">'
                f"<title>{esc(name)}: {esc(s.label)} {esc(value_text[j][i])}</title></rect>"
                f'<text x="{left + size + 6:.1f}" y="{top + (thin - 1) / 2:.1f}" dominant-baseline="central" '
                f'class="lip-chart__total lip-chart__small">{esc(value_text[j][i])}</text>'
            )
    return _frame(chart_id, title, description, round(TOP * 2 + len(rows) * row), "".join(parts), width)


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
    measured, a dashed one to the target (a hollow point); each point with its value above and year below.
    Drawn twice: wide, and narrow for phones, where the values above the points go without their unit (the
    table beside the chart has them)."""
    return _both(
        _course(chart_id, title, description, points, False),
        _course(f"{chart_id}-schmal", title, description, points, True),
    )


def _course(chart_id: str, title: str, description: str, points: tuple[Punkt, ...], narrow: bool) -> str:
    top, right, bottom, left = (28, 24, 34, 24) if narrow else _MARGIN
    chart_width = NARROW if narrow else SMALL_WIDTH
    years = [p.jahr for p in points]
    values = [p.wert for p in points]
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.15 or 1
    low, high = low - pad, high + pad
    first, last = min(years), max(years)
    span = (last - first) or 1

    def x(year: int) -> float:
        return left + (year - first) / span * (chart_width - left - right)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (SMALL_HEIGHT - top - bottom)

    measured = [p for p in points if p.art != "ziel"]
    target = [p for p in points if p.art == "ziel"]
    baseline = SMALL_HEIGHT - bottom
    parts = [f'<line x1="{left}" y1="{baseline}" x2="{chart_width - right}" y2="{baseline}" class="lip-chart__axis"/>']
    line = " ".join(f"{x(p.jahr):.1f},{y(p.wert):.1f}" for p in measured)
    if len(measured) > 1:
        parts.append(f'<polyline points="{line}" fill="none" stroke="#0072B2" stroke-width="2.5"/>')
    if measured and target:
        a, b = measured[-1], target[0]
        parts.append(
            f'<line x1="{x(a.jahr):.1f}" y1="{y(a.wert):.1f}" x2="{x(b.jahr):.1f}" y2="{y(b.wert):.1f}" '
            'stroke="#0072B2" stroke-width="2" stroke-dasharray="6 4"/>'
        )
    # On the narrow drawing a year too close to the one before or to the last is left out (its point, the
    # point's tooltip and the table still have it): four digits need about 36 units there.
    labelled, end = -100.0, x(points[-1].jahr) if points else 0.0
    for p in points:
        px, py = x(p.jahr), y(p.wert)
        fill = "#ffffff" if p.art == "ziel" else "#0072B2"
        year = ""
        if not narrow or p is points[-1] or (px - labelled >= 40 and end - px >= 40):
            labelled = px
            year = (
                f'<text x="{px:.1f}" y="{baseline + 18}" text-anchor="middle" class="lip-chart__label">{p.jahr}</text>'
            )
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{fill}" stroke="#0072B2" stroke-width="2">'
            f"<title>{p.jahr}: {esc(p.text)}</title></circle>"
            f'<text x="{px:.1f}" y="{py - 10:.1f}" text-anchor="middle" class="lip-chart__total lip-chart__small">'
            f"{esc(p.text.split(' ')[0] if narrow else p.text)}</text>{year}"
        )
    return (
        f'<svg class="lip-chart lip-chart--klein" viewBox="0 0 {chart_width} {SMALL_HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(description)}</desc>'
        f"{''.join(parts)}</svg>"
    )
