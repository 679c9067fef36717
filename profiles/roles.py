"""The role of content administrators: the group "Redacteur" may edit the catalogue's content and nothing else."""

EDITOR_GROUP = "Redacteur"

# Content that a redacteur adds, changes and deletes (and, through the history, restores).
EDITABLE_MODELS = (
    "functionfamily",
    "functiongroup",
    "result",
    "behaviouralindicator",
    "kernprofielheading",
    "competency",
    "groupcompetency",
    "focusarea",
    "qualityprofile",
    "qualityprofilesection",
    "qualityprofileline",
    "qualityprofilecompetency",
    "functiontypering",
    "typeringcode",
    "typeringsection",
    "typeringline",
)
# The FGR's fixed vocabulary and the scores read from a FUWASYS code: a redacteur only reads them.
READ_ONLY_MODELS = ("resultarea", "characteristic", "typeringscore")


def editor_codenames() -> list[str]:
    editable = [f"{action}_{model}" for model in EDITABLE_MODELS for action in ("add", "change", "delete", "view")]
    return editable + [f"view_{model}" for model in READ_ONLY_MODELS]


def create_editor_group(group_model, permission_model):
    """Create or reset the group; the models are passed in so that a data migration can use its own."""
    group, _ = group_model.objects.get_or_create(name=EDITOR_GROUP)
    permissions = permission_model.objects.filter(content_type__app_label="profiles", codename__in=editor_codenames())
    group.permissions.set(permissions)
    return group
