"""Real newsletter worker processes for the tests that prove exactly-once delivery on PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def start_worker(port, log, extra=None):
    """``manage.py send_newsletters --worker`` on the test database, sending to 127.0.0.1:``port``."""
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_.settings.dev",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}",
        "NEWSLETTER_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "NEWSLETTER_LEASE_SECONDS": "3",
        "EMAIL_TIMEOUT": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "LOG_LEVEL": "WARNING",
        **(extra or {}),
    }
    command = [sys.executable, "manage.py", "send_newsletters", "--worker", "--interval", "0.5", "--verbosity", "0"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603 (our own command)
