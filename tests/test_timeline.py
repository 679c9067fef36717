"""A group's history is the history of everything in it: one numbered timeline, restoring from it, old versions
read-only, and back to the page the editor came from."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from profiles import content, history
from profiles.models import (
    BehaviouralIndicator,
    FunctionGroup,
    QualityProfileLine,
    Result,
    TyperingCode,
    TyperingLine,
)
from tests.adminforms import form_data, inline_prefix, inline_row, messages_of
from tests.test_history import ORIGINAL, REVISED, edit_in_admin


def timeline_url(obj) -> str:
    return reverse(f"admin:profiles_{obj._meta.model_name}_history", args=[obj.pk])


def change_url(obj) -> str:
    return reverse(f"admin:profiles_{obj._meta.model_name}_change", args=[obj.pk])


def entries(client, obj):
    return list(client.get(timeline_url(obj)).context["page_obj"])


def choose(client, obj, number: int, action: str, **extra):
    """Press a button of entry `number` on obj's timeline, as the page renders it."""
    entry = next(entry for entry in entries(client, obj) if entry.number == number)
    data = {"wijziging": str(number), "sleutel": str(entry.order), "actie": action}
    return client.post(timeline_url(obj), data, **extra)


def export() -> str:
    out = StringIO()
    call_command("export_catalogue", stdout=out)
    return out.getvalue()


def catalogue_rows() -> int:
    """Every row the loading wrote for the group but the FUWASYS scores, which follow their code."""
    total = 1
    for model, *_ in content.descendants(FunctionGroup):
        if model not in content.DERIVED:
            total += model.history.filter(history_change_reason=history.LOADED).count()
    return total


def test_an_edited_line_is_in_its_groups_timeline_with_who_and_a_word_diff(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)

    response = redacteur_client.get(timeline_url(catalogue))

    html = response.content.decode()
    newest, loaded = response.context["page_obj"]
    (item,) = newest.items
    assert (newest.number, newest.who, item.action_label, item.label) == (2, "redacteur", "gewijzigd", REVISED)
    assert item.where == "Resultaten, Opdracht(gever) (ambtelijk)"
    assert (loaded.number, loaded.reason, loaded.is_batch, loaded.count) == (1, history.LOADED, True, catalogue_rows())
    assert "<h2>Wijziging 2</h2>" in html
    assert "Resultaat gewijzigd" in html
    assert "door redacteur" in html
    assert '<ins><span class="visually-hidden">toegevoegd: </span>snel en </ins>' in html


def test_one_save_on_the_group_page_is_one_change(redacteur_client, catalogue):
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    first, second = Result.objects.filter(group=catalogue, area_id=1).order_by("position")[:2]
    data[f"{inline_row(page, Result, first.pk)}-text"] = "Eerste regel herzien"
    data[f"{inline_row(page, Result, second.pk)}-text"] = "Tweede regel herzien"

    redacteur_client.post(change_url(catalogue), data)

    newest = entries(redacteur_client, catalogue)[0]
    assert newest.number == 2
    assert sorted(item.label for item in newest.items) == ["Eerste regel herzien", "Tweede regel herzien"]


def test_lines_of_typeringen_and_profiles_are_in_the_group_and_in_their_own_timeline(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=7)
    line = TyperingLine.objects.filter(section__typering=typering).first()
    profile_line = QualityProfileLine.objects.filter(section__profile__group=catalogue).first()
    edit_in_admin(redacteur_client, line, text="Een andere typeringsregel")
    edit_in_admin(redacteur_client, profile_line, text="Een andere profielregel")

    group_entries = entries(redacteur_client, catalogue)
    typering_entries = entries(redacteur_client, typering)

    labels = [entry.items[0].label for entry in group_entries[:2]]
    assert labels == ["Een andere profielregel", "Een andere typeringsregel"]
    assert group_entries[1].items[0].where.startswith("Functietypering schaal 7, ")
    schaal = profile_line.section.profile.schaal
    assert group_entries[0].items[0].where.startswith(f"Kwaliteitenprofiel schaal {schaal}")
    edits = [entry.items[0].label for entry in typering_entries if not entry.is_batch]
    assert edits == ["Een andere typeringsregel"]
    assert typering_entries[0].number == 2  # numbered per timeline


def test_numbers_belong_to_one_group(redacteur_client, catalogue, corpus_group, result):
    other = corpus_group("01")
    edit_in_admin(redacteur_client, result, text=REVISED)

    assert [entry.number for entry in entries(redacteur_client, other)] == [1]
    assert [entry.number for entry in entries(redacteur_client, catalogue)] == [2, 1]


def test_a_typering_moved_to_another_group_leaves_the_first_groups_timeline(redacteur_client, catalogue, corpus_group):
    other = corpus_group("01")
    typering = catalogue.typeringen.get(schaal=8)
    typering.group = other
    typering.save()
    line = TyperingLine.objects.filter(section__typering=typering).first()
    line.text = "Bewerkt in de andere groep"
    line.save()

    mine = [item.label for entry in entries(redacteur_client, catalogue) for item in entry.items]
    theirs = [item.label for entry in entries(redacteur_client, other) for item in entry.items]

    assert "schaal 8" in theirs  # the version that moved it
    assert "Bewerkt in de andere groep" in theirs
    assert mine == []  # the first group keeps its load, not what happened to the typering since


def test_a_change_is_undone_from_the_timeline_and_the_editor_is_back_on_the_group(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)

    response = choose(redacteur_client, catalogue, 2, "ongedaan")

    assert response.status_code == 302
    assert response.url == change_url(catalogue)
    result.refresh_from_db()
    assert result.text == ORIGINAL
    assert "Wijziging 2 is ongedaan gemaakt." in messages_of(redacteur_client.get(response.url))
    newest = entries(redacteur_client, catalogue)[0]
    assert (newest.number, newest.reason, newest.who) == (3, "Wijziging 2 ongedaan gemaakt", "redacteur")


def test_undoing_a_change_leaves_later_changes_to_other_fields(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    edit_in_admin(redacteur_client, result, continuation="Een vervolgregel")

    choose(redacteur_client, catalogue, 2, "ongedaan")

    result.refresh_from_db()
    assert (result.text, result.continuation) == (ORIGINAL, "Een vervolgregel")


def test_a_field_changed_again_since_is_not_undone_silently(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    edit_in_admin(redacteur_client, result, text="Nog een keer anders")

    response = choose(redacteur_client, catalogue, 2, "ongedaan")

    assert response.status_code == 400
    assert "sindsdien opnieuw gewijzigd" in response.content.decode()
    result.refresh_from_db()
    assert result.text == "Nog een keer anders"


def test_a_reordering_is_undone_whole(redacteur_client, catalogue):
    before = list(BehaviouralIndicator.objects.filter(group=catalogue, area_id=1).values_list("text", flat=True))
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    third = BehaviouralIndicator.objects.get(group=catalogue, area_id=1, position=3)
    data[f"{inline_row(page, BehaviouralIndicator, third.pk)}-position"] = "1"
    redacteur_client.post(change_url(catalogue), data)

    response = choose(redacteur_client, catalogue, 2, "ongedaan")

    assert response.status_code == 302
    after = list(BehaviouralIndicator.objects.filter(group=catalogue, area_id=1).values_list("text", flat=True))
    assert after == before


def test_a_typering_deleted_in_the_admin_is_one_change_that_can_be_undone(redacteur_client, catalogue):
    before = export()
    typering = catalogue.typeringen.get(schaal=8)
    redacteur_client.post(reverse("admin:profiles_functiontypering_delete", args=[typering.pk]), {"post": "yes"})
    assert not catalogue.typeringen.filter(schaal=8).exists()
    assert [entry.number for entry in entries(redacteur_client, catalogue)] == [2, 1]

    choose(redacteur_client, catalogue, 2, "ongedaan")

    assert export() == before


def test_the_whole_group_goes_back_to_how_it_was_after_a_change(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    after_the_edit = export()
    with history.together():  # as one save in the admin
        BehaviouralIndicator.objects.filter(group=catalogue).first().delete()
        catalogue.typeringen.get(schaal=8).delete()

    response = choose(redacteur_client, catalogue, 2, "terugzetten", follow=True)

    assert export() == after_the_edit
    assert "staat weer zoals na wijziging 2" in " ".join(messages_of(response))
    assert response.redirect_chain[-1][0] == change_url(catalogue)
    newest = entries(redacteur_client, catalogue)[0]
    assert (newest.reason, newest.is_batch) == (history.RESTORED, True)


def test_going_back_to_a_code_edit_keeps_the_code_and_its_scores_together(redacteur_client, catalogue):
    code = catalogue.typeringen.get(schaal=7).codes.get()
    edit_in_admin(redacteur_client, code, code="3233 (11)")
    edit_in_admin(redacteur_client, code, code=code.code)
    assert code.scores.count() == 14

    choose(redacteur_client, catalogue, 2, "terugzetten")

    restored = TyperingCode.objects.get(pk=code.pk)
    assert (restored.code, restored.scores.count()) == ("3233 (11)", 0)


def test_an_added_line_is_undone_and_a_removed_one_comes_back_in_its_place(redacteur_client, catalogue, result):
    pk, position = result.pk, result.position
    result.delete()
    added = Result.objects.create(group=catalogue, area=result.area, position=99, text="Een nieuwe regel")

    choose(redacteur_client, catalogue, 3, "ongedaan")
    choose(redacteur_client, catalogue, 2, "ongedaan")

    assert not Result.objects.filter(pk=added.pk).exists()
    assert (Result.objects.get(pk=pk).position, Result.objects.get(pk=pk).text) == (position, ORIGINAL)


def test_a_removed_line_whose_place_is_taken_goes_to_the_end_with_a_note(redacteur_client, catalogue, result):
    pk, position = result.pk, result.position
    result.delete()
    Result.objects.create(group=catalogue, area=result.area, position=position, text="Op dezelfde plaats")

    response = choose(redacteur_client, catalogue, 2, "ongedaan", follow=True)

    last = Result.objects.filter(group=catalogue, area=result.area).order_by("position").last()
    assert last.pk == pk
    assert f"het staat nu op plaats {last.position}" in " ".join(messages_of(response))


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"wijziging": "999", "sleutel": "1", "actie": "ongedaan"},
        {"wijziging": "1", "actie": "terugzetten"},  # no key: the page it came from is unknown
        {"wijziging": "1", "sleutel": "0", "actie": "terugzetten"},  # a key of another state of the history
        {"wijziging": "1", "sleutel": "KEY", "actie": "ongedaan"},  # a batch has nothing to undo item by item
        {"wijziging": "1", "sleutel": "KEY"},
    ],
    ids=["nothing", "unknown-number", "no-key", "stale-key", "undo-a-batch", "no-action"],
)
def test_a_bad_choice_is_a_dutch_400_and_changes_nothing(redacteur_client, catalogue, data):
    key = str(entries(redacteur_client, catalogue)[0].order)
    before = export()

    response = redacteur_client.post(timeline_url(catalogue), {k: v.replace("KEY", key) for k, v in data.items()})

    assert response.status_code == 400
    assert "Kies een wijziging uit de lijst" in response.content.decode()
    assert export() == before


def test_a_refused_restore_says_why_and_changes_nothing(redacteur_client, catalogue):
    typering = catalogue.typeringen.get(schaal=8)
    TyperingLine.objects.filter(section__typering=typering).first().delete()
    typering.delete()
    number = next(e.number for e in entries(redacteur_client, catalogue) if e.items[0].model is TyperingLine)
    before = export()

    response = choose(redacteur_client, catalogue, number, "ongedaan")

    assert response.status_code == 400
    assert "waar dit bij hoorde bestaat niet meer" in response.content.decode()
    assert export() == before


def test_a_viewer_without_change_rights_reads_but_cannot_restore(client, django_user_model, catalogue):
    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user("lezer", password="x", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_functiongroup"))
    client.force_login(reader)

    response = client.get(timeline_url(catalogue))

    assert response.status_code == 200
    assert "Wijziging 1" in response.content.decode()
    assert "terugzetten zoals na" not in response.content.decode()
    assert client.post(timeline_url(catalogue), {"wijziging": "1", "actie": "terugzetten"}).status_code == 403


@pytest.mark.parametrize("edits", [1, 8])
def test_the_timeline_query_count_does_not_grow(redacteur_client, catalogue, django_assert_num_queries, edits):
    for number, line in enumerate(TyperingLine.objects.filter(section__typering__group=catalogue)[:edits]):
        line.text = f"Gewijzigd {number}"
        line.save()
    Result.objects.filter(group=catalogue).first().delete()

    with django_assert_num_queries(36):
        redacteur_client.get(timeline_url(catalogue))


@pytest.mark.parametrize("kind", ["typering", "profile"])
def test_a_typering_or_profile_goes_back_to_a_moment_from_its_own_timeline(redacteur_client, catalogue, kind):
    before = export()
    if kind == "typering":
        root = catalogue.typeringen.get(schaal=7)
        line = TyperingLine.objects.filter(section__typering=root, position=2).first()
        edit_in_admin(redacteur_client, root.codes.get(), code="3233 (11)")
    else:
        root = catalogue.quality_profiles.get(schaal=7)
        line = QualityProfileLine.objects.filter(section__profile=root, position=2).first()
    edit_in_admin(redacteur_client, line, text="Een andere regel")
    line.section.lines.get(position=1).delete()

    response = choose(redacteur_client, root, 1, "terugzetten")

    assert response.url == change_url(root)
    assert export() == before


def test_an_old_version_is_a_read_only_page_with_one_button(redacteur_client, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    original = result.history.earliest()
    url = reverse("admin:profiles_result_simple_history", args=[result.pk, original.history_id])

    html = redacteur_client.get(url).content.decode()

    assert "Eerdere versie, alleen om te lezen." in html
    assert "<textarea" not in html and "<select" not in html
    assert 'type="text"' not in html and "related-widget-wrapper" not in html
    assert "Deze versie terugzetten" in html
    assert ORIGINAL in html
    assert '<del><span class="visually-hidden">verwijderd: </span>ondersteund</del>' in html  # since then


def test_restoring_a_version_returns_to_the_page_the_line_is_edited_on(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    url = reverse("admin:profiles_result_simple_history", args=[result.pk, result.history.earliest().history_id])

    response = redacteur_client.post(url)

    assert response.url == change_url(catalogue)
    result.refresh_from_db()
    assert result.text == ORIGINAL


def test_restoring_a_version_returns_to_a_page_of_this_site_it_was_opened_from(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    url = reverse("admin:profiles_result_simple_history", args=[result.pk, result.history.earliest().history_id])

    back = redacteur_client.post(url, {"next": timeline_url(catalogue)})
    away = redacteur_client.post(url, {"next": "https://elders.example/"})

    assert back.url == timeline_url(catalogue)
    assert away.url == change_url(catalogue)


def test_versions_of_one_line_are_numbered_for_that_line(redacteur_client, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    edit_in_admin(redacteur_client, result, text=ORIGINAL)

    html = redacteur_client.get(timeline_url(result)).content.decode()

    assert [f"Versie {n} bekijken" in html for n in (1, 2, 3, 4)] == [True, True, True, False]
    assert "De geschiedenis van alles in" in html


def test_undo_after_a_restore_takes_the_version_just_before(redacteur_client, catalogue, result):
    edit_in_admin(redacteur_client, result, text=REVISED)
    choose(redacteur_client, catalogue, 2, "terugzetten")  # the same state, re-created: removal and re-creation
    edit_in_admin(redacteur_client, result, text="Na het terugzetten")

    choose(redacteur_client, catalogue, 4, "ongedaan")

    result.refresh_from_db()
    assert result.text == REVISED


def test_a_line_added_at_the_top_is_undone_with_the_list_as_it_was(redacteur_client, catalogue):
    before = export()
    page = redacteur_client.get(change_url(catalogue))
    data = form_data(page)
    prefix = inline_prefix(page, Result)
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update({f"{prefix}-TOTAL_FORMS": str(total + 1), f"{prefix}-{total}-area": "1"})
    data.update({f"{prefix}-{total}-position": "1", f"{prefix}-{total}-kind": "opsomming"})
    data[f"{prefix}-{total}-text"] = "Een nieuwe eerste regel"
    redacteur_client.post(change_url(catalogue), data)
    assert Result.objects.get(group=catalogue, area_id=1, position=1).text == "Een nieuwe eerste regel"

    response = choose(redacteur_client, catalogue, 2, "ongedaan", follow=True)

    assert export() == before
    assert "kon niet terug" not in " ".join(messages_of(response))


def test_an_added_line_edited_since_is_not_removed_silently(redacteur_client, catalogue, result):
    added = Result.objects.create(group=catalogue, area=result.area, position=99, text="Een nieuwe regel")
    edit_in_admin(redacteur_client, added, text="Een nieuwe regel, bewerkt")

    response = choose(redacteur_client, catalogue, 2, "ongedaan")

    assert response.status_code == 400
    assert "sindsdien gewijzigd of aangevuld" in response.content.decode()
    assert Result.objects.filter(pk=added.pk).exists()


def test_an_object_saved_in_two_changes_gets_the_moment_of_each(catalogue, result):
    with history.together() as first:
        result.text = "Eerste"
        result.save()
    with history.together() as second:
        result.text = "Tweede"
        result.save()

    assert [record.history_date for record in result.history.all()[:2]] == [second.date, first.date]


def test_a_version_saved_twice_in_one_moment_comes_back_as_the_last(redacteur_client, catalogue, result):
    with history.together():  # as a save that writes a row twice (a position parked, then set)
        result.text = "Tussenstand"
        result.save()
        result.text = "Eindstand"
        result.save()
    edit_in_admin(redacteur_client, result, text="Later")

    choose(redacteur_client, catalogue, 2, "terugzetten")

    result.refresh_from_db()
    assert result.text == "Eindstand"


def test_going_back_to_a_code_saved_without_its_scores_rebuilds_them(redacteur_client, catalogue):
    code = catalogue.typeringen.get(schaal=7).codes.get()
    code.code = "3233 (11)"  # saved as a script would, without following scores
    code.save()
    assert code.scores.count() == 14

    choose(redacteur_client, catalogue, 2, "terugzetten")

    assert TyperingCode.objects.get(pk=code.pk).scores.count() == 0


def test_deleting_selected_lines_from_a_list_is_one_change(redacteur_client, catalogue):
    before = export()
    pks = [str(pk) for pk in Result.objects.filter(group=catalogue).values_list("pk", flat=True)[:2]]
    changelist = reverse("admin:profiles_result_changelist")
    redacteur_client.post(changelist, {"action": "delete_selected", "_selected_action": pks, "post": "yes"})
    assert Result.objects.filter(pk__in=pks).count() == 0

    assert [entry.number for entry in entries(redacteur_client, catalogue)] == [2, 1]
    choose(redacteur_client, catalogue, 2, "ongedaan")
    assert export() == before


def test_restoring_needs_the_rights_on_everything_it_writes(client, django_user_model, redacteur, catalogue):
    from django.contrib.auth.models import Permission

    almost = django_user_model.objects.create_user("bijna", password="x", is_staff=True)
    rights = Permission.objects.filter(group__name="Redacteur").exclude(codename="delete_typeringline")
    almost.user_permissions.set(rights)
    client.force_login(almost)

    assert "terugzetten zoals na" not in client.get(timeline_url(catalogue)).content.decode()
    assert client.post(timeline_url(catalogue), {"wijziging": "1", "actie": "terugzetten"}).status_code == 403
