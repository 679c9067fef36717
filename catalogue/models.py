"""The search table: one row per line of the catalogue that a user can find.

Each row is a group's name or purpose, a result, a behavioural indicator, a competency, or a line of a
kwaliteitenprofiel or functietypering, with where it stands, the anchor it has on its page and its searchable
text (`folded`). Database triggers write the rows, in the same transaction as every write to the content
(catalogue/search_index.py); nothing in Python writes them, so the model is read-only here.
"""

from django.db import models
from django.urls import reverse

from profiles.models import Competency, FocusArea, FunctionGroup, ResultArea


class SearchLineQuerySet(models.QuerySet):
    def for_results(self):
        return self.select_related("group__family", "area", "focus_area")


class SearchLine(models.Model):
    class Part(models.TextChoices):
        GROUP = "functiegroep", "Functiegroep"
        RESULT = "resultaat", "Resultaten"
        INDICATOR = "gedragsindicator", "Gedragsindicatoren"
        COMPETENCY = "competentie", "Competenties"
        QUALITY = "kwaliteitenprofiel", "Kwaliteitenprofiel"
        TYPERING = "functietypering", "Functietypering"

    anchor = models.CharField(max_length=60, unique=True, help_text="The line's id on its page: 'typering-12'.")
    anchor_prefix = models.CharField(max_length=30)
    source_id = models.BigIntegerField(help_text="The id of the row the line is read from.")
    part = models.CharField(max_length=30, choices=Part.choices)
    section_kind = models.CharField(max_length=40)
    section_label = models.CharField(max_length=200)
    sub_label = models.CharField(max_length=200)
    # The triggers own these rows: no constraints, and Django's deletes leave them to the triggers.
    group = models.ForeignKey(FunctionGroup, models.DO_NOTHING, db_constraint=False, related_name="+")
    schaal = models.PositiveSmallIntegerField(null=True)
    area = models.ForeignKey(ResultArea, models.DO_NOTHING, db_constraint=False, null=True, related_name="+")
    focus_area = models.ForeignKey(FocusArea, models.DO_NOTHING, db_constraint=False, null=True, related_name="+")
    competency = models.ForeignKey(Competency, models.DO_NOTHING, db_constraint=False, null=True, related_name="+")
    text = models.TextField()
    continuation = models.TextField()
    folded = models.TextField(help_text="What is searched: the line and its continuation, folded, one space per gap.")
    sort_order = models.IntegerField()

    objects = SearchLineQuerySet.as_manager()

    class Meta:
        db_table = "catalogue_searchline"
        indexes = [
            models.Index(fields=["anchor_prefix", "source_id"], name="searchline_source"),
            # The filters without a query word: "schaal 6" alone reads every line of that schaal.
            models.Index(fields=["schaal"], name="searchline_schaal"),
            models.Index(fields=["part", "section_kind"], name="searchline_part"),
        ]
        ordering = ["group__name", models.F("schaal").asc(nulls_first=True), "sort_order"]
        verbose_name = "zoekregel"
        verbose_name_plural = "zoekregels"

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        if self.part == self.Part.GROUP and self.section_kind != "doel":
            return self.group.get_absolute_url()
        if self.schaal is None:
            return f"{self.group.get_absolute_url()}#{self.anchor}"
        page = reverse("group-schaal", kwargs={"slug": self.group.slug, "schaal": self.schaal})
        return f"{page}#{self.anchor}"

    @property
    def location(self) -> str:
        """Where the line stands, in words: 'Functietypering schaal 6, Resultaten, ICT'."""
        if self.part == self.Part.GROUP:
            return "Doel van de functiegroep" if self.section_kind == "doel" else "Naam van de functiegroep"
        if self.schaal is None:
            area = self.area.name if self.area else self.section_label
            return ", ".join(filter(None, ["Kernprofiel", self.get_part_display(), area]))
        label = self.section_label.rstrip(":")
        return ", ".join(filter(None, [f"{self.get_part_display()} schaal {self.schaal}", label, self.sub_label]))
