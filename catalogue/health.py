"""`/gezond/` for the load balancer: 200 when the database answers, 503 when it does not; never cached."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

_TEXT = "text/plain; charset=utf-8"


@never_cache
def healthy(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # Say what is wrong, never why in detail: the error may name the host, the user or the database.
        return HttpResponse("Niet gezond: de database antwoordt niet.\n", status=503, content_type=_TEXT)
    return HttpResponse("Gezond\n", content_type=_TEXT)
