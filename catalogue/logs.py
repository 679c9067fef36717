"""What the catalogue tells its operators: one log line per event on stderr, each with the request's id.

- `RequestIdMiddleware` gives every request an id: the one the load balancer sent in `X-Request-ID` (when it is
  a plain token), else a new one. It is on every response and in every log line of that request, so one line
  of the balancer's log leads to the app's lines and back.
- `JsonFormatter` writes each record as one line of JSON (time, level, logger, message, request id, method,
  path, status, and the traceback of an exception), readable by any log collector. Nothing of the request's
  body, cookies or headers goes into it.
- `Throttled` logs a recurring failure (a cache that does not answer) once per interval, not once per request.
"""

import contextvars
import json
import logging
import re
import threading
import time
import uuid
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
_META_KEY = "HTTP_X_REQUEST_ID"
# A proxy's id is taken when it is a plain token: anything else could forge or break log lines.
_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")

_request: contextvars.ContextVar[tuple[str, str, str] | None] = contextvars.ContextVar("request", default=None)


class RequestIdMiddleware:
    """Outermost middleware: the request's id for its log lines, and on its response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get(_META_KEY, "")
        request.id = given if _VALID_ID.fullmatch(given) else uuid.uuid4().hex
        token = _request.set((request.id, request.method, request.path))
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        response[REQUEST_ID_HEADER] = request.id
        return response


class RequestFilter(logging.Filter):
    """Puts the current request's id, method and path on every record (a "-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id, method, path = _request.get() or ("-", "", "")
        request = getattr(record, "request", None)  # Django's own records carry the request
        if hasattr(request, "id"):
            request_id, method, path = request.id, request.method, request.path
        record.request_id = request_id
        record.method = getattr(record, "method", method)
        record.path = getattr(record, "path", path)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for name in ("method", "path"):
            if getattr(record, name, ""):
                entry[name] = getattr(record, name)
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class Throttled:
    """A logger for a failure that repeats: the first occurrence, then at most one line per `interval` seconds,
    saying how many were left unsaid in between."""

    def __init__(self, logger: logging.Logger, interval: float = 60.0):
        self.logger = logger
        self.interval = interval
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}
        self._unsaid: dict[str, int] = {}

    def warning(self, key: str, message: str, *args) -> None:
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.interval:
                self._unsaid[key] = self._unsaid.get(key, 0) + 1
                return
            self._last[key] = now
            unsaid = self._unsaid.pop(key, 0)
        suffix = f" ({unsaid} more since the last report)" if unsaid else ""
        self.logger.warning(message + suffix, *args)
