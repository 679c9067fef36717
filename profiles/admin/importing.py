"""Importing an FGR functiegroep page from the admin, for editors who work without a shell, and bringing back a
group that an import replaced or an editor deleted.

"Voorbeeld" runs the import and rolls it back, to show what it would create, every line it placed by inference
and the FUWASYS warnings; when it would replace a group, also what would change against the current content.
"Importeren" does it for real, in one transaction, recorded in the history.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify

from profiles import restore
from profiles.importer import GroupIdentity, ImportRefused, ImportReport, import_group
from profiles.models import FunctionFamily, FunctionGroup
from profiles.outline import OutlineChange, group_outline, outline_changes
from profiles.source_parser import Placement

MAX_UPLOAD_BYTES = 1_000_000


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Tekst van de pagina",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "vLargeTextField", "spellcheck": "false"}),
        help_text="Kopieer de hele pagina van de functiegroep uit het FGR, vanaf ‘Resultaten’, en plak die hier.",
    )
    file = forms.FileField(
        label="of een tekstbestand (.txt)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
        help_text="In UTF-8, zoals een kopie die als platte tekst is bewaard.",
    )
    name = forms.CharField(label="Naam van de functiegroep", max_length=300, help_text="De doopnaam, zoals in het FGR.")
    family = forms.ModelChoiceField(
        label="Functiefamilie",
        queryset=FunctionFamily.objects.all(),
        required=False,
        empty_label="— kies een functiefamilie —",
    )
    new_family = forms.CharField(
        label="of een nieuwe functiefamilie", max_length=200, required=False, help_text="Alleen als die er nog niet is."
    )
    fgr_id = forms.IntegerField(label="FGR-nummer", required=False, min_value=1, max_value=2_147_483_647)
    purpose = forms.CharField(
        label="Doel",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
        help_text="De zin ‘Is verantwoordelijk voor …’ van de familiepagina van het FGR.",
    )
    thinking_level = forms.CharField(
        label="Werk- en denkniveau", max_length=200, required=False, help_text="Bijvoorbeeld ‘hbo, wo’."
    )
    replace = forms.BooleanField(
        label="Een bestaande functiegroep met deze naam of dit FGR-nummer vervangen",
        required=False,
        help_text="De huidige inhoud blijft in de geschiedenis; terug te zetten onder ‘Verwijderde functiegroepen’.",
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return ""
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                f"Het bestand is groter dan {MAX_UPLOAD_BYTES // 1_000_000} MB; dat is geen FGR-pagina."
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                "Dit bestand is geen tekst in UTF-8; bewaar de pagina als platte tekst (UTF-8)."
            ) from error

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("file"):
            self.add_error("text", "Plak de tekst van de pagina, of kies een tekstbestand.")
        if cleaned.get("family") and cleaned.get("new_family", "").strip():
            self.add_error("new_family", "Kies een bestaande functiefamilie óf geef een nieuwe, niet allebei.")
        elif not cleaned.get("family") and not cleaned.get("new_family", "").strip():
            self.add_error("family", "Kies een functiefamilie, of geef de naam van een nieuwe.")
        return cleaned

    @property
    def page_text(self) -> str:
        return self.cleaned_data.get("file") or self.cleaned_data["text"]

    @property
    def identity(self) -> GroupIdentity:
        family = self.cleaned_data["family"]
        return GroupIdentity(
            name=self.cleaned_data["name"],
            family=family.name if family else self.cleaned_data["new_family"],
            fgr_id=self.cleaned_data["fgr_id"],
            purpose=self.cleaned_data["purpose"],
            thinking_level=self.cleaned_data["thinking_level"],
        )


@dataclass
class Preview:
    report: ImportReport
    group_name: str
    replaces: str = ""
    changes: list[OutlineChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def placements(self) -> list[Placement]:
        return self.report.parsed.placements

    @property
    def inferred(self) -> list[Placement]:
        return self.report.inferred

    @property
    def counts(self) -> list[tuple[str, int]]:
        return list(self.report.created.items())

    @property
    def schalen(self) -> list[int]:
        return sorted(typering.schaal for typering in self.report.parsed.typeringen)

    @property
    def added(self) -> int:
        return sum(change.kind == "insert" for change in self.changes)

    @property
    def dropped(self) -> int:
        return sum(change.kind == "delete" for change in self.changes)


def import_view(model_admin, request):
    """GET: the empty form. POST: a preview (nothing written) or the import itself."""
    if not (model_admin.has_add_permission(request) and model_admin.has_delete_permission(request)):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    preview, status = None, 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif "_import" in request.POST:
            try:
                report = import_group(form.page_text, form.identity, replace=form.cleaned_data["replace"])
            except ImportRefused as error:
                form.add_error(None, str(error))
                status = 400
            else:
                _say_imported(request, report)
                return HttpResponseRedirect(reverse("admin:profiles_functiongroup_change", args=[report.group.pk]))
        else:
            try:
                preview = _preview(form)
            except ImportRefused as error:
                form.add_error(None, str(error))
                status = 400
        if form.is_bound and form.is_valid() and form.cleaned_data.get("file"):
            form = _with_text(form)  # the uploaded page, in the text field for "Importeren"
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Functiegroep importeren",
        "form": form,
        "preview": preview,
    }
    return TemplateResponse(request, "admin/profiles/functiongroup/import.html", context, status=status)


def _preview(form: ImportForm) -> Preview:
    identity = form.identity
    outlines = {}

    def inspect(new_group):
        outlines["new"] = group_outline(new_group)

    existing = FunctionGroup.objects.filter(slug=slugify(identity.name)).first()
    if existing is None and identity.fgr_id is not None:
        existing = FunctionGroup.objects.filter(fgr_id=identity.fgr_id).first()
    # The old content is read before the dry run removes it, inside the same transaction.
    with transaction.atomic():
        old = group_outline(existing) if existing else []
        report = import_group(
            form.page_text, identity, replace=form.cleaned_data["replace"], dry_run=True, inspect=inspect
        )
    preview = Preview(report, identity.name)
    if existing:
        preview.replaces = existing.name
        preview.changes = outline_changes(old, outlines["new"])
        preview.unchanged = len(outlines["new"]) - preview.added
    return preview


def _with_text(form: ImportForm) -> ImportForm:
    data = form.data.copy()
    data["text"] = form.page_text
    return ImportForm(data)


def _say_imported(request, report: ImportReport) -> None:
    lines = sum(count for kind, count in report.created.items() if kind.startswith(("regels", "resultaten", "gedrag")))
    message = f"Functiegroep ‘{report.group.name}’ is geïmporteerd ({lines} regels)."
    if report.replaced:
        message += (
            " De vorige inhoud staat in de geschiedenis en is terug te zetten onder ‘Verwijderde functiegroepen’."
        )
    messages.success(request, message)
    if report.inferred:
        messages.warning(
            request,
            f"{len(report.inferred)} regels zijn geplaatst door af te leiden waar ze horen; controleer ze.",
        )
    for _, code, problems in report.fuwasys_problems:
        messages.warning(request, f"De FUWASYS-code ‘{code}’ klopt niet: {' '.join(problems)}")


def removed_view(model_admin, request):
    """The removed and replaced versions of functiegroepen, each with a button that brings it back."""
    if not (model_admin.has_add_permission(request) and model_admin.has_delete_permission(request)):
        raise PermissionDenied
    if request.method == "POST":
        try:
            group = restore.restore_group(int(request.POST.get("version", "")))
        except (ValueError, restore.RestoreRefused) as error:
            text = str(error) if isinstance(error, restore.RestoreRefused) else "Kies een versie om terug te zetten."
            messages.error(request, text)
            return HttpResponseRedirect(reverse("admin:profiles_functiongroup_removed"))
        messages.success(request, f"Functiegroep ‘{group.name}’ is teruggezet, met al haar inhoud.")
        return HttpResponseRedirect(reverse("admin:profiles_functiongroup_change", args=[group.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Verwijderde en vervangen functiegroepen",
        "removed": restore.removed_groups().select_related("history_user")[:100],
    }
    return TemplateResponse(request, "admin/profiles/functiongroup/removed.html", context)
