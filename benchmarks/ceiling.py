"""The ceiling of benchmarks/throughput.py: a bare WSGI app that answers 20 KB, under the same gunicorn."""

BODY = b"<!doctype html><title>ceiling</title>" + b"x" * (20 * 1024 - 38)


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))])
    return [BODY]
