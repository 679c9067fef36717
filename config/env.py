"""Small typed readers for environment variables; a bad value stops start-up with a clear message."""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use one of: true, false, 1, 0, yes, no.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name} is set but empty; give a comma-separated list, e.g. 'example.nl'.")
    return items


def env_database(name: str, default: str) -> dict:
    url = env_str(name) or default
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"{name}={url!r} is not a database URL; use e.g. 'postgres://user@127.0.0.1:5432/functiecatalogus' "
            f"or 'sqlite:///path/to/db.sqlite3' ({error})."
        ) from error
    if config.get("ENGINE") not in {"django.db.backends.postgresql", "django.db.backends.sqlite3"}:
        raise ImproperlyConfigured(f"{name}={url!r}: only PostgreSQL and SQLite are supported.")
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={url!r} names no database.")
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A database that does not answer is an error within seconds (a Dutch 503), not a hung worker.
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    return config


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """A header line such as 'X-Forwarded-Proto: https' as Django's SECURE_PROXY_SSL_HEADER, or None if unset."""
    raw = env_str(name)
    if not raw:
        return None
    header, colon, value = raw.partition(":")
    header, value = header.strip(), value.strip()
    if not colon or not value or not header.replace("-", "").isalnum():
        raise ImproperlyConfigured(f"{name}={raw!r} is not a header line; use e.g. 'X-Forwarded-Proto: https'.")
    return "HTTP_" + header.upper().replace("-", "_"), value


def env_redis_url(name: str) -> str:
    """A Redis URL (redis:// or rediss:// with TLS, optionally /db-number), or '' if unset."""
    url = env_str(name)
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss"} or not parts.hostname:
        raise ImproperlyConfigured(f"{name}={url!r} is not a Redis URL; use e.g. 'redis://127.0.0.1:6379/0'.")
    database = parts.path.strip("/")
    if database and not database.isdigit():
        raise ImproperlyConfigured(f"{name}={url!r}: the path must be a database number, e.g. '/0'.")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}={url!r} has a bad port ({error}).") from error
    return url
