"""What the pages of one request ask for more than once, read once per request.

The page, its menu, its listings and its language links each want the view restrictions and
the active locale; :class:`RequestMemoMiddleware` gives every request an empty memo and
:func:`remembered` computes each value once in it. Outside a request (commands, the worker)
nothing is remembered, so nothing outlives the request that read it.
"""

import contextvars

_memo = contextvars.ContextVar("wiel_request_memo", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def remembered(key, compute):
    """``compute()``, once per request for ``key``."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(key):
    """Drop ``key`` from this request's memo (after the request itself changed it)."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)
