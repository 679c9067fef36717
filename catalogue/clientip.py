"""The client's address for counting failed logins (django-axes), also behind a load balancer.

Without proxies (DJANGO_PROXY_COUNT=0) it is the connection's address. Behind N proxies that each append the
address they received the request from to X-Forwarded-For, it is the N-th address from the right: the ones to
its left were sent by the client and could be anything.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    count = settings.PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
