"""Public pages are cached whole, and every content change (admin, commands) is visible on the next request.

The tests that change content commit it (transactional_db): the version is raised when a transaction commits.
"""

from io import StringIO

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localdate

from catalogue import pagecache
from profiles import history
from profiles.models import Characteristic, Competency, FocusArea, FunctionFamily, FunctionGroup, Result, ResultArea
from profiles.reference_data import create_reference_data
from tests.adminforms import form_data, inline_row
from tests.conftest import SOURCE_NAME, SOURCE_SLUG, VERSION_QUERY

GROUP_URL = f"/functiegroepen/{SOURCE_SLUG}/"
ORIGINAL = "De klant is effectief ondersteund bij het formuleren van zijn/haar (informatie)vraag, verzoek of probleem"
REVISED = "De klant is voortreffelijk geholpen bij het formuleren van zijn/haar vraag"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def page(client, url=GROUP_URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    return len(captured)


@pytest.fixture
def committed(transactional_db):
    """The default catalogue, committed (the rows the data migrations make are recreated after a flush)."""
    create_reference_data(ResultArea, Characteristic)
    run("setup_catalogue")
    return FunctionGroup.objects.get(slug=SOURCE_SLUG)


@pytest.fixture
def editor(redacteur) -> Client:
    """A redacteur logged in on a client of their own; the visitor's `client` stays anonymous."""
    editor = Client()
    editor.force_login(redacteur)
    return editor


def test_a_page_comes_from_the_cache_the_second_time_at_the_cost_of_one_query(
    client, catalogue, django_assert_num_queries
):
    first = page(client)

    with django_assert_num_queries(VERSION_QUERY):
        second = page(client)

    assert second == first
    assert ORIGINAL in second


def save_result(editor, group) -> None:
    """An editor rewrites the result ORIGINAL as REVISED on the group's admin page."""
    result = Result.objects.get(text=ORIGINAL)
    url = reverse("admin:profiles_functiongroup_change", args=[group.pk])
    form = editor.get(url)
    data = form_data(form)
    data[f"{inline_row(form, Result, result.pk)}-text"] = REVISED
    assert editor.post(url, data).status_code == 302


def test_an_editors_save_in_the_admin_is_visible_on_the_next_request(client, editor, committed):
    assert ORIGINAL in page(client)  # now cached
    save_result(editor, committed)

    shown = page(client)
    assert REVISED in shown
    assert ORIGINAL not in shown


def test_deleting_and_restoring_in_the_admin_are_visible_on_the_next_request(client, editor, committed):
    result = Result.objects.get(text=ORIGINAL)
    assert ORIGINAL in page(client)

    editor.post(reverse("admin:profiles_result_delete", args=[result.pk]), {"post": "yes"})
    assert ORIGINAL not in page(client)

    version = result.history.filter(history_type="+").get()
    restore = reverse("admin:profiles_result_simple_history", args=[result.pk, version.history_id])
    editor.post(restore)
    assert Result.objects.filter(text=ORIGINAL).exists()
    assert ORIGINAL in page(client)


def test_import_fgr_and_restore_group_are_visible_on_the_next_request(client, committed, tmp_path, source_text):
    source = tmp_path / "source.txt"
    source.write_text(source_text.replace(ORIGINAL, REVISED), encoding="utf-8")
    assert ORIGINAL in page(client)

    run("import_fgr", str(source), "--name", SOURCE_NAME, "--family", "Bedrijfsvoering", "--fgr-id", "528", "--replace")
    assert REVISED in page(client)

    run("restore_group", str(FunctionGroup.history.filter(history_type="-").latest("history_id").history_id))
    assert ORIGINAL in page(client)


@pytest.mark.parametrize("command", ["setup_catalogue", "import_catalogue"])
def test_loading_an_empty_catalogue_is_visible_on_the_next_request(client, committed, tmp_path, command):
    export = tmp_path / "catalogus.json"
    run("export_catalogue", "-o", str(export))
    with transaction.atomic(), history.batch(history.DELETED):
        for model in (FunctionGroup, FunctionFamily, Competency, FocusArea):
            model.objects.all().delete()
    assert SOURCE_NAME not in page(client, "/")

    run(*(["setup_catalogue"] if command == "setup_catalogue" else ["import_catalogue", str(export)]))

    assert SOURCE_NAME in page(client, "/")


def test_one_transaction_raises_the_version_once_and_a_rolled_back_one_not_at_all(committed):
    before = history.content_version()
    with transaction.atomic():
        for result in Result.objects.all()[:5]:
            result.text += "."
            result.save()
    assert history.content_version() == before + 1

    with pytest.raises(RuntimeError), transaction.atomic():
        Result.objects.first().delete()
        raise RuntimeError("stop")
    assert history.content_version() == before + 1


def test_logged_in_editors_never_get_a_cached_page(client, editor, catalogue):
    page(client)
    # Written past the history (no version is raised): only an uncached page can show it.
    Result.objects.filter(text=ORIGINAL).update(text=REVISED)

    assert REVISED in page(editor)
    assert ORIGINAL in page(client)


@pytest.mark.parametrize(
    "url", ["/functiegroepen/bestaat-niet/", f"{GROUP_URL}vergelijken/?schaal=5", "/zoeken/?schaal=99"]
)
def test_error_responses_are_not_cached(client, catalogue, url):
    first = client.get(url)
    assert 400 <= first.status_code < 500

    assert queries_of(client, url) > VERSION_QUERY


def test_unknown_query_parameters_are_answered_but_not_cached(client, catalogue):
    assert page(client, "/?utm_source=nieuwsbrief") == page(client, "/")

    assert queries_of(client, "/", utm_source="nieuwsbrief") > VERSION_QUERY
    assert queries_of(client, "/") == VERSION_QUERY


def test_search_pages_are_cached_one_by_one(client, catalogue):
    first = page(client, "/zoeken/?schaal=6")
    second = page(client, "/zoeken/?schaal=6&pagina=2")
    assert "Pagina 1 van 2" in first
    assert "Pagina 2 van 2" in second

    assert page(client, "/zoeken/?schaal=6") == first
    assert page(client, "/zoeken/?schaal=6&pagina=2") == second
    assert queries_of(client, "/zoeken/", schaal="6", pagina="2") == VERSION_QUERY


def test_the_compare_csv_is_cached_with_its_headers(client, catalogue):
    url = f"{GROUP_URL}vergelijken/csv/?schaal=5&schaal=6"
    first = client.get(url)
    second = client.get(url)

    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert "attachment" in second["Content-Disposition"]
    assert queries_of(client, url) == VERSION_QUERY


def test_head_is_answered_from_the_cache_and_other_methods_get_a_dutch_405(client, catalogue):
    page(client)
    assert queries_of(client, GROUP_URL) == VERSION_QUERY
    assert client.head(GROUP_URL).status_code == 200

    response = client.put(GROUP_URL)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "<h1>Niet toegestaan</h1>" in response.content.decode()


def cached_view(status=200, *, cookie=False):
    def view(request):
        response = HttpResponse("inhoud", status=status)
        if cookie:  # as CsrfViewMiddleware or SessionMiddleware, inside the page cache, would have set one
            response.set_cookie("iets", "waarde")
        return response

    # "/" is a public page (the home page): the middleware caches what it is given for it.
    return pagecache.PageCacheMiddleware(view)


def test_a_cached_page_answers_with_the_same_headers_as_the_rendered_one(client, catalogue):
    rendered = client.get(GROUP_URL)
    cached = client.get(GROUP_URL)

    for header in ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Content-Security-Policy", "ETag"):
        assert cached[header] == rendered[header], header
    assert cached["X-Request-ID"] != rendered["X-Request-ID"]  # the request's own, not the stored one's


def test_a_host_that_is_not_allowed_gets_a_400_even_for_a_cached_page(client, catalogue):
    page(client)

    response = client.get(GROUP_URL, headers={"Host": "evil.example"})

    assert response.status_code == 400
    assert "Verzoek niet begrepen" in response.content.decode()


def test_a_browser_that_holds_the_page_revalidates_it_for_one_query_and_no_body(
    client, catalogue, django_assert_num_queries
):
    etag = client.get(GROUP_URL)["ETag"]
    cache.clear()  # the answer does not need the stored page

    with django_assert_num_queries(VERSION_QUERY):
        response = client.get(GROUP_URL, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "no-cache"  # may keep it, must ask again before each use
    assert client.get(GROUP_URL, headers={"If-None-Match": '"een-andere"'}).status_code == 200
    assert client.get(GROUP_URL, headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304


def test_a_304_varies_on_what_the_page_varies_on(client, catalogue):
    rendered = client.get(GROUP_URL)

    revalidated = client.get(GROUP_URL, headers={"If-None-Match": rendered["ETag"]})

    assert revalidated.status_code == 304
    assert revalidated["Vary"] == rendered["Vary"]


@pytest.mark.parametrize("header", [{"If-None-Match": "*"}, {"If-Match": '"iets"'}])
def test_preconditions_never_hide_a_missing_page_or_refuse_an_existing_one(client, catalogue, header):
    assert client.get("/functiegroepen/bestaat-niet/", headers=header).status_code == 404
    assert client.get(GROUP_URL, headers=header).status_code == 200


def test_head_gets_the_same_etag_as_get(client, catalogue):
    head = client.head(GROUP_URL)  # not cached yet: rendered for HEAD

    assert head.status_code == 200
    assert head["ETag"] == client.get(GROUP_URL)["ETag"]


def test_new_content_gives_the_page_a_new_etag(client, editor, committed):
    etag = client.get(GROUP_URL)["ETag"]
    save_result(editor, committed)

    response = client.get(GROUP_URL, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert REVISED in response.content.decode()


@pytest.mark.parametrize("url", ["/admin/login/", "/gezond/", "/functiegroepen/bestaat-niet/"])
def test_pages_that_are_not_cached_carry_no_etag(client, catalogue, url):
    response = client.get(url)

    assert "ETag" not in response


def test_an_editor_gets_no_etag_and_no_304(editor, catalogue):
    etag = Client().get(GROUP_URL)["ETag"]

    response = editor.get(GROUP_URL, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert "ETag" not in response


def test_a_response_that_sets_a_cookie_is_not_stored(db):
    view = cached_view(cookie=True)
    view(RequestFactory().get("/"))

    with CaptureQueriesContext(connection) as captured:
        view(RequestFactory().get("/"))
    assert captured.captured_queries  # read the version again, and found nothing to serve
    assert pagecache.cache.get(pagecache.page_key(RequestFactory().get("/"))) is None


def test_a_request_with_a_session_or_messages_cookie_is_not_answered_from_the_cache(db):
    view = cached_view()
    view(RequestFactory().get("/"))
    key = pagecache.page_key(RequestFactory().get("/"))
    assert pagecache.cache.get(key) is not None

    for cookie in ("sessionid", "messages"):
        request = RequestFactory().get("/")
        request.COOKIES[cookie] = "x"
        assert not pagecache._cacheable_request(request, frozenset())


def test_the_key_holds_the_release_and_the_content_version(catalogue):
    key = pagecache.page_key(RequestFactory().get("/zoeken/?q=a"))

    assert key.startswith(f"page:{pagecache.RELEASE}:{history.content_version()}:")


def test_the_key_holds_the_day_that_a_printout_shows(catalogue):
    key = pagecache.page_key(RequestFactory().get("/"))

    assert key.startswith(f"page:{pagecache.RELEASE}:{history.content_version()}:{localdate().isoformat()}:")


@pytest.fixture
def shared_and_local(settings):
    """A shared cache with each process's own copies in front of it, as with REDIS_URL (two local memories here)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
        pagecache.LOCAL: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "own"},
    }
    yield caches["default"], caches[pagecache.LOCAL]
    caches["default"].clear()
    caches[pagecache.LOCAL].clear()


def test_a_process_keeps_its_own_copy_of_a_shared_page(client, catalogue, shared_and_local, django_assert_num_queries):
    shared, own = shared_and_local
    key = pagecache.page_key(RequestFactory().get(GROUP_URL))
    first = page(client)
    assert shared.get(key) is not None and own.get(key) is not None

    own.clear()  # another process: the page is in the shared cache only
    with django_assert_num_queries(VERSION_QUERY):
        assert page(client) == first
    assert own.get(key) is not None  # taken from the shared cache, kept as this process's copy

    # Asked again, this process answers from its own copy without reading the shared cache.
    shared.set(key, (200, [], b"the shared copy"), 60)
    with django_assert_num_queries(VERSION_QUERY):
        assert page(client) == first
    shared.clear()
    with django_assert_num_queries(VERSION_QUERY):
        assert page(client) == first
    assert shared.get(key) is None  # and does not store it there again


def test_a_process_answers_from_its_own_copy_while_the_shared_cache_is_down(
    client, catalogue, settings, django_assert_num_queries
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
        pagecache.LOCAL: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "own"},
    }
    pagecache.guard.succeeded()
    try:
        first = page(client)
        assert not pagecache.guard.available()
        with django_assert_num_queries(VERSION_QUERY):
            assert page(client) == first
    finally:
        caches[pagecache.LOCAL].clear()
        pagecache.guard.succeeded()
