"""The admin as a redacteur uses it: editing, ordering, FUWASYS checks, conflicts and what the role may do."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from profiles.models import BehaviouralIndicator, FunctionTypering, Result, TyperingCode, TyperingScore
from tests.adminforms import form_data, inline_prefix, inline_row, messages_of

SCHAAL_6_CODE = "322333222\xa0 22\xa0 22 (32)"


def change_url(obj) -> str:
    return reverse(f"admin:profiles_{obj._meta.model_name}_change", args=[obj.pk])


def indicator_texts(group, area_id=1) -> list[str]:
    return list(BehaviouralIndicator.objects.filter(group=group, area_id=area_id).values_list("text", flat=True))


@pytest.mark.parametrize("path", ["/admin/", "/admin/profiles/functiongroup/", "/admin/profiles/result/1/change/"])
def test_anonymous_visitors_are_sent_to_the_login(client, catalogue, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_admin_speaks_dutch(redacteur_client, catalogue):
    html = redacteur_client.get("/admin/").content.decode()

    assert "Beheer van de Functiecatalogus Rijk" in html
    assert "Functiegroepen" in html
    assert "Functietyperingen" in html
    assert "Gebruikers" not in html  # a redacteur does not manage users


@pytest.mark.parametrize("model", sorted(admin.site._registry, key=str), ids=lambda model: model._meta.model_name)
def test_every_model_has_a_list_and_a_search_that_answer(admin_client, catalogue, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "informatie"}).status_code == 200


def test_the_group_page_edits_the_kernprofiel_and_links_to_every_schaal(redacteur_client, catalogue):
    html = redacteur_client.get(change_url(catalogue)).content.decode()

    assert "Resultaten (per resultaatgebied)" in html
    assert "Gedragsindicatoren (per resultaatgebied)" in html
    assert "Competenties van het kernprofiel" in html
    for schaal in (5, 6, 7, 8):
        typering = catalogue.typeringen.get(schaal=schaal)
        assert f'<a href="{change_url(typering)}">schaal {schaal}</a>' in html
    assert f'href="{catalogue.get_absolute_url()}"' in html or "/admin/r/" in html  # view on site


def test_a_redacteur_edits_a_result_on_the_group_page(redacteur_client, redacteur, catalogue):
    result = Result.objects.filter(group=catalogue).first()
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    data[f"{inline_row(page, Result, result.pk)}-text"] = "Een herziene resultaattekst"

    response = redacteur_client.post(change_url(catalogue), data, follow=True)

    assert response.status_code == 200, response.context["errors"]
    result.refresh_from_db()
    assert result.text == "Een herziene resultaattekst"
    latest = result.history.first()
    assert (latest.history_type, latest.history_user) == ("~", redacteur)


def test_typing_a_position_moves_an_indicator_and_the_list_is_renumbered(redacteur_client, catalogue):
    before = indicator_texts(catalogue)
    third = BehaviouralIndicator.objects.get(group=catalogue, area_id=1, position=3)
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    data[f"{inline_row(page, BehaviouralIndicator, third.pk)}-position"] = "1"

    redacteur_client.post(change_url(catalogue), data)

    assert indicator_texts(catalogue) == [before[2], before[0], before[1], *before[3:]]
    positions = BehaviouralIndicator.objects.filter(group=catalogue, area_id=1).values_list("position", flat=True)
    assert list(positions) == list(range(1, len(before) + 1))
    assert BehaviouralIndicator.objects.filter(group=catalogue, area_id=2, position=1).get().history.count() == 1


def test_a_new_result_without_a_position_goes_to_the_end_of_its_area(redacteur_client, catalogue):
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    prefix = inline_row(page, Result, Result.objects.filter(group=catalogue).first().pk).rsplit("-", 1)[0]
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update({f"{prefix}-TOTAL_FORMS": str(total + 1), f"{prefix}-{total}-area": "2"})
    data[f"{prefix}-{total}-kind"] = "opsomming"  # the select's first choice, as a browser sends it
    data[f"{prefix}-{total}-text"] = "Een nieuw resultaat"

    redacteur_client.post(change_url(catalogue), data)

    omgeving = list(Result.objects.filter(group=catalogue, area_id=2).values_list("text", "position"))
    assert omgeving[-1] == ("Een nieuw resultaat", len(omgeving))


def test_the_typering_form_shows_the_fourteen_scores_and_the_checks(redacteur_client, catalogue):
    schaal_7 = redacteur_client.get(change_url(catalogue.typeringen.get(schaal=7))).content.decode()
    schaal_6 = redacteur_client.get(change_url(catalogue.typeringen.get(schaal=6))).content.decode()

    assert 'data-fuwasys="valid"' in schaal_7
    assert "<td>11</td><td>Kennis en inzicht</td><td>Kennis en vaardigheden</td><td>2</td>" in schaal_7
    assert 'data-fuwasys="invalid"' in schaal_6
    assert "De code heeft 13 cijfers in plaats van 14." in schaal_6


def save_code(client, typering, code):
    """Change the typering's (first) code in its row on the typering's page, as an editor does."""
    page = client.get(change_url(typering))
    row = inline_row(page, TyperingCode, typering.codes.first().pk)
    return client.post(change_url(typering), {**form_data(page), f"{row}-code": code}, follow=True)


def test_saving_an_inconsistent_code_warns_with_the_reasons_and_keeps_it(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=7)

    response = save_code(redacteur_client, typering, "32332332232332 (40)")

    code = typering.codes.get()
    assert (code.code, code.total) == ("32332332232332 (40)", 40)
    warning = " ".join(messages_of(response))
    assert "Opgeslagen, maar de FUWASYS-code van schaal 7" in warning
    assert "De cijfers staan in groepen van 14 in plaats van 5, 5, 2, 2." in warning
    assert "De cijfers tellen op tot 36, niet tot het vermelde totaal 40." in warning
    assert code.scores.count() == 14  # still 14 readable scores


def test_correcting_a_code_keeps_the_scores_and_total_in_step(redacteur_client, catalogue):
    code = catalogue.typeringen.get(schaal=6).codes.get()
    assert not code.scores.exists()

    response = save_code(redacteur_client, code.typering, "32233 32222 22 22 (32)")

    code.refresh_from_db()
    assert code.total == 32
    assert "".join(str(s) for s in code.scores.values_list("score", flat=True)) == "32233322222222"
    assert not [m for m in messages_of(response) if "klopt niet" in m]


def test_a_code_that_is_no_code_is_refused_in_dutch(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=5)

    response = save_code(redacteur_client, typering, "onbekend")

    assert response.status_code == 200
    assert "is geen FUWASYS-code" in response.content.decode()
    assert typering.codes.get().code != "onbekend"


def test_a_code_without_readable_scores_removes_the_scores(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=8)

    save_code(redacteur_client, typering, "3233 (11)")

    assert not TyperingScore.objects.filter(code__typering=typering).exists()


def test_a_second_code_is_added_as_a_variant_with_its_own_scores(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=7)
    page = redacteur_client.get(change_url(typering))
    data = form_data(page)
    prefix = inline_prefix(page, TyperingCode)
    data[f"{prefix}-TOTAL_FORMS"] = "2"
    data.update({f"{prefix}-1-label": "Variant 2.", f"{prefix}-1-code": "32332 33223 23 33 (37)"})
    first_row = inline_row(page, TyperingCode, typering.codes.get().pk)
    data[f"{first_row}-label"] = "Variant 1."

    redacteur_client.post(change_url(typering), data)

    codes = list(typering.codes.all())
    assert [(code.position, str(code), code.total) for code in codes] == [
        (1, "Variant 1. 32332\xa0 33223\xa0 23\xa0 32 (36)", 36),
        (2, "Variant 2. 32332 33223 23 33 (37)", 37),
    ]
    assert codes[1].scores.get(characteristic__number=14).score == 3
    schaal_page = redacteur_client.get(typering.get_absolute_url()).content.decode()
    assert schaal_page.count('data-fuwasys="valid"') == 2


def test_the_fuwasys_filter_lists_every_inconsistent_code(redacteur_client, catalogue):
    response = redacteur_client.get("/admin/profiles/functiontypering/", {"fuwasys": "onjuist"})

    assert [[str(c) for c in t.codes.all()] for t in response.context["cl"].result_list] == [[SCHAAL_6_CODE]]
    codes = redacteur_client.get("/admin/profiles/typeringcode/", {"fuwasys": "onjuist"})
    assert [code.code for code in codes.context["cl"].result_list] == [SCHAAL_6_CODE]
    groups = redacteur_client.get("/admin/profiles/functiongroup/", {"fuwasys": "onjuist"})
    assert list(groups.context["cl"].result_list) == [catalogue]


def test_a_second_editor_is_told_instead_of_overwriting_the_first(client, redacteur, catalogue):
    other = User.objects.create_user("tweede", is_staff=True)
    other.groups.set(redacteur.groups.all())
    result = Result.objects.filter(group=catalogue).first()
    url = change_url(result)
    client.force_login(redacteur)
    first = form_data(client.get(url))
    client.force_login(other)
    second = form_data(client.get(url))

    client.force_login(redacteur)
    client.post(url, {**first, "text": "Tekst van de eerste redacteur"})
    client.force_login(other)
    response = client.post(url, {**second, "text": "Tekst van de tweede"})

    assert response.status_code == 200
    assert "Iemand anders heeft" in response.content.decode()
    assert "door redacteur" in response.content.decode()
    result.refresh_from_db()
    assert result.text == "Tekst van de eerste redacteur"


def test_a_conflict_in_an_inline_row_is_detected_too(redacteur_client, catalogue):
    result = Result.objects.filter(group=catalogue).first()
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    result.text = "Ondertussen elders gewijzigd"
    result.save()
    data[f"{inline_row(page, Result, result.pk)}-text"] = "Oude pagina"

    response = redacteur_client.post(change_url(catalogue), data)

    assert "Iemand anders heeft" in response.content.decode()
    result.refresh_from_db()
    assert result.text == "Ondertussen elders gewijzigd"


@pytest.mark.parametrize("path", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"])
def test_a_redacteur_cannot_manage_users_or_groups(redacteur_client, catalogue, path):
    assert redacteur_client.get(path).status_code == 403


def test_a_redacteur_has_content_permissions_only(redacteur):
    assert redacteur.has_perm("profiles.change_result")
    assert redacteur.has_perm("profiles.delete_functiongroup")
    assert not redacteur.has_perm("profiles.change_characteristic")
    assert not redacteur.has_perm("profiles.change_typeringscore")
    assert not any(perm.startswith("auth.") for perm in redacteur.get_all_permissions())


def test_the_redacteur_group_comes_from_a_migration(db):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Redacteur")
    assert group.permissions.filter(codename="change_functiongroup").exists()
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_lists_use_a_constant_number_of_queries(admin_client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        admin_client.get("/admin/profiles/typeringline/")


def test_line_pages_link_to_the_public_page(redacteur_client, catalogue):
    result = Result.objects.filter(group=catalogue).first()

    html = redacteur_client.get(change_url(result)).content.decode()

    assert f'href="{catalogue.get_absolute_url()}"' in html


def test_the_typering_list_shows_whether_each_code_is_consistent(redacteur_client, catalogue):
    response = redacteur_client.get("/admin/profiles/functiontypering/")

    assert response.status_code == 200
    assert FunctionTypering.objects.count() == len(response.context["cl"].result_list)
    assert "Codes kloppen" in response.content.decode()


@pytest.mark.postgres
def test_two_simultaneous_saves_on_postgresql_never_both_win(live_catalogue, redacteur):
    """Both saves wait on a row lock the test holds, so both pass the form's checks at the same moment."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection, connections, transaction
    from django.test import Client

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite writes one transaction at a time anyway")
    result = Result.objects.first()
    url = change_url(result)
    clients = [Client(), Client()]
    forms = []
    for client in clients:
        client.force_login(redacteur)
        forms.append(form_data(client.get(url)))

    def save(index):
        try:
            return clients[index].post(url, {**forms[index], "text": f"Tekst {index}"}).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(2) as pool:
        with transaction.atomic():
            Result.objects.select_for_update().get(pk=result.pk)
            saves = [pool.submit(save, index) for index in (0, 1)]
            time.sleep(1.5)  # both requests are now waiting for the row
        statuses = sorted(future.result() for future in saves)

    assert statuses == [200, 302]  # one saved (redirect), the other was told about the conflict
    assert result.history.filter(history_type="~").count() == 1


def test_a_code_with_an_impossible_total_is_refused_not_a_server_error(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=5)

    response = save_code(redacteur_client, typering, "22222 22222 22 22 (99999999999999999999)")

    assert response.status_code == 200
    assert "is geen FUWASYS-code" in response.content.decode()
    assert typering.codes.get().total == 28


def test_a_version_id_that_is_no_number_is_not_found(redacteur_client, catalogue):
    response = redacteur_client.get(f"/admin/profiles/functiongroup/{catalogue.pk}/history/abc/")

    assert response.status_code == 404


def test_the_group_page_reads_its_rows_in_a_fixed_number_of_queries(redacteur_client, catalogue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert redacteur_client.get(change_url(catalogue)).status_code == 200
        return len(context.captured_queries)

    queries()  # the first request also fills caches (content types, permissions)
    with_everything = queries()
    catalogue.results.filter(position__gt=1).delete()
    catalogue.indicators.filter(position__gt=1).delete()

    assert queries() == with_everything


def test_saving_a_code_whose_score_goes_down_warns_about_the_descent(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=8)

    response = save_code(redacteur_client, typering, "32332 33233 23 31 (36)")

    page = response.content.decode()
    assert "Let op, scores dalen bij een hogere schaal:" in page
    assert "Kenmerk 14 (Doel van de contacten) daalt van 2 in schaal 7 naar 1 in schaal 8." in page
