"""Oversized and malformed requests get a Dutch 4xx page, in the test client and through a real gunicorn."""

import socket

import pytest
from django.test import Client

from tests.conftest import SOURCE_SLUG
from tests.servers import gunicorn

GROUP = f"/functiegroepen/{SOURCE_SLUG}/"


def assert_dutch_error(response, status, heading):
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert f"<h1>{heading}</h1>" in page


def test_a_body_over_the_upload_limit_is_a_400(client, catalogue, settings):
    body = "username=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")

    assert_dutch_error(response, 400, "Verzoek niet begrepen")


def test_too_many_query_parameters_are_a_400(client, catalogue):
    query = "&".join(f"schaal={number}" for number in range(2000))

    assert_dutch_error(client.get(f"/zoeken/?{query}"), 400, "Verzoek niet begrepen")


def test_a_truncated_multipart_body_reads_as_an_empty_form(client, catalogue):
    response = client.generic(
        "POST", "/admin/login/", b"--grens\r\nzonder einde", content_type="multipart/form-data; boundary=grens"
    )

    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()  # the login form, asking for its fields


def test_a_multipart_body_without_a_boundary_is_a_400(client, catalogue):
    response = client.generic("POST", "/admin/login/", b"x=1", content_type="multipart/form-data")

    assert_dutch_error(response, 400, "Verzoek niet begrepen")


def test_an_unknown_host_is_a_400(catalogue):
    assert_dutch_error(Client(HTTP_HOST="aanvaller.example").get("/"), 400, "Verzoek niet begrepen")


@pytest.mark.parametrize(
    "path",
    [
        "/functiegroepen/" + "a" * 10_000 + "/",
        f"{GROUP}schaal/{'9' * 400}/",
        "/functiegroepen/%00/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/../config/settings.py",
    ],
)
def test_odd_paths_are_a_dutch_404(client, catalogue, path):
    assert_dutch_error(client.get(path), 404, "Pagina niet gevonden")


def test_a_post_without_a_csrf_token_is_a_dutch_403(catalogue):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x", "password": "y"})

    assert_dutch_error(response, 403, "Formulier verlopen")


@pytest.fixture(scope="module")
def server(production_site):
    with gunicorn(production_site.env(database=production_site.copy_database("bad-requests.sqlite3"))) as running:
        yield running


def raw_request(server, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(data)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_a_huge_announced_body_is_refused_without_waiting_for_it(server):
    answer = raw_request(
        server,
        b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\nusername=a",
    )

    # Refused by the CSRF check (no token, no Referer) before a byte of the body is read; the limit on the body
    # itself is the 400 of test_a_body_over_the_upload_limit_is_a_400.
    assert answer.startswith(b"HTTP/1.1 403")
    assert b"<h1>Formulier verlopen</h1>" in answer


def test_requests_that_are_not_http_get_a_4xx_from_the_server(server):
    for data in (
        b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",  # request line over gunicorn's limit
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lang: " + b"a" * 10_000 + b"\r\n\r\n",  # header over its limit
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\x00" * 64 + b"\r\n\r\n",  # TLS spoken to plain HTTP
    ):
        answer = raw_request(server, data)
        assert answer.startswith(b"HTTP/1.1 4") or answer == b"", answer[:100]
