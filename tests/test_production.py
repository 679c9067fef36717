"""Production mode in real gunicorn processes: `check --deploy`, the security headers and cookies on every kind
of page, hashed and compressed static files from collectstatic, the HTTPS redirect, and error pages that give
nothing away. The load balancer's TLS is stood in for by its X-Forwarded-Proto header (tests/servers.py)."""

import json
import re
from http.cookies import SimpleCookie

import pytest

from tests.conftest import PASSWORD, SOURCE_SLUG
from tests.servers import gunicorn, manage

GROUP = f"/functiegroepen/{SOURCE_SLUG}/"
PAGE_TYPES = {
    "home": "/",
    "group": GROUP,
    "schaal": f"{GROUP}schaal/6/",
    "schaal-text": f"{GROUP}schaal/6/tekst/",
    "compare": f"{GROUP}vergelijken/?schaal=5&schaal=6",
    "compare-csv": f"{GROUP}vergelijken/csv/?schaal=5&schaal=6",
    "competencies": "/competenties/",
    "competency": "/competenties/accuraat-werken/",
    "glossary": "/begrippen/",
    "search": "/zoeken/?q=archieven",
    "changes": "/wijzigingen/",
    "not-found": "/bestaat-niet/",
    "bad-request": f"{GROUP}vergelijken/?schaal=5",
    "admin-login": "/admin/login/",
    "admin-redirect": "/admin/",
    "health": "/gezond/",
}
POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}
GIVEAWAYS = ("Traceback", "SECRET_KEY", "DEBUG", "settings", "SELECT", "sqlite", "psycopg", "URLconf", 'File "')


@pytest.fixture(scope="module")
def site_env(production_site):
    env = production_site.env(database=production_site.copy_database("production-tests.sqlite3"))
    manage(
        {**env, "DJANGO_SUPERUSER_USERNAME": "beheerder", "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        "createsuperuser",
        "--noinput",
        "--email",
        "beheer@example.invalid",
    )
    return env


@pytest.fixture(scope="module")
def server(site_env):
    with gunicorn(site_env, workers=2) as running:
        yield running


def test_check_deploy_reports_no_issues(site_env):
    result = manage(site_env, "check", "--deploy", "--fail-level", "WARNING", check=False)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def policy(headers) -> dict:
    directives = (part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    return {name: value for name, value in directives}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_kind_of_page_has_the_security_headers(server, name):
    status, headers, _ = server.request(PAGE_TYPES[name])

    assert status < 500
    assert policy(headers) == POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_a_static_file_has_the_security_headers_too(server, production_site):
    status, headers, _ = server.request("/static/" + manifest(production_site)["css/site.css"])

    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def cookies(headers) -> SimpleCookie:
    jar = SimpleCookie()
    for line in headers.get_all("Set-Cookie") or []:
        jar.load(line)
    return jar


def test_the_csrf_and_session_cookies_are_secure_and_http_only(server):
    status, headers, body = server.request("/admin/login/")
    csrf = cookies(headers)["csrftoken"]
    assert status == 200
    assert (csrf["secure"], csrf["httponly"], csrf["samesite"]) == (True, True, "Lax")

    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    origin = f"https://127.0.0.1:{server.port}"
    status, headers, _ = server.request(
        "/admin/login/?next=/admin/",
        method="POST",
        headers={
            "Cookie": f"csrftoken={csrf.value}",
            "Origin": origin,
            "Referer": f"{origin}/admin/login/",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body=f"csrfmiddlewaretoken={token}&username=beheerder&password={PASSWORD}&next=/admin/".encode(),
    )
    session = cookies(headers)["sessionid"]

    assert (status, headers["Location"]) == (302, "/admin/")
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")


def manifest(site) -> dict:
    return json.loads((site.static_root / "staticfiles.json").read_text())["paths"]


def test_pages_link_hashed_static_files_that_are_served_compressed_and_cached_for_good(server, production_site):
    hashed = manifest(production_site)["css/site.css"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed)

    _, _, page = server.request("/")
    status, headers, _ = server.request("/static/" + hashed, headers={"Accept-Encoding": "gzip"})

    assert f'href="/static/{hashed}"'.encode() in page
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"] and "max-age=315360000" in headers["Cache-Control"]
    assert server.request("/static/css/site.css")[0] == 200  # the unhashed name too, for a short time
    assert server.request("/static/css/bestaat-niet.css")[0] == 404


def test_plain_http_is_sent_to_https_except_the_health_check(server):
    status, headers, _ = server.request("/begrippen/", headers={"X-Forwarded-Proto": "http"})

    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1:{server.port}/begrippen/"
    assert server.request("/gezond/", headers={"X-Forwarded-Proto": "http"})[0] == 200


def test_an_unknown_host_gets_a_dutch_400(server):
    status, _, body = server.request("/", headers={"Host": "evil.example"})

    assert status == 400
    assert "Verzoek niet begrepen" in body.decode()


@pytest.mark.parametrize("name", ["not-found", "bad-request"])
def test_error_pages_give_nothing_away(server, name):
    status, _, body = server.request(PAGE_TYPES[name])
    text = body.decode()

    assert 400 <= status < 500
    assert '<html lang="nl">' in text
    assert not [word for word in GIVEAWAYS if word in text]
