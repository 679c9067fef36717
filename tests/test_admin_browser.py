"""A redacteur's working session in a real browser: log in, edit, reorder, save a code, read the history, restore."""

import re

import pytest
from playwright.sync_api import expect

from profiles.models import BehaviouralIndicator, FunctionGroup, Result
from tests.conftest import PASSWORD
from tests.test_browser import assert_no_axe_violations

pytestmark = pytest.mark.browser

REVISED = "De klant is snel en effectief geholpen"


def log_in(page, base_url):
    page.goto(base_url + "/admin/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text("Inhoud van de catalogus")


def save(page):
    page.locator('input[name="_continue"]').first.click()


def test_a_redacteur_edits_reorders_checks_a_code_and_restores(page, live_catalogue, redacteur):
    base = live_catalogue.url
    group = FunctionGroup.objects.get()
    result = Result.objects.filter(group=group).first()
    original = result.text
    indicators = list(BehaviouralIndicator.objects.filter(group=group, area_id=1).values_list("text", flat=True))

    log_in(page, base)
    page.get_by_role("link", name="Functiegroepen", exact=True).click()
    page.get_by_role("link", name=group.name).click()
    page.locator('textarea[name="results-0-text"]').fill(REVISED)
    page.locator('input[name="indicators-2-position"]').fill("1")
    save(page)
    expect(page.locator(".messagelist")).to_contain_text("is met succes gewijzigd")

    result.refresh_from_db()
    assert result.text == REVISED
    reordered = list(BehaviouralIndicator.objects.filter(group=group, area_id=1).values_list("text", flat=True))
    assert reordered[:3] == [indicators[2], indicators[0], indicators[1]]

    page.locator(".field-typering_links").get_by_role("link", name="schaal 7").click()
    page.locator('input[name="codes-0-code"]').fill("32332332232332 (40)")
    save(page)
    warning = page.locator(".messagelist .warning")
    expect(warning).to_contain_text("klopt niet")
    expect(warning).to_contain_text("De cijfers tellen op tot 36, niet tot het vermelde totaal 40.")
    expect(page.locator('[data-fuwasys="invalid"]')).to_be_visible()

    page.goto(f"{base}/admin/profiles/result/{result.pk}/history/")
    expect(page.locator("h1")).to_contain_text("Geschiedenis van")
    expect(page.locator(".history-diff del").first).to_contain_text("ondersteund")
    page.get_by_role("link", name=re.compile("Versie .* bekijken")).last.click()
    page.get_by_role("button", name="Deze versie terugzetten").first.click()
    expect(page.locator(".messagelist")).to_contain_text("is teruggezet")
    result.refresh_from_db()
    assert result.text == original

    page.goto(base + "/wijzigingen/")
    expect(page.locator("h1")).to_have_text("Wijzigingen")
    expect(page.locator(".change").first).to_contain_text("teruggezet naar de versie van")
    expect(page.locator("main")).not_to_contain_text("redacteur")
    assert_no_axe_violations(page)


def test_the_changes_page_is_in_the_main_navigation(page, live_catalogue):
    page.goto(live_catalogue.url + "/")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Wijzigingen").click()

    expect(page.locator("h1")).to_have_text("Wijzigingen")
    assert_no_axe_violations(page)


def test_the_admins_key_screens_pass_axe(page, live_catalogue, redacteur):
    base = live_catalogue.url
    group = FunctionGroup.objects.get()
    log_in(page, base)

    for path in (
        f"/admin/profiles/functiongroup/{group.pk}/change/",
        f"/admin/profiles/functiontypering/{group.typeringen.get(schaal=6).pk}/change/",
        "/admin/profiles/functiontypering/?fuwasys=onjuist",
        f"/admin/profiles/functiongroup/{group.pk}/history/",
    ):
        page.goto(base + path)
        assert_no_axe_violations(page)


def test_a_redacteur_imports_a_group_with_a_preview_by_keyboard(page, live_catalogue, redacteur):
    from tests.test_admin_import import VARIANTS

    base = live_catalogue.url
    log_in(page, base)
    page.get_by_role("link", name="Functiegroepen", exact=True).click()
    page.get_by_role("link", name="Functiegroep importeren").click()
    expect(page.locator("h1")).to_have_text("Functiegroep importeren")
    assert_no_axe_violations(page)

    page.get_by_label("Tekst van de pagina").fill(VARIANTS.path.read_text(encoding="utf-8"))
    page.get_by_label("Naam van de functiegroep").fill("Communicatieadviseur (browser)")
    page.get_by_label("of een nieuwe functiefamilie").fill("Communicatie")
    page.get_by_role("button", name="Voorbeeld").focus()
    page.keyboard.press("Enter")
    preview = page.locator(".fgr-preview")
    expect(preview).to_contain_text("nog niets opgeslagen")
    expect(preview.locator("tr.afgeleid").first).to_contain_text("ja")
    assert not FunctionGroup.objects.filter(name="Communicatieadviseur (browser)").exists()
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".messagelist")).to_contain_text("is geïmporteerd")
    group = FunctionGroup.objects.get(name="Communicatieadviseur (browser)")
    assert group.typeringen.count() == 2
    assert_no_axe_violations(page)

    page.goto(base + group.get_absolute_url())
    expect(page.locator("h1")).to_have_text(group.name)
    expect(page.locator(".fuwasys-code").first).to_contain_text("Variant 1.")
    assert_no_axe_violations(page)

    page.goto(base + "/admin/profiles/functiongroup/verwijderd/")
    assert_no_axe_violations(page)
