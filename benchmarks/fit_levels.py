"""The fit check over the demo: how many practices fit well, partly or weakly, for 40 municipalities.

    .venv/bin/python benchmarks/fit_levels.py            # builds the demo in var/fit-levels.sqlite3
    .venv/bin/python benchmarks/fit_levels.py --reuse    # on the demo a previous run built

The 40 municipalities are every 342/40-th by CBS code, so they spread over the country and
over sizes without being picked by hand. Prints one line per municipality (good, partial,
weak, unknown over every Dutch demo practice), the totals, and the reasons of three answers,
so a change to the rules in ``docs/regional-fit.md`` can be read side by side with the last run.

Then the cost of ranking: 10,000 generated records (0-3 implementations in 1-3 random
municipalities, as benchmarks/practices.py makes them) assessed for three municipalities, as a
listing sorted by fit does, with the comparisons the geography keeps per municipality and, as the
reference, comparing every place anew each time (as before the geography kept them).
"""

import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.database import build_site, prepare  # noqa: E402

REUSE = prepare("fit-levels.sqlite3")

from django.utils import translation  # noqa: E402

SAMPLE = 40
LEVELS = ["goed", "deels", "zwak", "onbekend"]
RANKED = 10_000
RANKED_FOR = ["Leeuwarden", "Deventer", "Den Haag"]


def main():
    from geography.places import Geography
    from practices.fit import assess
    from practices.listing import partner_labels
    from practices.models import PracticePage
    from practices.question import FitQuestion

    if not REUSE:
        build_site()
    geography = Geography.load()
    places = sorted(geography.places, key=lambda place: place.cbs_code)
    step = len(places) / SAMPLE
    sample = [places[int(index * step)] for index in range(SAMPLE)]
    practices = list(PracticePage.objects.live().filter(locale__language_code="nl").order_by("title"))
    labels = partner_labels()
    totals = Counter()
    print(f"{len(practices)} practices x {len(sample)} municipalities")
    print(f"{'municipality':<28}" + "".join(f"{level:>10}" for level in LEVELS))
    for home in sample:
        counts = Counter(
            assess(page.fit_profile, page.cost_band, FitQuestion(home), geography, labels, explain=False).level
            for page in practices
        )
        totals.update(counts)
        print(f"{home.name:<28}" + "".join(f"{counts[level]:>10}" for level in LEVELS))
    print(f"{'total':<28}" + "".join(f"{totals[level]:>10}" for level in LEVELS))
    with translation.override("nl"):
        for home, page in zip(sample[::13], practices[::7], strict=False):
            fit = assess(page.fit_profile, page.cost_band, FitQuestion(home), geography, labels)
            print(f"\n{page.title} voor {fit.home}: {fit.label}")
            for reason in fit.reasons:
                print(f"  {reason.tone}: {reason.text}")


def ranking():
    from geography.places import Geography, compare
    from practices.fit import assess
    from practices.question import FitQuestion

    rng = random.Random(2026)  # noqa: S311 (reproducible test data, not security)
    places = Geography.load().places
    records = [
        {
            "implementations": [
                {"municipalities": [place.pk for place in rng.sample(places, rng.randint(1, 3))], "outcome": "loopt"}
                for _ in range(rng.randint(0, 3))
            ]
        }
        for _ in range(RANKED)
    ]

    def timed(geography, name):
        home = geography.find(name)
        start = time.perf_counter()
        for record in records:
            assess(record, 2, FitQuestion(home), geography, {}, explain=False)
        return (time.perf_counter() - start) * 1000

    class Unkept(Geography):
        def compare(self, place, home, figures=None):
            return compare(place.figures if figures is None else figures, home, place)

    kept, unkept = Geography.load(), Unkept.load()
    print(f"\nranking {RANKED:,} records by fit, ms per municipality ({', '.join(RANKED_FOR)})")
    print("  comparisons kept per municipality: " + "  ".join(f"{timed(kept, name):6.0f}" for name in RANKED_FOR))
    print("  reference, compared anew each time: " + "  ".join(f"{timed(unkept, name):6.0f}" for name in RANKED_FOR))


if __name__ == "__main__":
    main()
    ranking()
