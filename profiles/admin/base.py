"""What every page of the catalogue's admin shares: history with readable differences, restoring an earlier
version, detecting a second editor's conflicting save, and lists whose order the editor sets by position."""

from functools import partial

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet, ModelChoiceIterator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from profiles import content, history, services, textdiff
from profiles.admin.timelines import NumberedHistory, when

VERSION_FIELD = "loaded_version"


class VersionCheckedForm(forms.ModelForm):
    """Carries the version of the object as it was opened; refuses to overwrite a later save by someone else."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, latest_versions: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            if latest_versions is None:
                latest = history.latest_version_id(type(self.instance), self.instance.pk)
            else:  # read for all rows of an inline at once
                latest = latest_versions.get(self.instance.pk)
            self.fields[VERSION_FIELD].initial = "" if latest is None else str(latest)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.has_changed():
            self._check_version(cleaned.get(VERSION_FIELD) or "")
        return cleaned

    def _check_version(self, loaded: str) -> None:
        model = type(self.instance)
        # Lock the row until the admin's transaction ends, so that two saves are checked one after the other.
        model.objects.select_for_update().filter(pk=self.instance.pk).exists()
        latest = model.history.filter(id=self.instance.pk).select_related("history_user").first()
        if latest is None or str(latest.history_id) == loaded:
            return
        who = f" door {latest.history_user}" if latest.history_user else ""
        raise ValidationError(
            "Iemand anders heeft ‘%(object)s’ opgeslagen nadat u het opende (%(when)s%(who)s). Uw wijzigingen "
            "zijn niet opgeslagen, zodat die van de ander niet verloren gaan. Open de pagina opnieuw en breng uw "
            "wijzigingen nog eens aan.",
            code="conflict",
            params={"object": self.instance, "when": when(latest.history_date), "who": who},
        )


class _WithVersionField:
    """Renders the hidden version field whatever fields or fieldsets a page declares."""

    form = VersionCheckedForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if VERSION_FIELD in fields else [*fields, VERSION_FIELD]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        if not any(VERSION_FIELD in flatten_fieldsets([fieldset]) for fieldset in fieldsets):
            fieldsets[0][1]["fields"] = [*fieldsets[0][1]["fields"], VERSION_FIELD]
        return fieldsets


class ReadableHistory(HistoricalRecordContextHelper):
    """Shows a changed text in full, with the removed words in <del> and the added ones in <ins>."""

    def stringify_delta_change_values(self, change, old, new):
        if isinstance(old, str) and isinstance(new, str):
            segments = textdiff.word_diff(old, new)
            old_side = [segment for segment in segments if segment.kind != "insert"]
            new_side = [segment for segment in segments if segment.kind != "delete"]
            return _marked(old_side), _marked(new_side)
        return super().stringify_delta_change_values(change, _plain(old), _plain(new))


def _plain(value):
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return "(leeg)" if value in (None, "") else value


def _marked(segments) -> str:
    tags = {"equal": "span", "delete": "del", "insert": "ins"}
    return format_html_join("", "<{0}>{1}</{0}>", ((tags[segment.kind], segment.text) for segment in segments))


class FittingTextarea(forms.Textarea):
    """A text box with as many rows as its text needs, so that a line reads in full without JavaScript.

    Browsers that know `field-sizing: content` (admin.css) also grow it while typing; the rows are for the rest.
    """

    def __init__(self, attrs=None, *, chars_per_row: int = 60):
        super().__init__({"cols": chars_per_row, "rows": 1, "class": "fitting", **(attrs or {})})
        self.chars_per_row = chars_per_row

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["rows"] = rows_for(value or "", self.chars_per_row)
        return context


def rows_for(text: str, chars_per_row: int) -> int:
    """The rows a text box needs for `text` at about `chars_per_row` characters per row (at least 2)."""
    lines = str(text).splitlines() or [""]
    return max(2, sum(max(1, -(-len(line) // chars_per_row)) for line in lines))


class ContentAdmin(NumberedHistory, _WithVersionField, SimpleHistoryAdmin):
    """An admin page for catalogue content, with its history and the restoring of any earlier version."""

    object_history_template = "admin/profiles/object_history.html"
    object_history_list_template = "admin/profiles/object_history_list.html"
    history_list_per_page = 50
    formfield_overrides = {models.TextField: {"widget": FittingTextarea(attrs={"class": "fitting vLargeTextField"})}}

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    # Each request that writes is recorded as one change: one moment for all it saves (history.together).
    def changeform_view(self, request, *args, **kwargs):
        with history.together():
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with history.together():
            return super().delete_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        with history.together():  # the bulk "delete selected" action
            return super().changelist_view(request, *args, **kwargs)

    def history_view_title(self, request, obj):
        return f"Geschiedenis van {obj}"

    def render_change_form(self, request, context, *args, **kwargs):
        # Django's Dutch title is "functiegroep wijzigen": a heading starts with a capital.
        context["title"] = capfirst(context.get("title", ""))
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        restoring = _restored_version(self.model, request)
        if restoring:
            obj._change_reason = f"Teruggezet naar de versie van {when(restoring.history_date)}"
        elif change and not form.has_changed():
            return  # nothing to write, so nothing to record
        super().save_model(request, obj, form, change)

    def message_user(self, request, message, *args, **kwargs):
        super().message_user(request, with_article(self.model, message), *args, **kwargs)


def with_article(model, message):
    """Django's Dutch messages say "De {naam}" for every model; a neuter name takes "Het" ("Het resultaat …")."""
    name = str(model._meta.verbose_name)
    wrong = f"De {name} "
    if content.article(model) == content.NEUTER and str(message).startswith(wrong):
        fixed = f"Het {name} " + str(message)[len(wrong) :]
        # Only plain words were put before a message that was already escaped.
        return mark_safe(fixed) if isinstance(message, SafeData) else fixed
    return message


def _restored_version(model, request):
    """The history record being restored, on simple-history's restore page."""
    match = request.resolver_match
    if not match or not match.url_name.endswith("_simple_history"):
        return None
    return model.history.filter(history_id=match.args[1]).first()


class PositionedForm(VersionCheckedForm):
    """Positions are renumbered on save, so two rows may be given the same one (or none, for the end)."""

    def _get_validation_exclusions(self):
        return {*super()._get_validation_exclusions(), "position"}


class VersionedFormSet(BaseInlineFormSet):
    """Reads the newest version of every row in one query, instead of one query per row."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The table's column headings are not labels; name each field of the row for screen readers.
        row = f"regel {index + 1}" if index is not None and index < self.initial_form_count() else "nieuwe regel"
        for field in form.fields.values():
            widget = getattr(field.widget, "widget", field.widget)  # inside a related-object wrapper
            widget.attrs.setdefault("aria-label", f"{field.label}, {row}")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if not hasattr(self, "_latest_versions"):
            pks = [row.pk for row in self.get_queryset()]
            self._latest_versions = history.latest_version_ids(self.model, pks)
        return {**kwargs, "latest_versions": self._latest_versions}


class PositionedFormSet(VersionedFormSet):
    """Saves an inline list so that each list holds positions 1, 2, 3, … in the order the editor typed."""

    scope_fields: tuple[str, ...] = ()

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        for form in self.deleted_forms:
            if form.instance.pk:
                self.deleted_objects.append(form.instance)
                self.delete_existing(form.instance)
        forms_kept = [
            form
            for form in self.forms
            if form not in self.deleted_forms and (form.instance.pk or form.has_changed()) and form.is_valid()
        ]
        entries = []
        for form in forms_kept:
            stored = form.initial.get("position") if form.instance.pk else None
            row = form.save(commit=False)
            scope = tuple(getattr(row, f"{name}_id") for name in self.scope_fields)
            entries.append((form, row, stored, scope))
        positions = services.new_positions(
            [(scope, row.position or services.AT_THE_END, row.position != stored) for _, row, stored, scope in entries]
        )
        planned = list(zip(entries, positions, strict=True))
        services.park_positions(
            self.model, [row.pk for (_, row, stored, _), new in planned if row.pk and stored != new]
        )
        for (form, row, stored, _), new in planned:
            row.position = new
            self._save_row(form, row, stored)
        return self.new_objects + [obj for obj, _ in self.changed_objects]

    def _save_row(self, form, row, stored) -> None:
        if not row.pk:
            setattr(row, self.fk.name, self.instance)
            row.save()
            self.new_objects.append(row)
        elif form.has_changed() or stored != row.position:
            row.save()
            self.changed_objects.append((row, [name for name in form.changed_data if name != VERSION_FIELD]))


class ContentInline(_WithVersionField, admin.TabularInline):
    extra = 0
    show_change_link = True
    formset = VersionedFormSet
    formfield_overrides = {models.TextField: {"widget": FittingTextarea}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Every row of an inline renders the same choices: read them once per request, not once per row.
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if isinstance(field, forms.ModelChoiceField):
            cache = request.__dict__.setdefault("_inline_choices", {})
            key = (self.model, db_field.name)
            if key not in cache:
                cache[key] = list(field.choices)
            # Each row's form gets a deep copy of the field, which asks its iterator for the choices again.
            field.iterator = partial(_ReadChoices, read=cache[key])
            field.widget.choices = field.choices
        return field


class _ReadChoices(ModelChoiceIterator):
    """A ModelChoiceField's choices, already read (validation still checks against the queryset)."""

    def __init__(self, field, read):
        super().__init__(field)
        self.read = read

    def __iter__(self):
        return iter(self.read)

    def __len__(self):
        return len(self.read)


class PositionedInline(ContentInline):
    """An inline list whose order the editor sets with the position field; the list is renumbered on save."""

    form = PositionedForm
    formset = PositionedFormSet
    scope_fields: tuple[str, ...] = ()

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.scope_fields = self.scope_fields
        return formset

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "position":
            field.required = False
            field.widget.attrs["class"] = "vIntegerField positie"
            field.help_text = (
                "Typ een ander nummer om de regel te verplaatsen (leeg: achteraan); "
                "bij opslaan wordt de lijst opnieuw genummerd."
            )
        return field


def link_list(objects) -> str:
    return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', objects)) if objects else "—"
