"""The Wiel project: settings, URLs, WSGI, base templates and static files.

Named ``site_`` rather than ``site`` because Python imports its own ``site``
module at start-up, so a package of that name can never be imported.
"""
