"""Shared timing for the benchmarks: interleaved rounds, medians, ratio tables.

Every case of one table is timed in the same process and the same run: each round
times every case once, in turn, so drift of the machine (frequency, other load)
touches all of them alike; the reported figure is the median over rounds of the
per-call time. Ratios are against the first case of the table (the floor).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence

Case = tuple[str, Callable[[], object]]


def _per_call(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter_ns()
    for _ in range(number):
        fn()
    return (time.perf_counter_ns() - start) / number


def calibrate(fn: Callable[[], object], target_ns: float = 20_000_000) -> int:
    """Return a loop count that makes one timing of ``fn`` last about ``target_ns``."""
    number = 1
    while True:
        took = _per_call(fn, number) * number
        if took >= target_ns / 10 or number >= 1 << 22:
            return max(1, int(number * target_ns / max(took, 1)))
        number *= 10


def measure(cases: Sequence[Case], rounds: int = 15) -> list[tuple[str, float]]:
    """Time ``cases`` in interleaved rounds; return (name, median ns per call) pairs."""
    for _, fn in cases:  # warm caches and lazy compilation before timing
        fn()
    numbers = [calibrate(fn) for _, fn in cases]
    samples: list[list[float]] = [[] for _ in cases]
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for index, (_, fn) in enumerate(cases):
                samples[index].append(_per_call(fn, numbers[index]))
    finally:
        if gc_was_enabled:
            gc.enable()
    return [(name, statistics.median(s)) for (name, _), s in zip(cases, samples, strict=True)]


def table(title: str, results: Sequence[tuple[str, float]], floor: str | None = None) -> str:
    """Format results as a Markdown table with a ratio column against ``floor``."""
    base = dict(results)[floor] if floor else results[0][1]
    lines = [f"### {title}", "", "| case | median per call | ratio |", "|---|---:|---:|"]
    for name, ns in results:
        shown = f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"
        lines.append(f"| {name} | {shown} | {ns / base:.2f}x |")
    return "\n".join(lines)


def report(title: str, cases: Sequence[Case], rounds: int = 15, floor: str | None = None) -> None:
    """Measure ``cases`` and print their table."""
    print(table(title, measure(cases, rounds), floor))
    print()
