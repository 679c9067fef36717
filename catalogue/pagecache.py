"""Whole-response caching of the public pages, invalidated by the content's version number.

A cached page's key holds the content's version (profiles.history.content_version: one primary-key query per
request) and the release (a digest of the code, templates and static files), so:

- any committed content change, in any process (the admin, import_fgr, setup_catalogue, import_catalogue,
  restore_group), makes every page's key new at once: nothing has to find and delete old entries, and several
  app servers sharing one Redis share one invalidation; with the local-memory cache each process keeps its own
  copies, but each still reads the version from the database, so none can serve a stale page either;
- a deploy never serves pages rendered by the previous release (that may point at static files that are gone).

The key also holds the day: a printed schaal page or comparison says the date. Not the host: servers behind one
proxy share their copies, and the address a printout shows is the host that rendered it, behind a proxy the public one.

With a shared cache (REDIS_URL) each process also keeps the pages it served last in its own memory (the cache
`local`), in front of Redis: a key never names two versions of a page, so those copies cannot go stale either, and
a page asked again is answered without a round trip. Redis still shares each page between the processes and
servers: the first time a process is asked for a page, it takes Redis's copy rather than rendering its own.

Old entries are left to expire (TIMEOUT) or to the cache's own eviction. Only anonymous GET/HEAD requests whose
query parameters the page knows are answered from the cache; only 200 responses that set no cookie are stored.
Those pages carry an ETag derived from the key and `Cache-Control: no-cache`, so that a browser or proxy that kept
a page revalidates it and gets a 304 for the price of the version query.

A cache that fails never takes a page down: the page is rendered without it. After a failure the cache is left
alone for `CACHE_BACKOFF` seconds (so that requests do not each wait for its timeout), then tried again; the
failure is logged once a minute at most, and the health check reports it (`cache_state`).
"""

import hashlib
import logging
import threading
import time
from functools import lru_cache, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.timezone import localdate

from catalogue.logs import Throttled
from profiles.history import content_version

try:
    from redis.exceptions import RedisError
except ImportError:  # without redis installed only the local-memory cache can be configured
    RedisError = OSError

# How long an entry may live. New content never waits for it (the key changes); it only bounds the memory of
# superseded entries and, should a process die between a commit and its version bump, how long that lasts.
TIMEOUT = 60 * 60
# How long a process keeps its own copy (taken from the shared cache, whose copy may be almost TIMEOUT old): short,
# so that a stale shared copy outlives TIMEOUT by at most this, while a page asked often still needs no round trip.
LOCAL_TIMEOUT = 5 * 60
SAFE_METHODS = ("GET", "HEAD")
_RELEASE_PARTS = ("config", "catalogue", "profiles", "templates", "static")
_RELEASE_SUFFIXES = {".py", ".html", ".css", ".js", ".txt", ".json"}


def _release() -> str:
    """A digest of what renders the pages: the apps' code, the templates, the static files and their manifest."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    files = [path for part in _RELEASE_PARTS for path in sorted((base / part).rglob("*"))]
    files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    for path in files:
        if path.suffix in _RELEASE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(path.anchor)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


RELEASE = _release()

# The alias of the cache in each process's own memory in front of a shared one (see above), if configured.
LOCAL = "local"
# What a failing cache raises: the Redis client's errors, and the socket's own.
CACHE_ERRORS = (RedisError, OSError)
CACHE_BACKOFF = 10.0
_log = Throttled(logging.getLogger("catalogue.cache"))


class CacheGuard:
    """Calls the cache unless it failed less than CACHE_BACKOFF seconds ago; remembers the last failure."""

    def __init__(self):
        self._lock = threading.Lock()
        self.failed_at: float | None = None
        self.error = ""

    def call(self, method: str, *args):
        if not self.available():
            return None
        try:
            result = getattr(cache, method)(*args)
        except CACHE_ERRORS as error:
            self.failed(error)
            return None
        self.succeeded()
        return result

    def available(self) -> bool:
        with self._lock:
            return self.failed_at is None or time.monotonic() - self.failed_at >= CACHE_BACKOFF

    def failed(self, error: Exception) -> None:
        with self._lock:
            self.failed_at, self.error = time.monotonic(), type(error).__name__
        _log.warning("cache", "The page cache does not answer (%s); pages are served without it.", self.error)

    def succeeded(self) -> None:
        with self._lock:
            recovered = self.failed_at is not None
            self.failed_at, self.error = None, ""
        if recovered:
            logging.getLogger("catalogue.cache").warning("The page cache answers again.")


guard = CacheGuard()


def public_page(view=None, *, params: tuple[str, ...] = ()):
    """A public page: GET and HEAD only (a Dutch 405 otherwise), cached whole for anonymous visitors.

    `params` are the query parameters the page reads; a request with any other is answered but not cached,
    so that made-up parameters cannot fill the cache with copies of one page. The caching itself is
    PageCacheMiddleware's, which reads `params` from the view the URL resolves to.
    """

    def decorator(view):
        @wraps(view)
        def page(request, *args, **kwargs):
            if request.method not in SAFE_METHODS:
                response = render(request, "405.html", {"method": request.method}, status=405)
                response["Allow"] = ", ".join(SAFE_METHODS)
                return response
            return view(request, *args, **kwargs)

        page.public_params = frozenset(params)
        return page

    return decorator(view) if view is not None else decorator


class PageCacheMiddleware:
    """Answers a cached public page before the session, locale, CSRF, auth and the view run; stores pages after.

    It sits just inside WhiteNoise: a hit costs the version query and one cache read (from this process's own
    copy, or else one round trip to the shared cache), and a stored page
    holds the headers the inner middleware gave it (language, Vary, framing), so a hit answers exactly like a miss.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # What CommonMiddleware would check before any page: a host not in ALLOWED_HOSTS is refused (a 400).
        request.get_host()
        known = _public_params(request)
        if known is None or not _cacheable_request(request, known):
            return self.get_response(request)
        key = page_key(request)
        etag = _etag(key)
        # A browser or proxy that holds this very page asks with its ETag: answered without the cache or a render.
        # Only an exact match: this ETag is only ever given with a 200 for this key, so the page exists (RFC 9110
        # has a server ignore preconditions where the answer would not be a 2xx; `*` or If-Match are left alone).
        if _etag_matches(request, etag):
            return _revalidatable(HttpResponseNotModified(), etag)
        stored = _stored_page(key)
        if stored is not None:
            return _from_cache(stored)  # stored with its ETag and Cache-Control (below): nothing to add
        response = self.get_response(request)
        if _shareable_response(response):
            _revalidatable(response, etag)
            if request.method == "GET":  # a HEAD response has no body to store
                _store_page(key, _for_cache(response))
        return response


def _local_cache():
    return caches[LOCAL] if LOCAL in settings.CACHES else None


def _stored_page(key: str):
    """The page from this process's own copy, or else from the (shared) cache, then kept as this process's copy."""
    local = _local_cache()
    stored = local.get(key) if local else None
    if stored is None:
        stored = guard.call("get", key)
        if stored is not None and local:
            local.set(key, stored, LOCAL_TIMEOUT)
    return stored


def _store_page(key: str, stored: tuple) -> None:
    guard.call("set", key, stored, TIMEOUT)
    local = _local_cache()
    if local:
        local.set(key, stored, LOCAL_TIMEOUT)


def _public_params(request) -> frozenset | None:
    """The query parameters of the public page the request's URL leads to; None for any other URL."""
    return _public_params_of(settings.ROOT_URLCONF, request.path_info)


@lru_cache(maxsize=4096)
def _public_params_of(urlconf: str, path: str) -> frozenset | None:
    # Under one URLconf a path always resolves to the same view: remembered, since resolving costs more than any
    # other step of answering a cached page. Bounded, so that made-up paths only push out others.
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return getattr(match.func, "public_params", None)


def page_key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{RELEASE}:{content_version()}:{localdate().isoformat()}:{path}"


def _etag(key: str) -> str:
    """The page's entity tag: its cache key, digested. New content, a new release or a new day make it new."""
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:20])


def _etag_matches(request, etag: str) -> bool:
    given = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    return any(tag.removeprefix("W/") == etag for tag in given)


def _revalidatable(response, etag: str):
    """Browsers and proxies may keep the page but must ask again before each use (`no-cache`): a 304 is cheap.

    A 304 carries what the page's 200 varies on; every page varies on the language, as LocaleMiddleware says."""
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _cacheable_request(request, known: frozenset) -> bool:
    if request.method not in SAFE_METHODS:
        return False
    # A session (a logged-in editor, a message waiting) or a messages cookie: the page is theirs, not everyone's.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return all(name in known for name in request.GET)


def _shareable_response(response) -> bool:
    """A page for everyone: a 200 that sets no cookie. The inner middleware has run, so a CSRF token that was used
    or a session that was written shows here as a cookie."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


def _for_cache(response) -> tuple:
    return response.status_code, list(response.headers.items()), response.content


def _from_cache(stored: tuple) -> HttpResponse:
    status, headers, content = stored
    return HttpResponse(content, status=status, headers=dict(headers))
