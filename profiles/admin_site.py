"""The admin site as editors use it: a start page that says where to begin, the catalogue's tables in a few groups
named for what editors do with them, and the login security named in Dutch (superusers only see it)."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import reverse

# The catalogue's tables, grouped for editors: where the work starts, the separate rows and parts (also edited on
# the page of their group, typering or profile), and the FGR's fixed vocabulary.
SECTIONS = (
    (
        "Functiegroepen en hun schalen",
        ("functiongroup", "functiontypering", "qualityprofile", "functionfamily", "competency", "focusarea"),
    ),
    (
        "Losse regels en onderdelen",
        (
            "result",
            "behaviouralindicator",
            "kernprofielheading",
            "groupcompetency",
            "typeringcode",
            "typeringsection",
            "typeringline",
            "qualityprofilesection",
            "qualityprofileline",
            "qualityprofilecompetency",
        ),
    ),
    ("Vaste begrippen van het FGR", ("resultarea", "characteristic")),
)
# Other apps' sections, in Dutch.
APP_NAMES = {"axes": "Beveiliging van het aanmelden", "auth": "Gebruikers en rechten"}
MODEL_NAMES = {
    ("axes", "accessattempt"): "Geblokkeerde en mislukte aanmeldpogingen",
    ("axes", "accessfailurelog"): "Logboek van mislukte aanmeldingen",
    ("axes", "accesslog"): "Logboek van aan- en afmeldingen",
}
RECENT = 8


class CatalogueAdminSite(admin.AdminSite):
    site_header = "Beheer van de Functiecatalogus Rijk"
    site_title = "Beheer Functiecatalogus"
    index_title = "Inhoud van de catalogus"
    index_template = "admin/start.html"
    # The start page and the breadcrumbs lead everywhere; the sidebar would take a quarter of a 1280 px screen.
    enable_nav_sidebar = False

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        catalogue, others = [], []
        for app in apps:
            for model in app["models"]:
                model["name"] = MODEL_NAMES.get((app["app_label"], model["object_name"].lower()), model["name"])
            if app["app_label"] == "profiles":
                catalogue += _sections(app)
            else:
                others.append({**app, "name": APP_NAMES.get(app["app_label"], app["name"])})
        return catalogue + others  # the content first: that is what editors come for

    def index(self, request, extra_context=None):
        from profiles import timeline
        from profiles.models import FunctionGroup, FunctionTypering, TyperingCode

        start = {
            "group_count": FunctionGroup.objects.count(),
            "inconsistent_count": FunctionTypering.objects.filter(codes__in=TyperingCode.objects.with_problems())
            .distinct()
            .count(),
            "recent_changes": timeline.recent(RECENT),
            "can_edit": request.user.has_perm("profiles.change_functiongroup"),
            "can_import": request.user.has_perm("profiles.add_functiongroup"),
        }
        return super().index(request, {**start, **(extra_context or {})})

    def app_index(self, request, app_label, extra_context=None):
        # The catalogue's tables come in several sections; the page is named for all of them, not the first.
        title = {"title": self.index_title} if app_label == "profiles" else {}
        return super().app_index(request, app_label, {**title, **(extra_context or {})})


def _sections(app: dict) -> list[dict]:
    models = {model["object_name"].lower(): model for model in app["models"]}
    sections = []
    for number, (name, names) in enumerate(SECTIONS, start=1):
        chosen = [models.pop(model_name) for model_name in names if model_name in models]
        if chosen:
            sections.append({**app, "name": name, "models": chosen, "app_label": f"profiles-{number}"})
    if models:  # a table not yet in SECTIONS still shows
        sections.append({**app, "models": list(models.values())})
    for section in sections:
        section["app_url"] = reverse("admin:app_list", args=["profiles"])
    return sections


class CatalogueAdminConfig(AdminConfig):
    default_site = "profiles.admin_site.CatalogueAdminSite"
