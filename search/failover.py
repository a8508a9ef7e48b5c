"""Answering from the database when the search engine cannot.

Every search the engine backends run goes through ``answer``: the search page, its suggestions,
the API, and the admin's page explorer, listings and choosers alike. While the engine is paused
after a failure (``search/circuit.py``), or when it fails now, the same query runs on the database
backend ("fallback" in WAGTAILSEARCH_BACKENDS, kept up to date beside the engine). The request is
marked as degraded, so that what it shows can say so (the search page's notice, the admin's
message, ``DegradedSearchMiddleware``) and its answer is not kept in a shared cache as if the
engine had given it. A site without an engine has no fallback and nothing to fall back from.

Only an outage pauses the engine (no answer, a timeout, a 5xx or 429). A refusal (a 4xx: a wrong
mapping or setting, a missing index) is a configuration error: the reader still gets the
database's answer, but every such request logs an error and ``/healthz/`` names it
(``search.circuit.report_misconfiguration``); ``manage.py check --deploy`` finds it before
(``search/checks.py``).
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings

from . import circuit
from .circuit import UNAVAILABLE

ENGINE = "default"  # the engine is always the default backend when one is configured
FALLBACK = "fallback"

# A list per watched stretch (a request, a kept search): [True] once the database answered.
_marks = contextvars.ContextVar("wiel_search_degraded", default=None)


def configured():
    return FALLBACK in settings.WAGTAILSEARCH_BACKENDS


def answer(on_engine, on_database):
    """``on_engine()``, or ``on_database()`` when the engine is paused or fails now."""
    if not configured():
        return on_engine()
    if not circuit.paused(ENGINE):
        try:
            return on_engine()
        except UNAVAILABLE as error:
            circuit.failed(ENGINE, error)  # paused if down; logged as an error if misconfigured
    marks = _marks.get()
    if marks is not None:
        marks.append(True)
    return on_database()


class Watch:
    def __init__(self):
        self.marks = []

    @property
    def degraded(self):
        return bool(self.marks)


@contextmanager
def watch():
    """Whether the database answered for the engine inside the ``with`` block (``.degraded``).
    Watches nest: what an inner one sees, the outer one sees too."""
    outer = _marks.get()
    current = Watch()
    token = _marks.set(current.marks)
    try:
        yield current
    finally:
        _marks.reset(token)
        if outer is not None:
            outer.extend(current.marks)
