from django.contrib import admin
from django.urls import path

from catalogue import changes, views

urlpatterns = [
    path("", views.home, name="home"),
    path("functiegroepen/<slug:slug>/", views.group_detail, name="group-detail"),
    path("functiegroepen/<slug:slug>/schaal/<int:schaal>/", views.schaal_detail, name="group-schaal"),
    path("wijzigingen/", changes.changes, name="changes"),
    path("admin/", admin.site.urls),
]
