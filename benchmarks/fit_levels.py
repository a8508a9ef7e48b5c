"""The fit check over the demo: how many practices fit well, partly or weakly, for 40 municipalities.

    .venv/bin/python benchmarks/fit_levels.py            # builds the demo in var/fit-levels.sqlite3
    .venv/bin/python benchmarks/fit_levels.py --reuse    # on the demo a previous run built

The 40 municipalities are every 342/40-th by CBS code, so they spread over the country and
over sizes without being picked by hand. Prints one line per municipality (good, partial,
weak, unknown over every Dutch demo practice), the totals, and the reasons of three answers,
so a change to the rules in ``docs/regional-fit.md`` can be read side by side with the last run.
"""

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.database import build_site, prepare  # noqa: E402

REUSE = prepare("fit-levels.sqlite3")

from django.utils import translation  # noqa: E402

SAMPLE = 40
LEVELS = ["goed", "deels", "zwak", "onbekend"]


def main():
    from core.geography.places import Geography
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


if __name__ == "__main__":
    main()
