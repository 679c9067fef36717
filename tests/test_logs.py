"""What the operators see: one log line per event, with the request's id, and that id on every response."""

import io
import json
import logging

from django.test import Client

from catalogue.logs import JsonFormatter, RequestFilter, Throttled
from catalogue.search import MAX_PAGE, requested_page


def test_every_response_carries_a_request_id_and_a_proxys_plain_one_is_kept(client, catalogue):
    own = client.get("/")
    forwarded = client.get("/", HTTP_X_REQUEST_ID="lb-4f2a.91:7")
    forged = client.get("/", HTTP_X_REQUEST_ID='x"\n{"level": "ERROR"}')

    assert len(own["X-Request-ID"]) == 32
    assert forwarded["X-Request-ID"] == "lb-4f2a.91:7"
    assert forged["X-Request-ID"] != 'x"\n{"level": "ERROR"}' and len(forged["X-Request-ID"]) == 32


def test_a_server_error_is_logged_as_one_json_line_with_its_traceback_and_request_id(catalogue, settings):
    settings.ROOT_URLCONF = "tests.failing_urls"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # as the LOGGING setting's handler, writing here instead of stderr
    handler.addFilter(RequestFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = Client(raise_request_exception=False).get("/kapot/?pagina=2", HTTP_X_REQUEST_ID="verzoek-123")
    finally:
        logger.removeHandler(handler)

    assert response.status_code == 500
    assert "<h1>Er ging iets mis</h1>" in response.content.decode()
    [line] = stream.getvalue().splitlines()
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["status"]) == ("ERROR", "django.request", 500)
    assert (entry["request_id"], entry["method"], entry["path"]) == ("verzoek-123", "GET", "/kapot/")
    assert entry["exception"].startswith("Traceback") and "een fout die de test veroorzaakt" in entry["exception"]
    assert "pagina" not in line  # the query string may hold what a visitor typed


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("catalogue", logging.WARNING, __file__, 1, "iets", (), None)

    RequestFilter().filter(record)

    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"


def test_a_repeating_failure_is_logged_once_per_interval(caplog):
    throttled = Throttled(logging.getLogger("catalogue.test"), interval=3600)

    with caplog.at_level(logging.WARNING, logger="catalogue.test"):
        for _ in range(5):
            throttled.warning("cache", "De cache antwoordt niet.")
        throttled.interval = 0
        throttled.warning("cache", "De cache antwoordt niet.")

    assert [r.getMessage() for r in caplog.records] == [
        "De cache antwoordt niet.",
        "De cache antwoordt niet. (4 more since the last report)",
    ]


def test_a_page_number_is_clamped_before_it_reaches_the_database():
    assert [requested_page(n) for n in (None, "", "0", "-3", "2", "abc", "1e9", "²")] == [1, 1, 1, 1, 2, 1, 1, 1]
    assert requested_page("9223372036854775807") == MAX_PAGE
    assert requested_page(str(MAX_PAGE + 1)) == MAX_PAGE
