"""One loader per kind of content, run in this order by ``manage.py load_demo_content``."""

from . import articles, events, home, newsletters, practices, search, werkplaatsen

# The home page first, then what hangs below it; newsletters compose the content before them.
LOADERS = [home, werkplaatsen, articles, practices, events, newsletters, search]
