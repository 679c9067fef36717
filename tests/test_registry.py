"""The registry of content models (profiles/content.py): a model added to the catalogue and not to the registry, or
registered in one place and forgotten in another, fails here."""

from django.apps import apps
from django.contrib import admin

from catalogue.changes import KINDS
from profiles import content, roles
from profiles.admin_site import SECTIONS
from profiles.catalogue_data import CONTENT_LABELS, SEEDED_MODELS

SHARED = {content.FunctionFamily, content.FunctionGroup, content.Competency, content.FocusArea}


def recorded_models() -> set:
    """The profiles models whose history is kept: the catalogue's records."""
    return {model for model in apps.get_app_config("profiles").get_models() if hasattr(model, "history")}


def test_every_recorded_model_is_content_or_reference():
    assert recorded_models() == set(content.CONTENT) | set(content.REFERENCE)


def test_every_content_model_has_a_place_in_the_tree_or_is_shared():
    in_tree = {model for model, _, _ in content.TREE}
    assert set(content.CONTENT) - in_tree == SHARED
    assert {parent for _, _, parent in content.TREE} <= set(content.CONTENT)


def test_the_fixture_holds_only_registered_content(catalogue):
    import json

    from profiles.catalogue_data import fixture_path

    labels = {row["model"] for row in json.loads(fixture_path().read_text(encoding="utf-8"))}
    assert labels <= set(CONTENT_LABELS)
    assert not labels & set(SEEDED_MODELS)


def test_the_editors_role_covers_every_recorded_model():
    assert set(roles.editable_models()) | set(roles.read_only_models()) == {
        model._meta.model_name for model in recorded_models()
    }


def test_every_admin_model_has_an_article_and_a_section():
    registered = {model for model in admin.site._registry if model._meta.app_label == "profiles"}
    in_sections = {name for _, names in SECTIONS for name in names}

    assert registered <= set(content.ARTICLES)
    assert {model._meta.model_name for model in registered} <= in_sections


def test_every_editable_model_is_on_the_public_list_of_changes():
    assert set(content.EDITABLE) <= {kind.model for kind in KINDS}


def test_every_line_model_is_searched_and_the_search_reads_only_registered_models():
    from catalogue.search_index import BRANCHES
    from profiles.models import Line

    lines = {model for model in content.CONTENT if issubclass(model, Line)}
    assert lines <= set(content.SEARCHED) <= set(content.CONTENT)
    assert {branch.table for branch in BRANCHES} == {model._meta.db_table for model in content.SEARCHED}
