"""Random and hostile input at every public URL: never a 5xx, and every error a Dutch page with a 4xx.

Hypothesis makes the query strings, paths and form posts; examples are capped per URL family to keep CI fast.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SOURCE_SLUG

pytestmark = pytest.mark.fuzz

GROUP = f"/functiegroepen/{SOURCE_SLUG}/"
FAMILIES = {
    "home": "/",
    "group": GROUP,
    "schaal": f"{GROUP}schaal/6/",
    "schaal-text": f"{GROUP}schaal/6/tekst/",
    "compare": f"{GROUP}vergelijken/",
    "compare-csv": f"{GROUP}vergelijken/csv/",
    "competencies": "/competenties/",
    "competency": "/competenties/accuraat-werken/",
    "glossary": "/begrippen/",
    "search": "/zoeken/",
    "changes": "/wijzigingen/",
    "health": "/gezond/",
}
# Paths with a part that the fuzzer replaces: {} is where the random text goes.
PATH_TEMPLATES = {
    "group": "/functiegroepen/{}/",
    "schaal": f"{GROUP}schaal/{{}}/",
    "schaal-text": f"{GROUP}schaal/{{}}/tekst/",
    "compare": "/functiegroepen/{}/vergelijken/",
    "compare-csv": "/functiegroepen/{}/vergelijken/csv/",
    "competency": "/competenties/{}/",
    "anything": "/{}",
}
KNOWN_PARAMS = [
    "q",
    "schaal",
    "pagina",
    "alleen_verschillen",
    "onderdeel",
    "resultaatgebied",
    "aandachtsgebied",
    "competentie",
    "functiefamilie",
]
HOSTILE = [
    "",
    "0",
    "-1",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "%",
    "%00",
    "%FF%FE",
    "\x00",
    "../../etc/passwd",
    "\u202e",
    "ä" * 300,
    "a" * 5000,
    "()&|!:*",
    "schaal",
]
FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), st.integers().map(str))
keys = st.one_of(st.sampled_from(KNOWN_PARAMS), st.text(min_size=1, max_size=20))
raw_query = st.one_of(
    st.lists(st.tuples(keys, texts), max_size=8).map(
        lambda pairs: "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
    ),
    # Raw bytes as a server would pass them on: broken escapes, control characters, invalid UTF-8.
    st.binary(max_size=200).map(lambda raw: raw.decode("latin-1")),
)


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]
    if response.status_code >= 400:
        page = response.content.decode()
        assert '<html lang="nl">' in page, page[:300]
        assert "<h1>" in page


@pytest.fixture
def hostile_client(catalogue):
    return Client(raise_request_exception=True)


@pytest.mark.parametrize("name", FAMILIES)
def test_random_query_strings(hostile_client, name):
    @FUZZ
    @given(query=raw_query)
    def run(query):
        assert_no_server_error(hostile_client.generic("GET", FAMILIES[name], QUERY_STRING=query))

    run()


@pytest.mark.parametrize("name", PATH_TEMPLATES)
def test_random_paths(hostile_client, name):
    @FUZZ
    @given(part=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80)), escaped=st.booleans())
    def run(part, escaped):
        path = PATH_TEMPLATES[name].format(quote(part, safe="") if escaped else quote(part, safe="/%"))
        assert_no_server_error(hostile_client.get(path))

    run()


@pytest.mark.parametrize("name", [*FAMILIES, "admin-login"])
def test_random_form_posts(catalogue, name):
    url = FAMILIES.get(name, "/admin/login/")
    checked = Client(enforce_csrf_checks=True)
    unchecked = Client()  # as if the CSRF check had passed

    @FUZZ
    @given(
        fields=st.dictionaries(keys, texts, max_size=6),
        multipart=st.booleans(),
        csrf=st.booleans(),
    )
    def run(fields, multipart, csrf):
        client = checked if csrf else unchecked
        if multipart:
            response = client.post(url, fields)
        else:
            body = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in fields.items())
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert_no_server_error(response)

    run()


# Real words and real filter values beside hostile ones, several at once: the combinations that reach the
# database (a word that matches, and a page number far past the last page).
NUMBERS = st.one_of(
    st.sampled_from(["1", "2", "0", "-1", "9223372036854775807", "99999999999999999999999", "1e9", "", "²", "٣"]),
    st.integers().map(str),
)
search_params = st.fixed_dictionaries(
    {},
    optional={
        "q": st.one_of(st.sampled_from(["archief", "klant", "werkzaamheden", "coordinatie", "ITIL", "P.M."]), texts),
        "pagina": NUMBERS,
        "schaal": st.lists(st.one_of(st.sampled_from(["5", "6", "8"]), NUMBERS), max_size=3),
        "onderdeel": st.one_of(st.sampled_from(["resultaten", "functietypering", "contacten"]), texts),
        "resultaatgebied": st.one_of(st.sampled_from(["1", "4"]), NUMBERS),
        "aandachtsgebied": st.one_of(st.sampled_from(["ict-techniek", "informatiebeheer"]), texts),
        "competentie": st.one_of(st.sampled_from(["accuraat-werken", "integriteit"]), texts),
        "functiefamilie": st.one_of(st.sampled_from(["bedrijfsvoering"]), texts),
    },
)
compare_params = st.fixed_dictionaries(
    {},
    optional={
        "schaal": st.lists(st.one_of(st.sampled_from(["5", "6", "7", "8"]), NUMBERS), max_size=5),
        "alleen_verschillen": st.sampled_from(["on", "", "1", "nee"]),
    },
)


def test_combinations_of_search_parameters(hostile_client):
    @FUZZ
    @given(params=search_params)
    def run(params):
        assert_no_server_error(hostile_client.get("/zoeken/", params))

    run()


@pytest.mark.parametrize("path", [f"{GROUP}vergelijken/", f"{GROUP}vergelijken/csv/"])
def test_combinations_of_compare_parameters(hostile_client, path):
    @FUZZ
    @given(params=compare_params)
    def run(params):
        assert_no_server_error(hostile_client.get(path, params))

    run()


def test_a_page_number_past_any_database_integer_is_the_last_page(hostile_client):
    response = hostile_client.get("/zoeken/", {"q": "archief", "pagina": "9223372036854775807"})

    assert response.status_code == 200
    assert (
        'aria-current="page">Pagina 1 van 1</li>' in response.content.decode()
        or "Pagina" not in response.content.decode()
    )
