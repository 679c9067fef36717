import re
from dataclasses import dataclass

from django import forms

from catalogue.templatetags.catalogue_format import dutch_list

MIN_COMPARED, MAX_COMPARED = 2, 4


class CompareForm(forms.Form):
    """Which schalen of a group to compare: 2–4 of those it has, each once."""

    schaal = forms.TypedMultipleChoiceField(
        label="Schalen", coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )
    alleen_verschillen = forms.BooleanField(label="Alleen verschillen tonen", required=False)

    def __init__(self, data, *, available: list[int]):
        self.available = available
        if data is not None and "schaal" not in data:
            # Without a choice: all schalen of the group, or its first four.
            data = data.copy()
            data.setlist("schaal", [str(schaal) for schaal in available[:MAX_COMPARED]])
        super().__init__(data)
        self.fields["schaal"].choices = [(schaal, f"Schaal {schaal}") for schaal in available]
        self.fields["schaal"].error_messages["invalid_choice"] = (
            f"Schaal %(value)s hoort niet bij deze functiegroep; kies uit {dutch_list(available)}."
        )

    def clean_schaal(self):
        chosen = self.data.getlist("schaal")
        schalen = self.cleaned_data["schaal"]
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Kies elke schaal maar één keer.")
        if not MIN_COMPARED <= len(schalen) <= MAX_COMPARED:
            raise forms.ValidationError(
                f"Kies twee tot vier schalen om te vergelijken (nu {len(schalen)}), uit {dutch_list(self.available)}."
            )
        return sorted(schalen)


MIN_GROUPS, MAX_GROUPS = 2, 3
GROUP_SLOT_LABELS = ("Eerste functiegroep", "Tweede functiegroep", "Derde functiegroep (niet verplicht)")


@dataclass
class Option:
    value: str
    label: str
    selected: bool


@dataclass
class OptionGroup:
    label: str
    options: list[Option]


@dataclass
class Select:
    """One <select> of a repeated parameter, ready for the template to loop over."""

    id: str
    label: str
    option_groups: list[OptionGroup]


class GroupCompareForm(forms.Form):
    """Which functiegroepen to compare (two or three, each once) and, per group, whose kwaliteitenprofiel.

    `groep` and `schaal` are repeated parameters: `?groep=a&groep=b&schaal=a:7`. A `schaal` for a group that is
    not chosen is left alone: it is what remains when someone picks another group in the form.
    """

    # Checked by clean_groep and clean_schaal; the template draws the <select>s (see group_selects).
    groep = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    schaal = forms.Field(required=False, widget=forms.MultipleHiddenInput)

    def __init__(self, data, *, groups: list[tuple[str, str, str]]):
        """`groups`: (slug, name, family name) of every group that can be chosen, in family order."""
        super().__init__(data)
        self.groups = groups
        self.schalen: dict[str, list[int]] = {}
        self.chosen_schalen: dict[str, int | None] = {}

    def clean_groep(self) -> list[str]:
        chosen = [slug for slug in self.data.getlist("groep") if slug]
        names = {slug: name for slug, name, _ in self.groups}
        unknown = [slug for slug in chosen if slug not in names]
        if unknown:
            raise forms.ValidationError(
                f"Functiegroep ‘{unknown[0][:100]}’ staat niet in de catalogus; kies een functiegroep uit de lijst."
            )
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Kies elke functiegroep maar één keer.")
        if len(chosen) > MAX_GROUPS or (self.is_bound and not chosen):
            raise forms.ValidationError(f"Kies twee of drie functiegroepen om te vergelijken (nu {len(chosen)}).")
        return chosen

    def clean_schaal(self) -> dict[str, int]:
        chosen: dict[str, int] = {}
        for value in self.data.getlist("schaal"):
            slug, separator, number = value.partition(":")
            if not separator or not re.fullmatch(r"[0-9]{1,2}", number):
                raise forms.ValidationError(
                    f"‘{value[:100]}’ is geen schaal van een functiegroep; schrijf functiegroep:schaal, "
                    "zoals medewerker-ict-techniek-informatiebeheer-div:7."
                )
            if slug in chosen:
                raise forms.ValidationError("Kies per functiegroep één schaal.")
            chosen[slug] = int(number)
        return chosen

    @property
    def incomplete(self) -> bool:
        """One group chosen and nothing wrong: the form waits for the second."""
        return self.is_valid() and len(self.cleaned_data["groep"]) < MIN_GROUPS

    def check_schalen(self, schalen: dict) -> dict[str, int | None]:
        """Per chosen group, in the order chosen, the schaal whose kwaliteitenprofiel is compared: the one asked
        for, or the lowest that has one. `schalen` holds each group's GroupSchalen; a schaal the group does not
        have is an error on the form.
        """
        # The choices offered: the schalen that have a kwaliteitenprofiel, per group in the order chosen.
        self.schalen = {slug: schalen[slug].with_profile for slug in self.cleaned_data["groep"]}
        names = {slug: name for slug, name, _ in self.groups}
        asked_for = self.cleaned_data["schaal"]  # add_error below takes it out of cleaned_data
        chosen = {}
        for slug in self.cleaned_data["groep"]:
            asked, found = asked_for.get(slug), schalen[slug]
            if asked is not None and asked not in found.all:
                self.add_error(
                    "schaal", f"{names[slug]} heeft geen schaal {asked}; kies uit {dutch_list(found.all) or 'geen'}."
                )
            chosen[slug] = asked if asked is not None else (found.with_profile or [None])[0]
        self.chosen_schalen = chosen
        return chosen

    def group_selects(self) -> list[Select]:
        selected = self.data.getlist("groep") if self.is_bound else []
        selects = []
        for index, label in enumerate(GROUP_SLOT_LABELS):
            current = selected[index] if index < len(selected) else ""
            families: list[OptionGroup] = []
            for slug, name, family in self.groups:
                if not families or families[-1].label != family:
                    families.append(OptionGroup(family, []))
                families[-1].options.append(Option(slug, name, slug == current))
            selects.append(Select(f"id_groep_{index + 1}", label, families))
        return selects

    def schaal_selects(self) -> list[Select]:
        """Per compared group, a choice of the schaal whose kwaliteitenprofiel is shown."""
        chosen = self.chosen_schalen
        names = {slug: name for slug, name, _ in self.groups}
        return [
            Select(
                f"id_schaal_{index}",
                f"Kwaliteitenprofiel van {names[slug]}",
                [
                    OptionGroup(
                        "",
                        [
                            Option(f"{slug}:{schaal}", f"Schaal {schaal}", schaal == chosen.get(slug))
                            for schaal in schalen
                        ],
                    )
                ],
            )
            for index, (slug, schalen) in enumerate(self.schalen.items(), start=1)
            if slug in chosen and schalen
        ]
