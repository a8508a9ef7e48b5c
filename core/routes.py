"""Rendering a routable page's sub-route with its own template and an HTTP status."""


def render_route(page, request, template, context=None, status=200):
    """``page.render`` (which builds on ``get_context``) with a template and status of the route's own."""
    response = page.render(request, template=template, context_overrides=context or {})
    response.status_code = status
    return response
