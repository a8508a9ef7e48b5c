"""Claims by the database's clock: the discipline every sender of Wiel's e-mail shares.

A worker names itself with a token (``worker_token``) and claims rows by writing that token on
them (``claim``: ``SELECT … FOR UPDATE SKIP LOCKED``, so two workers never claim the same row).
A claim runs out at a time counted on the database's clock (``database_time``), so hosts whose
clocks differ agree on when another worker may take over. Before a message goes to the mail
server, its row is marked "handing over" by a conditional UPDATE that holds only while the row is
still claimed by this worker: a worker frozen past its claim wakes up to find its rows claimed by
another, and sends nothing more. The newsletter worker (``newsletters.sending``, whose claims sit
under a lease on the whole mailing) and the outbox (``outbox.sending``) both work this way.
"""

import os
import socket
import uuid
from datetime import timedelta

from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper
from django.db.models.functions import Now


def database_time(seconds=0):
    """The database's clock, ``seconds`` ahead: every worker on every host reads the same clock."""
    return ExpressionWrapper(Now() + timedelta(seconds=seconds), output_field=DateTimeField())


def worker_token():
    """A token that names the claiming worker (host and process), for people reading the table."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex}"


def claim(rows, token, limit, order_by=("pk",), **changes):
    """Mark at most ``limit`` of ``rows`` (a queryset of a model with ``claimed_by``) as claimed by
    ``token``, skipping rows another transaction holds, with ``changes`` written alongside.
    Returns the ids claimed."""
    model = rows.model
    with transaction.atomic(using=rows.db):
        ids = list(rows.select_for_update(skip_locked=True).order_by(*order_by).values_list("pk", flat=True)[:limit])
        model.objects.filter(pk__in=ids).update(claimed_by=token, **changes)
    return ids
