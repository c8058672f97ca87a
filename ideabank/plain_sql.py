"""Plain SQL for the few queries asked on (nearly) every signed-in request.

Where the ORM takes more CPU to build a query than the database takes to answer it (the vote box's state,
the bell's count, a method's follow button, a bearer token, a vote's count), the query is written out next
to the code that asks it, naming tables and columns as the migrations make them, and run here.
"""

from datetime import UTC

from django.db import connections


def one_row(model, sql, params):
    """The first row `sql` gives on the database that holds `model`, or None."""
    with connections[model.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def as_utc(moment):
    """A timestamp read with plain SQL: PostgreSQL gives it with its zone, SQLite the naive UTC Django stored."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)
