"""Server-side SVG charts, readable without colour: every bar and line carries a
text label, series differ by dash pattern, suppressed counts show as "<k"."""

from html import escape


def _num(value) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def bar_chart(items: list[tuple[str, object]], title: str, width=640, fmt="{}") -> str:
    bar_h, gap, label_w = 22, 8, 190
    height = 30 + len(items) * (bar_h + gap)
    top = max([_num(v) for _, v in items] + [1.0])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'class="goov-chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(items):
        y = 24 + i * (bar_h + gap)
        length = (width - label_w - 70) * _num(value) / top
        shown = value if isinstance(value, str) else fmt.format(value)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="13">{escape(str(label))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="#1d4f91" />'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 15}" font-size="13" font-weight="bold">{escape(str(shown))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


DASHES = ("", "6 3", "2 3", "10 4 2 4", "1 2", "8 2")


def line_chart(
    periods: list[str], series: dict[str, dict], title: str, width=720, height=300
) -> str:
    left, right, top_pad, bottom = 40, 170, 20, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = max([_num(v) for s in series.values() for v in s.values()] + [1.0])
    step = plot_w / max(1, len(periods) - 1)

    def point(i, value):
        return left + i * step, top_pad + plot_h * (1 - _num(value) / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'class="goov-chart" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" stroke="#555" />',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end" font-size="11">{int(top)}</text>',
    ]
    for i, p in enumerate(periods):
        if len(periods) <= 12 or i % max(1, len(periods) // 12) == 0:
            x, _ = point(i, 0)
            parts.append(
                f'<text x="{x:.1f}" y="{height - 18}" text-anchor="middle" font-size="11">{escape(p)}</text>'
            )
    for n, (name, values) in enumerate(sorted(series.items())):
        points = [point(i, values.get(p, 0)) for i, p in enumerate(periods)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        dash = DASHES[n % len(DASHES)]
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="#1d4f91" stroke-width="2" stroke-dasharray="{dash}" />'
        )
        if points:
            x, y = points[-1]
            parts.append(
                f'<text x="{x + 6:.1f}" y="{y + 4:.1f}" font-size="12">{escape(name)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def choropleth(
    features: list[tuple[str, dict]], counts: dict[str, object], title: str, width=640
) -> str:
    """features: (name, GeoJSON geometry); the count is written on every wijk."""
    rings = []
    for name, geometry in features:
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        rings.append((name, [p[0] for p in polygons]))
    lons = [pt[0] for _, polys in rings for ring in polys for pt in ring]
    lats = [pt[1] for _, polys in rings for ring in polys for pt in ring]
    if not lons:
        return ""
    import math

    kx = math.cos(math.radians(sum(lats) / len(lats)))
    scale = (width - 20) / ((max(lons) - min(lons)) * kx)
    height = int((max(lats) - min(lats)) * scale) + 20
    top = max([_num(v) for v in counts.values()] + [1.0])

    def xy(pt):
        return 10 + (pt[0] - min(lons)) * kx * scale, 10 + (max(lats) - pt[1]) * scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'class="goov-chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    labels = []
    for name, polys in rings:
        value = counts.get(name, 0)
        shade = int(235 - 170 * _num(value) / top)
        for ring in polys:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in map(xy, ring))
            parts.append(
                f'<polygon points="{path}" fill="rgb({shade},{shade + 10},{min(255, shade + 30)})" stroke="#333" stroke-width="0.7" />'
            )
        biggest = max(polys, key=len)
        cx = sum(xy(p)[0] for p in biggest) / len(biggest)
        cy = sum(xy(p)[1] for p in biggest) / len(biggest)
        labels.append(
            f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" font-size="11" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{escape(str(value))}</text>'
        )
    parts.extend(labels)
    parts.append("</svg>")
    return "".join(parts)
