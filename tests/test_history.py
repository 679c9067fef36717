"""Every content change is recorded, can be read as a diff, restored, and is listed on "Wijzigingen"."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from profiles import history
from profiles.models import FunctionGroup, Result, TyperingLine
from tests.adminforms import form_data, messages_of
from tests.conftest import SOURCE_NAME, VERSION_QUERY

ORIGINAL = "De klant is effectief ondersteund bij het formuleren van zijn/haar (informatie)vraag, verzoek of probleem"
REVISED = "De klant is snel en effectief geholpen bij het formuleren van zijn/haar (informatie)vraag"

# How the public page marks a change, words for screen readers included.
ADDED = '<ins><span class="visually-hidden">toegevoegd: </span>'
REMOVED = '<del><span class="visually-hidden">verwijderd: </span>'


def edit_in_admin(client, obj, **changes):
    url = reverse(f"admin:profiles_{obj._meta.model_name}_change", args=[obj.pk])
    return client.post(url, {**form_data(client.get(url)), **changes}, follow=True)


def history_url(obj) -> str:
    return reverse(f"admin:profiles_{obj._meta.model_name}_history", args=[obj.pk])


def restore_url(record) -> str:
    return reverse(f"admin:profiles_{record.instance._meta.model_name}_simple_history", args=[record.id, record.pk])


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_loading_the_catalogue_records_a_first_version_of_every_row(catalogue):
    assert Result.history.count() == Result.objects.count()
    assert TyperingLine.history.filter(history_type="+", history_change_reason=history.LOADED).count() == (
        TyperingLine.objects.count()
    )


def test_setup_records_a_first_version_of_content_that_has_none(catalogue):
    Result.history.all().delete()  # as in a database from before the history was kept

    output = run("setup_catalogue")

    assert f"Van {Result.objects.count()} records zonder geschiedenis" in output
    assert Result.history.count() == Result.objects.count()
    assert "zonder geschiedenis" not in run("setup_catalogue")


def test_an_edit_records_who_when_and_what(redacteur_client, redacteur, result):
    edit_in_admin(redacteur_client, result, text=REVISED)

    latest, first = result.history.all()[:2]
    assert (latest.history_type, latest.history_user, latest.text) == ("~", redacteur, REVISED)
    assert [change.field for change in latest.diff_against(first).changes] == ["text"]


def test_the_history_page_shows_a_readable_word_diff_in_dutch(redacteur_client, result):
    edit_in_admin(redacteur_client, result, text=REVISED)

    html = redacteur_client.get(history_url(result)).content.decode()

    assert "Geschiedenis van" in html
    assert "Wat veranderde" in html
    assert "<strong>Tekst:</strong>" in html
    assert '<span class="history-old"><span>De klant is </span><span>effectief </span><del>ondersteund</del>' in html
    assert '<span class="history-new"><span>De klant is </span><ins>snel en </ins><span>effectief </span>' in html
    assert "Standaardcatalogus geladen" in html


def test_a_redacteur_restores_the_earlier_text(redacteur_client, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    original = result.history.earliest()
    page = redacteur_client.get(restore_url(original))
    assert "Deze versie terugzetten" in page.content.decode()

    response = redacteur_client.post(restore_url(original), follow=True)  # the page has a button and no fields

    result.refresh_from_db()
    assert result.text == ORIGINAL
    assert "is teruggezet" in " ".join(messages_of(response))
    latest = result.history.first()
    assert latest.history_change_reason.startswith("Teruggezet naar de versie van ")
    assert result.history.count() == 3  # nothing was lost: the revised text is still a version


def test_restoring_an_old_code_brings_its_scores_back(redacteur_client, catalogue):
    code = catalogue.typeringen.get(schaal=7).codes.get()
    edit_in_admin(redacteur_client, code, code="3233 (11)")
    assert not code.scores.exists()
    original = code.history.earliest()

    redacteur_client.post(restore_url(original))

    code.refresh_from_db()
    assert (code.code, code.total) == (original.code, 36)
    assert code.scores.count() == 14


def test_replacing_a_group_by_import_keeps_the_old_content_restorable(catalogue, tmp_path, source_text):
    Result.objects.filter(pk=Result.objects.get(text=ORIGINAL).pk).update(text="Bewerkt")  # a lost-looking edit
    edited = Result.objects.get(text="Bewerkt")
    edited.save()  # recorded, as an admin save would be
    before = run("export_catalogue")
    source = tmp_path / "source.txt"
    source.write_text(source_text, encoding="utf-8")

    run("import_fgr", str(source), "--name", SOURCE_NAME, "--family", "Bedrijfsvoering", "--fgr-id", "528", "--replace")

    assert not Result.objects.filter(text="Bewerkt").exists()
    removed = FunctionGroup.history.get(history_type="-")
    assert removed.history_change_reason == history.REPLACED
    assert Result.history.filter(history_type="-", text="Bewerkt").exists()
    assert str(removed.history_id) in run("restore_group")

    output = run("restore_group", str(removed.history_id))

    assert "Hersteld: functiegroep ‘Medewerker ICT / Techniek / Informatiebeheer / DIV’" in output
    assert run("export_catalogue") == before


def test_a_group_deleted_in_the_admin_can_be_restored(admin_client, catalogue):
    before = run("export_catalogue")
    url = reverse("admin:profiles_functiongroup_delete", args=[catalogue.pk])

    admin_client.post(url, {"post": "yes"})

    assert not FunctionGroup.objects.exists()
    run("restore_group", str(FunctionGroup.history.get(history_type="-").history_id))
    assert run("export_catalogue") == before


def test_restoring_an_unknown_version_is_a_clear_error(catalogue):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Er is geen verwijderde functiegroep met versie 999"):
        run("restore_group", "999")


def test_the_changes_page_lists_an_edit_with_its_diff_but_not_who(redacteur_client, client, result):
    edit_in_admin(redacteur_client, result, text=REVISED)

    response = client.get("/wijzigingen/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert "<h1>Wijzigingen</h1>" in html
    assert "Resultaat gewijzigd in" in html
    assert "(Resultaten, Opdracht(gever) (ambtelijk))" in html
    assert f"De klant is {ADDED}snel en </ins>effectief {REMOVED}ondersteund</del>{ADDED}geholpen</ins> bij" in html
    assert "redacteur" not in html
    assert 'href="/wijzigingen/" aria-current="page"' in html


def test_the_changes_page_shows_bulk_work_once_per_group(client, catalogue):
    html = client.get("/wijzigingen/").content.decode()

    assert "Functiegroep toegevoegd" in html
    assert "(standaardcatalogus geladen)" in html
    assert "Resultaat toegevoegd" not in html


def test_the_changes_page_shows_a_restore(redacteur_client, client, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    original = result.history.earliest()
    redacteur_client.post(restore_url(original))

    html = client.get("/wijzigingen/").content.decode()

    assert "(teruggezet naar de versie van " in html
    assert f"De klant is {REMOVED}snel en </del>effectief {REMOVED}geholpen</del>{ADDED}ondersteund</ins> bij" in html


def test_an_empty_catalogue_has_no_changes(client, db):
    assert "Er zijn nog geen wijzigingen vastgelegd." in client.get("/wijzigingen/").content.decode()


@pytest.mark.parametrize("edits", [1, 8])
def test_the_changes_page_query_count_does_not_grow(client, catalogue, django_assert_num_queries, edits):
    for number, line in enumerate(TyperingLine.objects.all()[:edits]):
        line.text = f"Gewijzigd {number}"
        line.save()
    Result.objects.first().delete()

    with django_assert_num_queries(17 + VERSION_QUERY):
        client.get("/wijzigingen/")
