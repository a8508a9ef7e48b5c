"""System checks for sending: settings under which a worker could not keep its lease are refused."""

from django.core.checks import Error, register

from .sending import lease_problem


@register()
def lease_fits(app_configs, **kwargs):
    problem = lease_problem()
    if problem:
        return [
            Error(
                problem,
                hint="Raise NEWSLETTER_LEASE_SECONDS, or lower EMAIL_TIMEOUT (docs/newsletters.md, 'Several workers').",
                id="newsletters.E001",
            )
        ]
    return []
