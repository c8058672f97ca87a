"""Server-rendered SVG charts: the Lovende praksis profile (bars) and the knowledge declaration (spider).

Only geometry lives here; templates/methods/includes/*_chart.html draw it, each chart beside a table
that carries the same figures for screen readers and for anyone who prefers numbers.
"""

import math

from .elements import MAX_SCORE, PROMISING_SCORE

PROFILE_LABEL_WIDTH = 210
PROFILE_BAR_WIDTH = 240
PROFILE_ROW = 26
PROFILE_TOP = 24

# A is the strongest knowledge: the outermost ring.
LEVEL_RADIUS = {"A": 4, "B": 3, "C": 2, "D": 1, "": 0}
SPIDER_CENTRE = 170
SPIDER_RADIUS = 110


def profile_chart(profile):
    """Geometry for [(number, name, score, justification)]: one bar per element, 0–3."""
    unit = PROFILE_BAR_WIDTH / MAX_SCORE
    bars = [
        {
            "number": number,
            "name": name,
            "score": score,
            "y": PROFILE_TOP + index * PROFILE_ROW,
            "text_y": PROFILE_TOP + index * PROFILE_ROW + PROFILE_ROW / 2 + 4,
            "width": round(score * unit, 1),
            "strong": score >= PROMISING_SCORE,
        }
        for index, (number, name, score, _justification) in enumerate(profile)
    ]
    return {
        "width": PROFILE_LABEL_WIDTH + PROFILE_BAR_WIDTH + 30,
        "height": PROFILE_TOP + len(bars) * PROFILE_ROW + 8,
        "label_width": PROFILE_LABEL_WIDTH,
        "bar_height": PROFILE_ROW - 8,
        "ticks": [
            {"x": round(PROFILE_LABEL_WIDTH + score * unit, 1), "score": score} for score in range(MAX_SCORE + 1)
        ],
        "threshold_x": round(PROFILE_LABEL_WIDTH + PROMISING_SCORE * unit, 1),
        "bars": bars,
    }


def _point(index, count, radius):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (
        round(SPIDER_CENTRE + radius * math.cos(angle), 1),
        round(SPIDER_CENTRE + radius * math.sin(angle), 1),
    )


def _polygon(points):
    return " ".join(f"{x},{y}" for x, y in points)


def declaration_chart(declaration):
    """Geometry for [(dimension, level, justification)]: a ring per level, a spoke per dimension."""
    count = len(declaration)
    step = SPIDER_RADIUS / max(LEVEL_RADIUS.values())
    rings = [
        {"level": level, "points": _polygon(_point(i, count, value * step) for i in range(count))}
        for level, value in LEVEL_RADIUS.items()
        if value
    ]
    spokes = []
    for index, (dimension, level, _justification) in enumerate(declaration):
        x, y = _point(index, count, SPIDER_RADIUS)
        label_x, label_y = _point(index, count, SPIDER_RADIUS + 30)
        spokes.append(
            {"x": x, "y": y, "label_x": label_x, "label_y": label_y, "label": dimension.label, "level": level or "–"}
        )
    shape = [_point(i, count, LEVEL_RADIUS[level or ""] * step) for i, (_d, level, _j) in enumerate(declaration)]
    return {
        "size": SPIDER_CENTRE * 2,
        "centre": SPIDER_CENTRE,
        "rings": rings,
        "spokes": spokes,
        "shape": _polygon(shape),
        "dots": [{"x": x, "y": y} for x, y in shape],
    }
