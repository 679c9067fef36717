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
