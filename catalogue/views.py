from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from profiles.models import FunctionFamily, FunctionGroup, FunctionTypering


def home(request):
    groups = FunctionGroup.objects.with_schaal_range()
    families = FunctionFamily.objects.prefetch_related(Prefetch("groups", queryset=groups))
    return render(request, "home.html", {"families": families})


def group_detail(request, slug):
    group = get_object_or_404(FunctionGroup.objects.select_related("family").with_schaal_range(), slug=slug)
    return render(request, "group_detail.html", {"group": group})


def schaal_detail(request, slug, schaal):
    typering = get_object_or_404(FunctionTypering.objects.select_related("group"), group__slug=slug, schaal=schaal)
    return render(request, "schaal_detail.html", {"group": typering.group, "typering": typering})
