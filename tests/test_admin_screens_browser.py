"""The admin on a normal screen, in a real browser: no page of a redacteur scrolls sideways at 1280 px, line texts
are readable in full without JavaScript, and the history pages pass axe."""

import pytest
from django.contrib import admin
from django.urls import reverse
from playwright.sync_api import expect

from profiles.models import FunctionGroup, Result, TyperingLine
from tests.test_admin_browser import log_in
from tests.test_browser import assert_no_axe_violations

pytestmark = pytest.mark.browser

WIDTH = 1280


def redacteur_pages() -> list[str]:
    """Every admin page a redacteur reaches for the catalogue: start, tables, lists, forms and histories."""
    group = FunctionGroup.objects.get()
    pages = [reverse("admin:index"), reverse("admin:app_list", args=["profiles"])]
    pages += [reverse("admin:profiles_functiongroup_import"), reverse("admin:profiles_functiongroup_removed")]
    for model in admin.site._registry:
        if model._meta.app_label != "profiles":
            continue
        name = model._meta.model_name
        pages.append(reverse(f"admin:profiles_{name}_changelist"))
        obj = model.objects.order_by("pk").first()
        if obj is not None:
            pages += [
                reverse(f"admin:profiles_{name}_change", args=[obj.pk]),
                reverse(f"admin:profiles_{name}_history", args=[obj.pk]),
            ]
            version = model.history.filter(id=obj.pk).first()
            pages.append(reverse(f"admin:profiles_{name}_simple_history", args=[obj.pk, version.history_id]))
    pages.append(reverse("admin:profiles_functiongroup_change", args=[group.pk]))
    return pages


def test_no_admin_page_of_a_redacteur_scrolls_sideways_at_1280(page, live_catalogue, redacteur):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    log_in(page, live_catalogue.url)

    too_wide = {}
    for path in redacteur_pages():
        page.goto(live_catalogue.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[path] = width
    assert too_wide == {}


def test_line_texts_show_in_full_in_their_fields(page, live_catalogue, redacteur):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    group = FunctionGroup.objects.get()
    log_in(page, live_catalogue.url)
    page.goto(live_catalogue.url + reverse("admin:profiles_functiongroup_change", args=[group.pk]))

    cut = page.evaluate(
        "[...document.querySelectorAll('.inline-group textarea')]"
        ".filter(t => t.scrollHeight > t.clientHeight + 1).map(t => t.name)"
    )
    assert cut == []
    assert page.locator('textarea[name="results-0-text"]').bounding_box()["width"] >= 300


def test_titles_do_not_run_under_the_history_button(page, live_catalogue, redacteur):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    line = TyperingLine.objects.order_by("-pk").first()
    log_in(page, live_catalogue.url)
    page.goto(live_catalogue.url + reverse("admin:profiles_typeringline_change", args=[line.pk]))

    title = page.locator("#content h2, #content h1").last.bounding_box()
    button = page.locator(".object-tools").bounding_box()
    overlap = not (
        title["x"] + title["width"] <= button["x"]
        or button["x"] + button["width"] <= title["x"]
        or title["y"] + title["height"] <= button["y"]
        or button["y"] + button["height"] <= title["y"]
    )
    assert not overlap


def test_an_edit_from_the_group_page_is_restored_from_the_groups_timeline(page, live_catalogue, redacteur):
    base = live_catalogue.url
    group = FunctionGroup.objects.get()
    result = Result.objects.filter(group=group).order_by("area", "position").first()
    original = result.text
    log_in(page, base)

    page.get_by_role("link", name="Alle functiegroepen (1)").click()
    page.get_by_role("link", name=group.name).click()
    page.locator('textarea[name="results-0-text"]').fill("Een herziene regel")
    page.locator('input[name="_continue"]').first.click()
    expect(page.locator(".messagelist")).to_contain_text("De functiegroep")

    page.get_by_role("link", name="Geschiedenis").click()
    newest = page.locator(".timeline-entry").first
    expect(newest.get_by_role("heading")).to_have_text("Wijziging 2")
    expect(newest).to_contain_text("Resultaat gewijzigd")
    expect(newest).to_contain_text("door redacteur")
    expect(newest.locator("ins")).to_contain_text("herziene")
    assert_no_axe_violations(page)

    newest.get_by_role("link", name="versie bekijken").click()
    expect(page.locator(".version-notice")).to_contain_text("alleen om te lezen")
    assert page.locator("main textarea, main input[type=text], main select, #content textarea").count() == 0
    assert_no_axe_violations(page)
    page.go_back()

    page.locator(".timeline-entry").first.get_by_role("button", name="Wijziging 2 ongedaan maken").click()
    expect(page.locator("h1")).to_have_text("Functiegroep wijzigen")
    expect(page.locator(".messagelist")).to_contain_text("Wijziging 2 is ongedaan gemaakt.")
    expect(page.locator('textarea[name="results-0-text"]')).to_have_value(original)
    result.refresh_from_db()
    assert result.text == original
    assert_no_axe_violations(page)


def test_the_start_page_passes_axe_and_leads_to_a_group(page, live_catalogue, redacteur):
    log_in(page, live_catalogue.url)
    assert_no_axe_violations(page)

    page.get_by_label("Functiegroep zoeken (naam of FGR-nummer)").fill("528")
    page.get_by_role("button", name="Zoeken").click()

    expect(page.get_by_role("link", name=FunctionGroup.objects.get().name)).to_be_visible()
