from django.contrib import admin
from django.urls import path

from catalogue import changes, views

urlpatterns = [
    path("", views.home, name="home"),
    path("functiegroepen/<slug:slug>/", views.group_detail, name="group-detail"),
    path("functiegroepen/<slug:slug>/schaal/<int:schaal>/", views.schaal_detail, name="group-schaal"),
    path("functiegroepen/<slug:slug>/schaal/<int:schaal>/tekst/", views.schaal_text, name="group-schaal-text"),
    path("functiegroepen/<slug:slug>/vergelijken/", views.compare, name="group-compare"),
    path("functiegroepen/<slug:slug>/vergelijken/csv/", views.compare_csv, name="group-compare-csv"),
    path("competenties/", views.competency_list, name="competency-list"),
    path("competenties/<slug:slug>/", views.competency_detail, name="competency-detail"),
    path("begrippen/", views.glossary, name="glossary"),
    path("zoeken/", views.search, name="search"),
    path("wijzigingen/", changes.changes, name="changes"),
    path("admin/", admin.site.urls),
]
