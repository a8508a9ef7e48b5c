"""One loader per kind of content, run in this order by ``manage.py load_demo_content``."""

from . import (
    ambitions,
    articles,
    events,
    home,
    learning,
    media,
    newsletters,
    opportunities,
    pages,
    practices,
    reports,
    search,
    werkplaatsen,
)

# The home page first (with the footer's own pages), then what hangs below it; the library before the pages that show its
# pictures and documents; events name practices; proposals name meetings, stories and practices;
# ambitions name themes and regions only; projects name ambitions and practices; reports count what is before them; newsletters compose the content before them.
LOADERS = [
    *[home, pages, werkplaatsen, media, articles, practices, events, learning, ambitions, opportunities],
    *[newsletters, reports, search],
]
