"""The HTTP layer every app shares: what may be cached and for how long (``cache_policy``),
the page cache and the cached fragments with their content version, the per-request memo,
purging a CDN or Varnish, who may see which page (``visibility``), rate limits, the health check,
and answering when the cache fails."""
