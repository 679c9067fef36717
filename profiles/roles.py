"""The role of content administrators: the group "Redacteur" may edit the catalogue's content and nothing else."""

EDITOR_GROUP = "Redacteur"


def editable_models() -> tuple[str, ...]:
    """Content that a redacteur adds, changes and deletes (and, through the history, restores)."""
    from profiles import content  # the models: imported when a migration runs this, not when it is loaded

    return tuple(model._meta.model_name for model in content.EDITABLE)


def read_only_models() -> tuple[str, ...]:
    """The FGR's fixed vocabulary and the scores read from a FUWASYS code: a redacteur only reads them."""
    from profiles import content

    return tuple(model._meta.model_name for model in (*content.REFERENCE, *content.DERIVED))


def editor_codenames() -> list[str]:
    actions = ("add", "change", "delete", "view")
    editable = [f"{action}_{model}" for model in editable_models() for action in actions]
    return editable + [f"view_{model}" for model in read_only_models()]


def create_editor_group(group_model, permission_model):
    """Create or reset the group; the models are passed in so that a data migration can use its own."""
    group, _ = group_model.objects.get_or_create(name=EDITOR_GROUP)
    permissions = permission_model.objects.filter(content_type__app_label="profiles", codename__in=editor_codenames())
    group.permissions.set(permissions)
    return group
