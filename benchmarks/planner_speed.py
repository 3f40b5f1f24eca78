"""How long the library takes to load and a plan takes to build."""

from __future__ import annotations

import random
import statistics
import time

from goal_library.loader import load_library
from goal_library.models import AREA_IDS, NATION_IDS, Library
from planner.models import Profile
from planner.suggest import build_plan


def random_profile(rng: random.Random, library: Library) -> Profile:
    return Profile(
        stage=rng.randint(1, 5),
        area_stages={a: rng.randint(1, 5) for a in rng.sample(AREA_IDS, rng.randint(0, 3))},
        aims=rng.sample(sorted(library.aim_ids), rng.randint(0, 3)),
        strengths=rng.sample(sorted(library.strength_ids), rng.randint(0, 8)),
        barriers=rng.sample(sorted(library.barrier_ids), rng.randint(0, 4)),
        nation=rng.choice(NATION_IDS),
    )


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_library_load(repeats: int = 20) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        load_library()
        samples.append(time.perf_counter() - start)
    return samples


def time_plans(library: Library, count: int = 1000, seed: int = 2026) -> list[float]:
    rng = random.Random(seed)
    profiles = [random_profile(rng, library) for _ in range(count)]
    samples = []
    for profile in profiles:
        start = time.perf_counter()
        build_plan(profile, library)
        samples.append(time.perf_counter() - start)
    return samples


def report() -> list[str]:
    loads = time_library_load()
    library = load_library()
    plans = time_plans(library)
    return [
        f"library load and validate ({len(library.steps)} steps, {len(loads)} runs): "
        f"median {statistics.median(loads) * 1000:.1f} ms, max {max(loads) * 1000:.1f} ms",
        f"build plan ({len(plans)} random profiles): "
        f"median {statistics.median(plans) * 1000:.2f} ms, "
        f"p99 {percentile(plans, 0.99) * 1000:.2f} ms, max {max(plans) * 1000:.2f} ms",
    ]
