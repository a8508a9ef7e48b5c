from django.core.management.base import BaseCommand, CommandError

from search.retry import retry


class Command(BaseCommand):
    help = (
        "Send Elasticsearch the index updates it missed while it was down (run it every few minutes). "
        "Exits with an error when Elasticsearch still refuses them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="at most this many updates per run")

    def handle(self, *args, limit, **options):
        done, pending, refused = retry(limit)
        self.stdout.write(f"{done} index updates sent, {pending} pending.")
        if refused:
            raise CommandError(f"Elasticsearch refused the update; {pending} are still pending. Is it reachable?")
