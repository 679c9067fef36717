"""Importing a functiegroep from the admin, as a redacteur does it: preview, import, replace and bring back."""

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from profiles.models import FunctionFamily, FunctionGroup, Result, TyperingLine
from tests.conftest import DATA_DIR, SOURCE_NAME
from tests.test_corpus import ACCEPTED

IMPORT_URL = "/admin/profiles/functiongroup/importeren/"
REMOVED_URL = "/admin/profiles/functiongroup/verwijderd/"
VARIANTS = next(document for document in ACCEPTED if document.name.startswith("07-"))


def fields(text: str, **extra) -> dict:
    return {"text": text, "name": "Communicatieadviseur (test)", "new_family": "Communicatie", **extra}


def test_the_group_list_offers_importing_and_the_removed_groups(redacteur_client, catalogue):
    page = redacteur_client.get("/admin/profiles/functiongroup/").content.decode()

    assert f'href="{IMPORT_URL}">Functiegroep importeren</a>' in page
    assert f'href="{REMOVED_URL}">Verwijderde functiegroepen</a>' in page


def test_a_preview_shows_what_would_be_made_and_writes_nothing(redacteur_client, catalogue):
    before = TyperingLine.objects.count()

    response = redacteur_client.post(IMPORT_URL, {**fields(VARIANTS.path.read_text(encoding="utf-8")), "_preview": "1"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld: zo zou ‘Communicatieadviseur (test)’ worden geïmporteerd (nog niets opgeslagen)" in page
    assert '<th scope="row">Functietyperingen</th><td>2</td>' in page
    assert "Afgeleide regels (" in page and 'class="afgeleid"' in page
    assert "gelezen als deelgebied ‘Variant 1’" in page
    assert TyperingLine.objects.count() == before
    assert not FunctionGroup.objects.filter(name="Communicatieadviseur (test)").exists()


def test_importing_writes_the_group_with_the_editor_in_its_history(redacteur_client, redacteur, catalogue):
    response = redacteur_client.post(
        IMPORT_URL,
        {
            **fields(VARIANTS.path.read_text(encoding="utf-8"), purpose="Is verantwoordelijk voor communicatie."),
            "_import": "1",
        },
        follow=True,
    )

    group = FunctionGroup.objects.get(name="Communicatieadviseur (test)")
    assert response.redirect_chain[-1][0] == f"/admin/profiles/functiongroup/{group.pk}/change/"
    assert "is geïmporteerd" in response.content.decode()
    assert (group.family.name, group.purpose) == ("Communicatie", "Is verantwoordelijk voor communicatie.")
    assert str(group.typeringen.first().codes.first()).startswith("Variant 1.")
    assert Result.history.filter(group_id=group.pk).first().history_user == redacteur


def test_a_page_that_cannot_be_placed_is_refused_on_the_form_with_its_line(redacteur_client, catalogue):
    text = VARIANTS.path.read_text(encoding="utf-8").replace("Schaal 10", "Schaal tien")
    line = next(n for n, raw in enumerate(text.splitlines(), start=1) if raw.strip() == "Schaal tien")

    response = redacteur_client.post(IMPORT_URL, {**fields(text), "_import": "1"})

    assert response.status_code == 400
    assert f"regel {line}: ‘Schaal tien’: verwacht ‘Schaal’ met een getal" in response.content.decode()
    assert not FunctionGroup.objects.filter(name="Communicatieadviseur (test)").exists()
    assert not FunctionFamily.objects.filter(name="Communicatie").exists()


def test_the_form_says_what_is_missing(redacteur_client, catalogue):
    response = redacteur_client.post(IMPORT_URL, {"name": "", "_preview": "1"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Plak de tekst van de pagina, of kies een tekstbestand." in page
    assert "Kies een functiefamilie, of geef de naam van een nieuwe." in page


def test_an_uploaded_file_is_read_and_kept_for_the_import(redacteur_client, catalogue):
    upload = SimpleUploadedFile("pagina.txt", VARIANTS.path.read_bytes(), content_type="text/plain")

    response = redacteur_client.post(IMPORT_URL, {**fields(""), "file": upload, "_preview": "1"})

    assert response.status_code == 200
    assert response.context["form"]["text"].value().startswith("Resultaten")


def test_a_file_that_is_not_utf8_is_refused_in_dutch(redacteur_client, catalogue):
    upload = SimpleUploadedFile("pagina.txt", "Resultaten\nco\xf6rdinatie\n".encode("latin-1"))

    response = redacteur_client.post(IMPORT_URL, {**fields(""), "file": upload, "_preview": "1"})

    assert response.status_code == 400
    assert "Dit bestand is geen tekst in UTF-8" in response.content.decode()


def test_replacing_shows_what_changes_and_the_old_version_comes_back(redacteur_client, catalogue, source_text):
    edited = Result.objects.filter(group=catalogue).first()
    edited.text = "Door een redacteur herschreven"
    edited.save()
    form = {"text": source_text, "name": SOURCE_NAME, "family": catalogue.family.pk, "fgr_id": "528", "replace": "on"}

    preview = redacteur_client.post(IMPORT_URL, {**form, "_preview": "1"}).content.decode()
    redacteur_client.post(IMPORT_URL, {**form, "_import": "1"})
    removed = redacteur_client.get(REMOVED_URL)
    version = removed.context["removed"][0]
    restored = redacteur_client.post(REMOVED_URL, {"version": version.history_id}, follow=True)

    assert "Deze import vervangt functiegroep ‘Medewerker ICT / Techniek / Informatiebeheer / DIV’." in preview
    assert "Vervallen: 1 regel; nieuw: 1 regel; gelijk: " in preview
    assert "<del>Door een redacteur herschreven</del>" in preview
    assert version.history_change_reason == "Vervangen bij een nieuwe import"
    assert "is teruggezet" in restored.content.decode()
    assert Result.objects.filter(text="Door een redacteur herschreven").exists()


def test_without_replace_an_existing_group_is_refused(redacteur_client, catalogue, source_text):
    form = {"text": source_text, "name": SOURCE_NAME, "family": catalogue.family.pk, "_import": "1"}

    response = redacteur_client.post(IMPORT_URL, form)

    assert response.status_code == 400
    assert "bestaat al; niets geïmporteerd" in response.content.decode()


def test_only_editors_may_import(client, catalogue):
    client.force_login(User.objects.create_user("lezer", is_staff=True))

    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(REMOVED_URL, {"version": "1"}).status_code == 403


def test_the_older_test_page_imports_through_the_admin_too(redacteur_client, catalogue):
    text = (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8")

    redacteur_client.post(IMPORT_URL, {**fields(text, name="Beleidsmedewerker (test)"), "_import": "1"})

    assert FunctionGroup.objects.get(name="Beleidsmedewerker (test)").typeringen.count() == 2
