"""History pages for editors: a timeline of everything in a functiegroep, typering or kwaliteitenprofiel, old versions
as read-only pages, and restoring from either, after which the editor is back on the page they came from."""

from django.contrib import messages
from django.contrib.admin.utils import display_for_field, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst

from profiles import content, history, restore, textdiff, timeline

UNDO = "ongedaan"
AS_OF = "terugzetten"
PER_PAGE = 50


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def change_url(obj) -> str:
    return reverse(f"admin:profiles_{obj._meta.model_name}_change", args=[obj.pk])


def timeline_url(obj) -> str:
    return reverse(f"admin:profiles_{obj._meta.model_name}_history", args=[obj.pk])


def version_url(model, object_id, history_id) -> str | None:
    try:
        return reverse(f"admin:profiles_{model._meta.model_name}_simple_history", args=[object_id, history_id])
    except NoReverseMatch:  # a record without a page of its own
        return None


def safe_next(request) -> str:
    """The page the editor came from, if it is a page of this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return ""


def back_url(request, obj) -> str:
    """Where an editor goes after restoring: the page they came from (`next`), else the page obj is edited on."""
    return safe_next(request) or change_url(content.page_parent(obj) or obj)


class NumberedHistory:
    """Per-object history pages: versions numbered 1, 2, 3 for this object, a link to its group's timeline, and
    old versions shown read-only with one button to restore them."""

    version_template = "admin/profiles/version.html"

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        records = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return records.annotate(number=Window(RowNumber(), order_by=F("history_id").asc()))

    def history_view(self, request, object_id, extra_context=None):
        obj = self.model.objects.filter(pk=unquote(object_id)).first()
        group = content.timeline_root(obj) if obj is not None else None
        extra = {"group_timeline_url": timeline_url(group) if group else None, "group": group}
        return super().history_view(request, object_id, {**extra, **(extra_context or {})})

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not str(version_id).isdigit():
            raise Http404("Deze versie bestaat niet.")
        record = get_object_or_404(self.model.history.model, id=unquote(object_id), history_id=version_id)
        version = record.instance
        if not self.has_view_history_or_change_history_permission(request, version):
            raise PermissionDenied
        if request.method == "POST":
            exists = self.model.objects.filter(pk=record.id).exists()
            allowed = self.has_change_permission(request, version) and (exists or self.has_add_permission(request))
            if not allowed or self.revert_disabled(request, version):
                raise PermissionDenied
            with transaction.atomic(), history.together():
                return self.restore_version(request, record)
        current = self.model.objects.filter(pk=record.id).first()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Versie van {when(record.history_date)}: {version}",
            "opts": self.model._meta,
            "object": version,
            "record": record,
            "current": current,
            "rows": version_rows(self.model, record, current),
            "history_url": reverse(f"admin:profiles_{self.model._meta.model_name}_history", args=[record.id]),
            "can_restore": self.has_change_permission(request, version) and not self.revert_disabled(request, version),
            "next": safe_next(request),
        }
        return TemplateResponse(request, self.version_template, context)

    def restore_version(self, request, record):
        """Save the version's values through the admin's own form, so its checks and follow-ups run too."""
        obj = record.instance
        obj._state.adding = False
        form_class = self.get_form(request, obj)
        shown = form_class(instance=obj)
        data = {name: shown[name].value() for name in shown.fields}
        form = form_class({k: v for k, v in data.items() if v is not None}, instance=obj)
        if not form.is_valid():
            problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
            self.message_user(request, f"Deze versie kan niet terug: {problems}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        saved = self.save_form(request, form, change=True)
        self.save_model(request, saved, form, change=True)
        form.save_m2m()
        self.log_change(request, saved, self.construct_change_message(request, form, []))
        self.message_user(request, f"De versie van {when(record.history_date)} is teruggezet.", messages.SUCCESS)
        return HttpResponseRedirect(back_url(request, saved))


def version_rows(model, record, current) -> list[dict]:
    """Each field of a version as it was, beside what it is now where that differs (word diff for texts)."""
    rows = []
    for f in timeline.tracked_fields(record.__class__):  # without the id
        original = model._meta.get_field(f.name)
        then = getattr(record, original.attname)
        now = getattr(current, original.attname) if current is not None else None
        row = {"label": capfirst(original.verbose_name), "value": _display(original, record), "differs": False}
        if current is not None and then != now:
            row["differs"] = True
            row["now"] = _display(original, current)
            if isinstance(then, str) and isinstance(now, str) and not original.choices:
                row["segments"] = textdiff.word_diff(then, now)
        rows.append(row)
    return rows


def _display(field, obj) -> str:
    if field.is_relation:
        related = field.related_model.objects.filter(pk=getattr(obj, field.attname)).first()
        return str(related) if related else "—"
    return str(display_for_field(getattr(obj, field.attname), field, "(leeg)"))


class TimelineHistory(NumberedHistory):
    """The history page of a functiegroep, typering or kwaliteitenprofiel is the timeline of everything in it."""

    timeline_template = "admin/profiles/timeline.html"

    def history_view(self, request, object_id, extra_context=None):
        obj = self.model.objects.filter(pk=unquote(object_id)).first()
        if obj is None:  # removed: its own versions, from which it can be brought back
            return super().history_view(request, object_id, extra_context)
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        entries = timeline.entries(obj)
        can_restore = may_restore(request.user, type(obj))
        error = ""
        if request.method == "POST":
            if not can_restore:
                raise PermissionDenied
            try:
                return self._restore_from_timeline(request, obj, entries)
            except restore.RestoreRefused as refused:
                error = str(refused)
        paginator = Paginator(entries, PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        for entry in page.object_list:
            for item in entry.items:
                item.version_url = version_url(item.model, item.object_id, item.history_id)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Geschiedenis van {obj}",
            "opts": self.model._meta,
            "object": obj,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "can_restore": can_restore,
            "error": error,
            "UNDO": UNDO,
            "AS_OF": AS_OF,
        }
        return TemplateResponse(request, self.timeline_template, context, status=400 if error else 200)

    def _restore_from_timeline(self, request, obj, entries):
        action = request.POST.get("actie")
        chosen = {(str(entry.number), str(entry.order)): entry for entry in entries}.get(
            (request.POST.get("wijziging", ""), request.POST.get("sleutel", ""))
        )
        if chosen is None or action not in (UNDO, AS_OF) or (action == UNDO and chosen.is_batch):
            raise restore.RestoreRefused(
                "Kies een wijziging uit de lijst en wat u ermee wilt doen (de geschiedenis kan intussen zijn "
                "aangevuld; de pagina toont nu de nieuwste stand)."
            )
        if action == UNDO:
            notes = restore.undo_changes(chosen.records, f"Wijziging {chosen.number} ongedaan gemaakt")
            message = f"Wijziging {chosen.number} is ongedaan gemaakt."
        else:
            obj, notes = restore.restore_as_of(type(obj), obj.pk, chosen.when)
            message = (
                f"{capfirst(content.the(type(obj)))} staat weer zoals na wijziging {chosen.number} "
                f"({when(chosen.when)}). Ook dat staat als wijziging in de geschiedenis, dus het kan weer terug."
            )
        self.message_user(request, " ".join([message, *notes]), messages.SUCCESS)
        return HttpResponseRedirect(back_url(request, obj))


def may_restore(user, root_model) -> bool:
    """Restoring writes every kind of record in the root: the user must be allowed to add, change and delete each."""
    below = [model for model, _, _ in content.descendants(root_model) if model not in content.DERIVED]
    shared = [model for model, _ in content.REFERENCED]  # re-created when a restore needs one that is gone
    models = [root_model, *below, *shared]
    return all(
        user.has_perm(f"profiles.{action}_{model._meta.model_name}")
        for model in models
        for action in ("add", "change", "delete")
    )
