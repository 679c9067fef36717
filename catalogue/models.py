"""The search index: a database view over every line of the catalogue, so it is always current.

`SearchLine` is read-only (the view is created by migration 0001 of this app). Each row is one line a
user can find: a group's name, a result, a behavioural indicator, a competency, or a line of a
kwaliteitenprofiel or functietypering, with where it stands and the anchor it has on its page.
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

    id = models.CharField(primary_key=True, max_length=60)
    anchor_prefix = models.CharField(max_length=30)
    part = models.CharField(max_length=30, choices=Part.choices)
    section_kind = models.CharField(max_length=40)
    section_label = models.CharField(max_length=200)
    sub_label = models.CharField(max_length=200)
    group = models.ForeignKey(FunctionGroup, models.DO_NOTHING, db_constraint=False, related_name="+")
    schaal = models.PositiveSmallIntegerField(null=True)
    area = models.ForeignKey(ResultArea, models.DO_NOTHING, db_constraint=False, null=True, related_name="+")
    focus_area = models.ForeignKey(FocusArea, models.DO_NOTHING, db_constraint=False, null=True, related_name="+")
    competency = models.ForeignKey(Competency, models.DO_NOTHING, db_constraint=False, null=True, related_name="+")
    text = models.TextField()
    continuation = models.TextField()
    document = models.TextField(help_text="What is searched: the line with its continuation lines.")
    sort_order = models.IntegerField()

    objects = SearchLineQuerySet.as_manager()

    class Meta:
        managed = False
        db_table = "catalogue_searchline"
        ordering = ["group__name", models.F("schaal").asc(nulls_first=True), "sort_order"]
        verbose_name = "zoekregel"
        verbose_name_plural = "zoekregels"

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        if self.part == self.Part.GROUP and self.section_kind != "doel":
            return self.group.get_absolute_url()
        if self.schaal is None:
            return f"{self.group.get_absolute_url()}#{self.id}"
        page = reverse("group-schaal", kwargs={"slug": self.group.slug, "schaal": self.schaal})
        return f"{page}#{self.id}"

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
