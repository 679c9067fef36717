"""The admin as editors meet it: a start page that says where to begin, tables grouped for their work, the login
security hidden from a redacteur and in Dutch for a superuser, and Dutch articles in the admin's messages."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from profiles import content
from profiles.models import FunctionTypering
from tests.adminforms import form_data, messages_of
from tests.test_history import REVISED, edit_in_admin


def start_page(client) -> str:
    return client.get(reverse("admin:index")).content.decode()


def test_the_start_page_says_where_to_begin(redacteur_client, catalogue):
    html = start_page(redacteur_client)

    assert '<h2 id="start-title">Waar wilt u beginnen?</h2>' in html
    assert f'action="{reverse("admin:profiles_functiongroup_changelist")}"' in html
    assert reverse("admin:profiles_functiongroup_import") in html
    assert reverse("admin:profiles_functiongroup_removed") in html
    assert "Alle functiegroepen (1)" in html


def test_the_start_page_leads_to_the_codes_that_do_not_add_up(redacteur_client, catalogue):
    html = start_page(redacteur_client)

    assert "1 functietypering met een code die niet klopt" in html
    listed = redacteur_client.get(reverse("admin:profiles_functiontypering_changelist"), {"fuwasys": "onjuist"})
    assert [row.schaal for row in listed.context["cl"].result_list] == [6]


def test_the_start_page_shows_recent_edits_with_who(redacteur_client, catalogue, result):
    assert "Nog geen wijzigingen in het beheer." in start_page(redacteur_client)

    edit_in_admin(redacteur_client, result, text=REVISED)

    html = start_page(redacteur_client)
    assert "redacteur:" in html
    assert f"Resultaat gewijzigd: ‘{REVISED[:80]}" in html


def test_the_tables_come_in_sections_for_editors_and_security_stays_hidden(redacteur_client, catalogue):
    app_list = redacteur_client.get(reverse("admin:index")).context["app_list"]

    assert [app["name"] for app in app_list] == [
        "Functiegroepen en hun schalen",
        "Losse regels en onderdelen",
        "Vaste begrippen van het FGR",
    ]
    assert [model["object_name"] for model in app_list[0]["models"]][:3] == [
        "FunctionGroup",
        "FunctionTypering",
        "QualityProfile",
    ]


def test_a_superuser_sees_the_login_security_in_dutch(admin_client, catalogue):
    html = start_page(admin_client)

    assert "Beveiliging van het aanmelden" in html
    assert "Geblokkeerde en mislukte aanmeldpogingen" in html
    assert "Access attempt" not in html and "Access log" not in html
    assert "Model name" not in html


def test_the_tables_page_is_named_for_the_catalogue(redacteur_client, catalogue):
    response = redacteur_client.get(reverse("admin:app_list", args=["profiles"]))

    assert response.context["title"] == "Inhoud van de catalogus"


CATALOGUE_MODELS = sorted((m for m in admin.site._registry if m._meta.app_label == "profiles"), key=str)


@pytest.mark.parametrize("model", CATALOGUE_MODELS, ids=lambda model: model._meta.model_name)
def test_every_models_message_has_the_right_article(admin_client, catalogue, model):
    obj = model.objects.order_by("pk").first()
    url = reverse(f"admin:profiles_{model._meta.model_name}_change", args=[obj.pk])

    response = admin_client.post(url, form_data(admin_client.get(url)), follow=True)

    expected = f"{content.article(model).capitalize()} {model._meta.verbose_name} ‘"
    assert [message for message in messages_of(response) if message.startswith(expected)], messages_of(response)


def test_a_neuter_name_takes_het_and_a_common_one_de(redacteur_client, catalogue, result):
    typering = FunctionTypering.objects.get(group=catalogue, schaal=7)

    neuter = messages_of(edit_in_admin(redacteur_client, result, text=REVISED))
    common = messages_of(edit_in_admin(redacteur_client, typering))

    assert re.sub("<[^>]+>", "", neuter[0]) == f"Het resultaat ‘{REVISED}’ is met succes gewijzigd."
    assert common[0].startswith("De functietypering ‘")
