"""Server-rendered SVG charts of spread and outcomes: the adoption curve (steps over time), the tile map
of Denmark, and the comparison of organisations' helped shares with their intervals.

Only geometry lives here; templates/spread/includes/*_chart.html draw it, each chart with a title, a
description and a table that carries the same figures for screen readers and anyone who prefers numbers.
"""

import datetime
import math

from .models import AdoptionStatus

# ---- the adoption curve -------------------------------------------------------------------------

CURVE_WIDTH = 600
CURVE_HEIGHT = 260
CURVE_LEFT = 44
CURVE_RIGHT = 16
CURVE_TOP = 16
CURVE_BOTTOM = 40
MIN_SPAN_DAYS = 90


def nice_step(maximum, ticks=5):
    """A 1–2–5 step that splits 0..maximum into at most `ticks` whole-number intervals."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def _month_start(day):
    return day.replace(day=1)


def _date_ticks(start, end):
    """First days of years — or of half-years, quarters or months for shorter spans — inside start..end."""
    span = (end - start).days
    every = 12 if span > 3 * 365 else 6 if span > 550 else 3 if span > 270 else 2 if span > 120 else 1
    ticks = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        day = datetime.date(year, month, 1)
        if (month - 1) % every == 0 and start <= day <= end:
            ticks.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def adoption_curve(points, end):
    """Geometry for a timeline (statistics.timeline): a step line of organisations registered so far
    (cumulative) and one of organisations using the method (piloting or implemented), up to `end`."""
    if not points:
        return None
    start = _month_start(points[0]["date"])
    end = max(end, points[-1]["date"])
    if (end - start).days < MIN_SPAN_DAYS:
        start = _month_start(end - datetime.timedelta(days=MIN_SPAN_DAYS))
    span = (end - start).days or 1
    plot_width = CURVE_WIDTH - CURVE_LEFT - CURVE_RIGHT
    plot_height = CURVE_HEIGHT - CURVE_TOP - CURVE_BOTTOM
    top_value = max(point["registered"] for point in points)
    step = nice_step(top_value)
    y_max = max(step, math.ceil(top_value / step) * step)
    bottom = CURVE_TOP + plot_height

    def x(day):
        return round(CURVE_LEFT + plot_width * (day - start).days / span, 1)

    def y(value):
        return round(bottom - plot_height * value / y_max, 1)

    def path(key):
        commands = [f"M{x(start)},{y(0)}"]
        for point in points:
            commands.append(f"H{x(point['date'])}V{y(point[key])}")
        commands.append(f"H{x(end)}")
        return "".join(commands)

    return {
        "width": CURVE_WIDTH,
        "height": CURVE_HEIGHT,
        "left": CURVE_LEFT,
        "right": CURVE_WIDTH - CURVE_RIGHT,
        "top": CURVE_TOP,
        "bottom": bottom,
        "start": start,
        "end": end,
        "y_ticks": [{"value": value, "y": y(value)} for value in range(0, y_max + 1, step)],
        "x_ticks": [{"date": day, "x": x(day)} for day in _date_ticks(start, end)],
        "registered": path("registered"),
        "in_use": path("in_use"),
        "last": {"registered": points[-1]["registered"], "in_use": points[-1]["in_use"]},
        "legend_y": CURVE_HEIGHT - 8,
    }


# ---- the tile map ---------------------------------------------------------------------------------

# Big enough for a municipality's abbreviation and its status letter, one above the other, each at 14 px.
TILE = 42
TILE_STEP = 46
TILE_MARGIN = 8
LABEL_CHARACTER_WIDTH = 9  # about, at 14 px
# Where each region's block of municipality tiles sits, in tiles: (column, row, columns). The blocks are
# placed as the regions lie — Nordjylland at the top of Jutland, Hovedstaden north-east of Sjælland — and
# the municipalities fill them in code order, which keeps neighbours roughly together.
REGION_BLOCKS = {
    1081: (1, 1, 4),  # Nordjylland
    1082: (0, 5, 5),  # Midtjylland
    1083: (0, 10, 5),  # Syddanmark
    1084: (7, 2, 7),  # Hovedstaden
    1085: (7, 8, 5),  # Sjælland
}
BORNHOLM = 400
BORNHOLM_TILE = (13, 11)
STATUS_LETTERS = {
    AdoptionStatus.CONSIDERING: "O",
    AdoptionStatus.PILOTING: "A",
    AdoptionStatus.IMPLEMENTED: "I",
    AdoptionStatus.STOPPED: "S",
}


def tile_map(municipalities, states):
    """Geometry for Denmark as one tile per municipality, grouped in region blocks.

    `municipalities`: [(code, name, region code, region name)]; `states`: {code: (css class, letter)} for
    the municipalities to mark — the rest are drawn empty.
    """
    by_region = {}
    short = abbreviations(name for _code, name, _region, _region_name in municipalities)
    for code, name, region_code, region_name in sorted(municipalities):
        by_region.setdefault((region_code, region_name), []).append((code, name))
    tiles, labels = [], []
    for (region_code, region_name), members in sorted(by_region.items()):
        column, row, columns = REGION_BLOCKS.get(region_code, (0, 16, 8))
        labels.append(
            {"name": region_name, "x": TILE_MARGIN + column * TILE_STEP, "y": TILE_MARGIN + row * TILE_STEP - 8}
        )
        placed = 0
        for code, name in members:
            if code == BORNHOLM:
                tile_column, tile_row = BORNHOLM_TILE
                labels.append(
                    {
                        "name": name,
                        "x": TILE_MARGIN + tile_column * TILE_STEP,
                        "y": TILE_MARGIN + tile_row * TILE_STEP - 8,
                    }
                )
            else:
                tile_column, tile_row = column + placed % columns, row + placed // columns
                placed += 1
            css, letter = states.get(code, ("none", ""))
            tiles.append(
                {
                    "code": code,
                    "name": name,
                    "region": region_name,
                    "x": TILE_MARGIN + tile_column * TILE_STEP,
                    "y": TILE_MARGIN + tile_row * TILE_STEP,
                    "css": css,
                    "letter": letter,
                    "short": short[name],
                }
            )
    # Room for the labels too (Bornholm's sticks out to the right).
    width = (
        max(
            max((tile["x"] + TILE for tile in tiles), default=0),
            max((label["x"] + LABEL_CHARACTER_WIDTH * len(label["name"]) for label in labels), default=0),
        )
        + TILE_MARGIN
    )
    height = max((tile["y"] for tile in tiles), default=0) + TILE + TILE_MARGIN
    return {
        "width": width,
        "height": height,
        "tile": TILE,
        "text_offset": TILE // 2,
        "short_baseline": TILE // 2 - 3,
        "text_baseline": TILE // 2 + 15,
        "tiles": tiles,
        "labels": labels,
    }


def abbreviations(names):
    """{name: a unique three-letter abbreviation} for the tiles, e.g. Aarhus → "Aar", Hjørring → "Hjø".

    The first three letters where they are unique; otherwise the first letter and the next two letters that
    make it unique ("Fredericia" → "Frd" when "Fre" is taken), so no two tiles read the same."""
    from itertools import combinations

    taken, result = set(), {}
    for name in sorted(set(names)):
        letters = [char for char in name if char.isalpha()]
        candidates = ["".join([letters[0], letters[i], letters[j]]) for i, j in combinations(range(1, len(letters)), 2)]
        chosen = next((c for c in candidates if c.lower() not in taken), name[:3])
        taken.add(chosen.lower())
        result[name] = chosen[0].upper() + chosen[1:].lower()
    return result


def status_states(statuses):
    """{code: status} → tile states, one letter per status so colour is not the only cue."""
    return {code: (status, STATUS_LETTERS[status]) for code, status in statuses.items()}


def count_states(counts):
    """{code: number of methods in use} → tile states shaded in bands, the number written in the tile."""
    states = {}
    for code, count in counts.items():
        if count <= 0:
            continue
        band = 1 if count == 1 else 2 if count <= 3 else 3
        states[code] = (f"level-{band}", str(count) if count < 100 else "99+")
    return states


# ---- comparing organisations ----------------------------------------------------------------------

COMPARE_LABEL_WIDTH = 220
COMPARE_PLOT_WIDTH = 320
COMPARE_ROW = 26
COMPARE_TOP = 24


def share_comparison(rows):
    """Geometry for [(label, Share, is_total)]: a dot at each share of helped citizens and a line over its
    95% interval, on a 0–100 % axis. Rows without asked citizens are left out (nothing to show)."""
    shown = [(label, share, total) for label, share, total in rows if share.asked]
    if not shown:
        return None

    def x(value):
        return round(COMPARE_LABEL_WIDTH + COMPARE_PLOT_WIDTH * value, 1)

    bars = []
    for index, (label, share, total) in enumerate(shown):
        low, high = share.interval
        middle = COMPARE_TOP + index * COMPARE_ROW + COMPARE_ROW / 2
        bars.append(
            {
                "label": label,
                "total": total,
                "y": round(middle, 1),
                "text_y": round(middle + 4, 1),
                "x": x(share.value),
                "box_x": round(x(share.value) - 5, 1),
                "box_y": round(middle - 5, 1),
                "low": x(low),
                "high": x(high),
            }
        )
    height = COMPARE_TOP + len(bars) * COMPARE_ROW + 8
    return {
        "width": COMPARE_LABEL_WIDTH + COMPARE_PLOT_WIDTH + 24,
        "height": height,
        "label_width": COMPARE_LABEL_WIDTH,
        "ticks": [{"x": x(percent / 100), "percent": percent} for percent in (0, 25, 50, 75, 100)],
        "bars": bars,
    }


# ---- the helped share month by month --------------------------------------------------------------

MONTH_WIDTH = 420
MONTH_HEIGHT = 200
MONTH_LEFT = 44
MONTH_RIGHT = 12
MONTH_TOP = 12
MONTH_BOTTOM = 36


def monthly_share(months):
    """Geometry for [{"month", "shown"}] (encounters.results): a bar per month up to the helped share, a line
    over its 95% interval; a suppressed month (fewer than five answers) gets no bar, and the table says why."""
    if not any(row["shown"]["share_helped"] is not None for row in months):
        return None
    plot_width = MONTH_WIDTH - MONTH_LEFT - MONTH_RIGHT
    plot_height = MONTH_HEIGHT - MONTH_TOP - MONTH_BOTTOM
    bottom = MONTH_TOP + plot_height
    slot = plot_width / len(months)

    def y(value):
        return round(bottom - plot_height * value, 1)

    bars = []
    for index, row in enumerate(months):
        shown = row["shown"]
        centre = MONTH_LEFT + slot * index + slot / 2
        bar = {"month": row["month"], "centre": round(centre, 1), "x": round(centre - slot * 0.3, 1)}
        bar["width"] = round(slot * 0.6, 1)
        if shown["share_helped"] is not None:
            bar.update(
                value=y(shown["share_helped"]),
                height=round(bottom - y(shown["share_helped"]), 1),
                low=y(shown["ci_low"]),
                high=y(shown["ci_high"]),
            )
        bars.append(bar)
    return {
        "width": MONTH_WIDTH,
        "height": MONTH_HEIGHT,
        "left": MONTH_LEFT,
        "right": MONTH_WIDTH - MONTH_RIGHT,
        "bottom": bottom,
        "label_y": bottom + 16,
        "ticks": [{"percent": percent, "y": y(percent / 100)} for percent in (0, 25, 50, 75, 100)],
        "bars": bars,
    }


# ---- the business case ----------------------------------------------------------------------------

CASE_WIDTH = 600
CASE_HEIGHT = 280
CASE_LEFT = 76
CASE_RIGHT = 16
CASE_TOP = 16
CASE_BOTTOM = 40


def cumulative_chart(results):
    """Geometry for the business case (economics.BusinessCase.results): per scenario, the cumulative
    discounted net position of one citizen at the end of each year 0 … horizon, with the zero line where
    the method has paid for itself."""
    values = [value for result in results.values() for value in result.cumulative]
    low, high = min(values + [0.0]), max(values + [0.0])
    step = nice_step(max(1, math.ceil(high - low)))
    y_min = math.floor(low / step) * step
    y_max = max(y_min + step, math.ceil(high / step) * step)
    years = len(next(iter(results.values())).cumulative) - 1
    plot_width = CASE_WIDTH - CASE_LEFT - CASE_RIGHT
    plot_height = CASE_HEIGHT - CASE_TOP - CASE_BOTTOM
    bottom = CASE_TOP + plot_height

    def x(year):
        return round(CASE_LEFT + plot_width * year / years, 1)

    def y(value):
        return round(bottom - plot_height * (value - y_min) / (y_max - y_min), 1)

    tick_every = 1 if years <= 10 else 2 if years <= 20 else 5
    return {
        "width": CASE_WIDTH,
        "height": CASE_HEIGHT,
        "left": CASE_LEFT,
        "right": CASE_WIDTH - CASE_RIGHT,
        "top": CASE_TOP,
        "bottom": bottom,
        "zero": y(0),
        "y_ticks": [{"value": value, "y": y(value)} for value in range(int(y_min), int(y_max) + 1, int(step))],
        "x_ticks": [{"year": year, "x": x(year)} for year in range(0, years + 1, tick_every)],
        "lines": [
            {
                "name": name,
                "points": " ".join(f"{x(year)},{y(value)}" for year, value in enumerate(result.cumulative)),
            }
            for name, result in results.items()
        ],
    }
