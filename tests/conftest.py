import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.management import call_command

from profiles import catalogue_data
from profiles.models import Characteristic, FunctionGroup, ResultArea
from profiles.reference_data import create_reference_data
from profiles.roles import create_editor_group
from tests.catalogue_copy import CatalogueCopy, LiveCatalogue

# Playwright's sync API keeps an event loop running in the test thread; Django would then refuse
# database access from the test itself (live_server fixtures, assertions on the database).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
DATA_DIR = Path(__file__).parent / "data"
SOURCE_NAME = "Medewerker ICT / Techniek / Informatiebeheer / DIV"
SOURCE_SLUG = "medewerker-ict-techniek-informatiebeheer-div"
PASSWORD = "een-lang-wachtwoord-voor-tests"
# A public page reads the content version for its cache key (catalogue/pagecache.py): one query on top of its own.
VERSION_QUERY = 1


@pytest.fixture(autouse=True)
def _fast_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Hashed names need collectstatic first; tests/test_production.py runs it and serves the hashed files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
    # Every test starts with an empty page cache (local memory outlives a test's database rollback).
    cache.clear()


@pytest.fixture
def source_text() -> str:
    return catalogue_data.sources()[0].path.read_text(encoding="utf-8")


@pytest.fixture
def reference_data(db):
    """The rows the data migration creates; transactional tests flush them, so recreate them."""
    create_reference_data(ResultArea, Characteristic)


def pytest_collection_modifyitems(items):
    for item in items:
        if "production_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


_catalogue_copy = CatalogueCopy()


@pytest.fixture
def catalogue(reference_data) -> FunctionGroup:
    """The default catalogue, loaded the way `make run` loads it (once a session; then copied, see catalogue_copy)."""
    _catalogue_copy.load(stdout=StringIO())
    return FunctionGroup.objects.get(slug=SOURCE_SLUG)


def _load_live_catalogue() -> None:
    create_reference_data(ResultArea, Characteristic)
    call_command("setup_catalogue", stdout=StringIO())


_live_catalogue = LiveCatalogue(_load_live_catalogue)


@pytest.fixture
def live_catalogue(transactional_db, live_server):
    """The default catalogue, committed, behind a live server (loaded once a session; then put back whole)."""
    _live_catalogue.load()
    return live_server


@pytest.fixture
def result(catalogue):
    """A result line of the default group, as the source words it (tests/test_history.py: ORIGINAL)."""
    from tests.test_history import ORIGINAL

    return catalogue.results.get(text=ORIGINAL)


@pytest.fixture
def redacteur(db) -> User:
    """A content administrator: staff, in the group Redacteur (recreated: transactional tests flush it)."""
    user = User.objects.create_user("redacteur", password=PASSWORD, is_staff=True)
    user.groups.add(create_editor_group(Group, Permission))
    return user


@pytest.fixture
def redacteur_client(client, redacteur):
    client.force_login(redacteur)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        reason = f"Chromium not found at {CHROMIUM}; install Debian's package: apt-get install chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (browser tests may not be skipped in CI)")
        pytest.skip(reason)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _one_database_only(request):
    from django.db import connection

    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")
    if request.node.get_closest_marker("sqlite") and connection.vendor != "sqlite":
        pytest.skip("about SQLite (run without DATABASE_URL)")


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The catalogue set up in production mode: migrated database, default data, collectstatic (hashed names)."""
    from tests.servers import prepare_site

    return prepare_site(tmp_path_factory.mktemp("production"))


REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_url():
    """A Redis URL for this test (logical database 7 unless REDIS_TEST_URL says otherwise), and a key prefix of its
    own; the test's keys, and only those, are removed afterwards."""
    import uuid

    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        reason = f"Redis does not answer at {REDIS_TEST_URL} ({error}); start it: redis-server --daemonize yes"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (Redis tests may not be skipped in CI)")
        pytest.skip(reason)
    prefix = f"fc-test-{uuid.uuid4().hex[:12]}"
    yield REDIS_TEST_URL, prefix, client
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        client.delete(key)
    client.close()


@pytest.fixture
def descending_schaal_8(catalogue) -> FunctionGroup:
    """The catalogue with kenmerk 14 of schaal 8 lowered to 1 (2 at schaal 7), in its code and its score alike."""
    code = catalogue.typeringen.get(schaal=8).codes.get()
    digits = code.parsed.digits[:13] + "1"
    code.code = f"{digits[:5]} {digits[5:10]} {digits[10:12]} {digits[12:]} ({sum(map(int, digits))})"
    code.total = sum(map(int, digits))
    code.save()
    code.scores.filter(characteristic__number=14).update(score=1)
    return catalogue


@pytest.fixture
def corpus_group(catalogue):
    """Import a document of tests/data/corpus, by its number ("07"), as a group of the family "Corpus"."""
    from profiles.importer import GroupIdentity, import_group
    from tests.test_corpus import ACCEPTED

    def imported(number: str) -> FunctionGroup:
        document = next(document for document in ACCEPTED if document.name.startswith(f"{number}-"))
        identity = GroupIdentity(name=document.name, family="Corpus", purpose="Is verantwoordelijk voor een test.")
        return import_group(document.path.read_text(encoding="utf-8"), identity).group

    return imported
