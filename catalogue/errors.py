"""The page for a server error: a 503 with Retry-After when the database does not answer, else a 500.

Both are rendered from templates alone: no query, so they work when the database is what failed.
"""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER = 30  # seconds


def server_error(request):
    error = sys.exc_info()[1]  # Django calls this while it handles the exception
    if isinstance(error, DatabaseError):
        response = HttpResponse(loader.render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponse(loader.render_to_string("500.html", request=request), status=500)
