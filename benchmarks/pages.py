"""Timing a page as readers get it, for the benchmarks that print page latency side by side."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure(label, url, params=None, cold=False, requests=40):
    """Print p50 and p95 of ``requests`` GETs of ``url`` and the SQL queries each took.

    ``cold``: as the first reader after a publish (the content version goes up before each
    request, so nothing cached for the page is reused). Returns the timings in milliseconds.
    """
    from core.http.fragments import bump_content_version

    client = Client()
    client.get(url, params or {})  # warm up
    timings, queries = [], set()
    for _ in range(requests):
        if cold:
            bump_content_version()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, params or {})
            if response.streaming:
                b"".join(response.streaming_content)  # a CSV is generated while it streams
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        queries.add(len(captured))
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"{label:<48} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms   "
        f"queries {'/'.join(str(q) for q in sorted(queries))}"
    )
    return timings
