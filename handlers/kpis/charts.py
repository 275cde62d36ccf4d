"""The KPIs' charts as PNG images, with matplotlib's non-interactive Agg canvas.

Each chart is a pure function from the figures and the reader's labels to PNG bytes, sized
for a phone (960 px wide) and readable without colour: lines differ by marker and dash and
are labelled at their ends, bar segments by hatching, every bar carries its number. No
pyplot: a ``Figure`` on its own canvas keeps no global state, so charts may be drawn in
worker threads (the handlers call these through ``asyncio.to_thread``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

WIDTH, HEIGHT, DPI = 6.0, 6.0, 160  # 960 × 960 px
MAX_BARS = 8
LABEL_MAX = 22

# Colours that also print well in grey; hatching tells the segments apart without them.
COLOURS = ("#2b6cb0", "#c05621", "#6b7280", "#2f855a")
HATCHES = ("", "//", "xx", "..")
LABEL_BOX = {"boxstyle": "round,pad=0.2", "fc": "#1a202c", "alpha": 0.6, "lw": 0}


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: Sequence[float | None]  # shares 0..1, None: no data


@dataclass(frozen=True, slots=True)
class Stack:
    label: str
    parts: Sequence[int]  # one count per segment


def _short(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def _figure(title: str) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=13, loc="left")
    return figure, axes


def trend(title: str, weeks: Sequence[str], series: Sequence[Series], *, no_data: str) -> bytes:
    """The shared indicators week by week: one line per series, by marker and dash."""
    figure, axes = _figure(title)
    markers, dashes = ("o", "s", "^"), ("-", "--", ":")
    xs = list(range(len(weeks)))
    drawn = False
    for n, line in enumerate(series):
        ys = [math.nan if v is None else 100 * v for v in line.values]
        axes.plot(
            xs,
            ys,
            marker=markers[n % 3],
            linestyle=dashes[n % 3],
            linewidth=2.2,
            markersize=7,
            color=COLOURS[n % len(COLOURS)],
            label=line.label,
        )
        last = next((i for i in reversed(xs) if not math.isnan(ys[i])), None)
        if last is not None:
            drawn = True
            axes.annotate(
                f"{round(ys[last])} %",
                (xs[last], ys[last]),
                textcoords="offset points",
                xytext=(6, 6 if n == 0 else -14),
                fontsize=10,
                color=COLOURS[n % len(COLOURS)],
            )
    axes.set_xticks(xs, [_short(w) for w in weeks], rotation=45, ha="right", fontsize=9)
    axes.set_ylim(0, 105)
    axes.set_ylabel("%")
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="lower left", fontsize=10)
    if not drawn:
        axes.text(0.5, 0.5, no_data, transform=axes.transAxes, ha="center", fontsize=14)
    return _png(figure)


def stacked(title: str, segments: Sequence[str], stacks: Sequence[Stack], *, no_data: str) -> bytes:
    """Horizontal stacked bars, one per row, segments told apart by hatching; each bar ends
    with its total and each wide enough segment shows its count."""
    figure, axes = _figure(title)
    shown = list(stacks[:MAX_BARS])
    ys = list(range(len(shown)))[::-1]
    for index, name in enumerate(segments):
        lefts = [sum(s.parts[:index]) for s in shown]
        widths = [s.parts[index] for s in shown]
        bars = axes.barh(
            ys,
            widths,
            left=lefts,
            color=COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white",
            label=name,
        )
        biggest = max((sum(s.parts) for s in shown), default=0)
        for bar, width in zip(bars, widths, strict=True):
            if width and width >= 0.08 * biggest:
                axes.text(
                    bar.get_x() + width / 2,
                    bar.get_y() + bar.get_height() / 2,
                    str(width),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white",
                    fontweight="bold",
                    bbox=LABEL_BOX,
                )
    for y, stack in zip(ys, shown, strict=True):
        total = sum(stack.parts)
        axes.text(total, y, f"  {total}", va="center", fontsize=10)
    axes.set_yticks(ys, [_short(s.label) for s in shown], fontsize=10)
    axes.set_xlabel("")
    axes.margins(x=0.15)
    if shown:
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, fontsize=10)
    else:
        axes.text(0.5, 0.5, no_data, transform=axes.transAxes, ha="center", fontsize=14)
    return _png(figure)


def shares(title: str, bars: Sequence[tuple[str, float | None, str]], *, no_data: str) -> bytes:
    """One horizontal bar per row (a share 0..1 or None), labelled at its end with
    ``text`` — the number is always written, never only drawn."""
    figure, axes = _figure(title)
    shown = list(bars[:MAX_BARS])
    ys = list(range(len(shown)))[::-1]
    widths = [100 * (value or 0) for _, value, _ in shown]
    axes.barh(ys, widths, color=COLOURS[0], hatch="//", edgecolor="white")
    for y, (_, value, text), width in zip(ys, shown, widths, strict=True):
        axes.text(width + 1, y, text if value is not None else no_data, va="center", fontsize=10)
    axes.set_yticks(ys, [_short(label) for label, _, _ in shown], fontsize=10)
    axes.set_xlim(0, 130)
    axes.set_xticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", "100 %"])
    if not shown:
        axes.text(0.5, 0.5, no_data, transform=axes.transAxes, ha="center", fontsize=14)
    return _png(figure)
