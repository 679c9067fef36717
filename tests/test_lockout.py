"""Guessing an admin password: after five wrong ones, that user name is locked out from that address (axes)."""

import pytest
from django.core.management import call_command
from django.test import Client

from tests.conftest import PASSWORD

LOGIN = "/admin/login/?next=/admin/"


def log_in(client, password, username="redacteur", **extra):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra)


def guess(client, times=5, **extra):
    """`times` wrong passwords: the login form says so, until the fifth, which is answered with the lock-out."""
    for number in range(1, times + 1):
        response = log_in(client, f"geraden-{number}", **extra)
        if number < 5:
            assert response.status_code == 200
            assert "Voer de correcte gebruikersnaam en wachtwoord voor een stafaccount in" in response.content.decode()
        else:
            assert response.status_code == 429


def test_five_wrong_passwords_lock_the_user_name_out_with_a_dutch_page(client, redacteur):
    guess(client)

    response = log_in(client, PASSWORD)  # even the right password, now

    assert response.status_code == 429
    page = response.content.decode()
    assert "<h1>Tijdelijk geblokkeerd</h1>" in page
    assert "probeer het over 15 minuten opnieuw" in page
    assert '<html lang="nl">' in page


def test_four_wrong_passwords_do_not_lock_and_a_success_starts_the_count_again(client, redacteur):
    guess(client, times=4)
    assert log_in(client, PASSWORD).status_code == 302

    client.logout()
    guess(client, times=4)
    assert log_in(client, PASSWORD).status_code == 302


def test_the_lock_out_is_for_that_user_name_from_that_address(client, redacteur, django_user_model):
    django_user_model.objects.create_user("collega", password=PASSWORD, is_staff=True)
    guess(client)

    assert log_in(Client(), PASSWORD, username="collega").status_code == 302
    assert log_in(Client(REMOTE_ADDR="192.0.2.7"), PASSWORD).status_code == 302
    assert log_in(Client(), PASSWORD).status_code == 429


def test_an_administrator_can_lift_a_lock_out(client, redacteur):
    guess(client)
    assert log_in(client, PASSWORD).status_code == 429

    call_command("axes_reset", verbosity=0)

    assert log_in(client, PASSWORD).status_code == 302


def test_behind_a_load_balancer_the_address_it_saw_counts_not_what_the_client_claims(settings, redacteur):
    settings.PROXY_COUNT = 1
    for number in range(5):
        claimed = f"198.51.100.{number}, 203.0.113.9"  # the left part is the client's to invent
        log_in(Client(), f"geraden-{number}", HTTP_X_FORWARDED_FOR=claimed)

    assert log_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.9").status_code == 429
    assert log_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 302


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [(0, "198.51.100.1", "127.0.0.1"), (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"), (2, "a, b, c", "b")],
)
def test_the_client_address(rf, settings, count, forwarded, expected):
    from catalogue.clientip import client_ip

    settings.PROXY_COUNT = count

    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR=forwarded)) == expected
