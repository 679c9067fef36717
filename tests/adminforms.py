"""Filling in the admin's forms the way a browser would, from the page the admin rendered."""


def form_data(response) -> dict:
    """The POST data of an admin change form as rendered: the main form and every inline, unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if value is None or value is False:
                continue
            data[bound.html_name] = "on" if value is True else str(value)
    return data


def inline_prefix(response, model) -> str:
    """The form prefix of the inline that edits `model` (e.g. "results")."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(model)


def inline_row(response, model, pk) -> str:
    """The prefix of the inline row that holds object `pk`, e.g. "results-3"."""
    prefix = inline_prefix(response, model)
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            for index, form in enumerate(inline.formset.forms):
                if form.instance.pk == pk:
                    return f"{prefix}-{index}"
    raise LookupError(pk)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
