"""The site's URLs plus one that fails, to see what a server error looks like in the logs."""

from django.urls import path

from catalogue.urls import urlpatterns as site

handler500 = "catalogue.errors.server_error"


def broken(request):
    raise RuntimeError("een fout die de test veroorzaakt")


urlpatterns = [path("kapot/", broken), *site]
