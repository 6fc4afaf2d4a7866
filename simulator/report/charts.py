"""Small inline SVG charts: no scripts, no fonts or files from elsewhere, fine on paper."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

GOOD = "#2e7d32"
MIDDLE = "#f9a825"
BAD = "#c62828"
TRACK = "#e6e6e6"
INK = "#222222"
FONT = 'font-family="sans-serif" font-size="12"'


def score_colour(percent: float, pass_mark: float) -> str:
    if percent >= pass_mark:
        return GOOD
    return MIDDLE if percent >= pass_mark / 2 else BAD


def bar_chart(
    items: Sequence[tuple[str, float]],
    pass_mark: float | None = None,
    title: str = "",
    colours: Sequence[str] | None = None,
    unit: str = "%",
    width: int = 560,
) -> Markup:
    """Horizontal bars for values 0-100, one per (label, value), with an optional pass line."""
    label_width, bar_height, gap, top = 190, 18, 8, 6
    plot = width - label_width - 60
    height = top + len(items) * (bar_height + gap) + 4
    parts = [
        f'<svg class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(items):
        y = top + i * (bar_height + gap)
        filled = max(0.0, min(100.0, value)) / 100.0 * plot
        if colours is not None:
            colour = colours[i]
        elif pass_mark is not None:
            colour = score_colour(value, pass_mark)
        else:
            colour = INK
        parts += [
            f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end" {FONT} '
            f'fill="{INK}">{escape(label)}</text>',
            f'<rect x="{label_width}" y="{y}" width="{plot}" height="{bar_height}" '
            f'fill="{TRACK}"/>',
            f'<rect class="bar" x="{label_width}" y="{y}" width="{filled:.1f}" '
            f'height="{bar_height}" fill="{colour}"><title>{escape(label)}: '
            f"{value:.0f}{unit}</title></rect>",
            f'<text x="{label_width + plot + 6}" y="{y + 13}" {FONT} fill="{INK}">'
            f"{value:.0f}{unit}</text>",
        ]
    if pass_mark is not None and items:
        x = label_width + pass_mark / 100.0 * plot
        parts.append(
            f'<line class="pass-mark" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" '
            f'stroke="{INK}" stroke-width="2" stroke-dasharray="4 3"><title>slaaggrens '
            f"{pass_mark:.0f}%</title></line>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def score_ring(percent: float, pass_mark: float, size: int = 120) -> Markup:
    """The total as a ring with the number in the middle."""
    radius = size / 2 - 10
    circumference = 2 * 3.14159265 * radius
    filled = max(0.0, min(100.0, percent)) / 100.0 * circumference
    centre = size / 2
    colour = score_colour(percent, pass_mark)
    return Markup(
        f'<svg class="chart ring" role="img" width="{size}" '
        f'height="{size}" viewBox="0 0 {size} {size}"><title>totaal {percent:.0f}%</title>'
        f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke="{TRACK}" '
        f'stroke-width="12"/>'
        f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke="{colour}" '
        f'stroke-width="12" stroke-dasharray="{filled:.1f} {circumference:.1f}" '
        f'transform="rotate(-90 {centre} {centre})"/>'
        f'<text x="{centre}" y="{centre + 8}" text-anchor="middle" font-family="sans-serif" '
        f'font-size="26" font-weight="bold" fill="{INK}">{percent:.0f}%</text></svg>'
    )


def trend_line(
    values: Sequence[float], pass_mark: float, width: int = 160, height: int = 36
) -> Markup:
    """A sparkline of totals over time (0-100), with the pass mark as a dashed line."""
    if not values:
        return Markup("")
    step = (width - 8) / max(1, len(values) - 1)

    def y(value: float) -> float:
        return height - 4 - max(0.0, min(100.0, value)) / 100.0 * (height - 8)

    points = " ".join(f"{4 + i * step:.1f},{y(v):.1f}" for i, v in enumerate(values))
    dots = "".join(
        f'<circle cx="{4 + i * step:.1f}" cy="{y(v):.1f}" r="2.5" '
        f'fill="{score_colour(v, pass_mark)}"/>'
        for i, v in enumerate(values)
    )
    return Markup(
        f'<svg class="chart trend" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>verloop van de totaalscore'
        f"</title>"
        f'<line x1="0" x2="{width}" y1="{y(pass_mark):.1f}" y2="{y(pass_mark):.1f}" '
        f'stroke="#999" stroke-dasharray="3 3"/>'
        f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="1.5"/>{dots}</svg>'
    )
