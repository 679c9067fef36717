"""Move existing content, and its history, into the shapes of 0007 before 0009 drops the old fields.

- `bulleted=False` lines become lines of kind "los"; a kwaliteitenprofiel's competencies get their heading.
- Each typering's one FUWASYS code becomes a TyperingCode with the typering's own id, and its scores hang from
  it; every historical version of a typering gets the matching version of its code, so that restoring a removed
  group (profiles.restore) still finds its codes and scores.
- A section's intro lines become typering lines of kind "inleiding" at the top of the section (the lines under
  them move down), with versions that follow the section's history: added when the intro appeared, changed
  when it changed, removed when it went or the section did.
- Every list of a group's kernprofiel (Resultaten, Gedragsindicatoren, Competenties) and every resultaatgebied
  it has lines in gets its heading, labelled with the catalogue's name (the only spelling the importer took so
  far), with a first version.

Ids given explicitly (codes, intro lines known only to the history) are kept out of the way of later rows by
moving each table's id sequence past them.
"""

from collections import defaultdict
from itertools import groupby

from django.db import migrations
from django.db.models import F, Max
from django.utils import timezone

MIGRATED = "Overgezet bij de overgang naar FGR-pagina's met varianten"
PARKING = 10_000


def forwards(apps, schema_editor):
    model = lambda name: apps.get_model("profiles", name)  # noqa: E731
    for name in ("QualityProfileLine", "TyperingLine"):
        for table in (model(name), model(f"Historical{name}")):
            table.objects.filter(bulleted=False).update(kind="los")
    with_competencies = model("QualityProfileCompetency").objects.values("profile_id")
    for table in (model("QualityProfile"), model("HistoricalQualityProfile")):  # the only heading taken so far
        table.objects.filter(id__in=with_competencies).update(competencies_label="Competenties")
    _codes(model, schema_editor)
    _intro_lines(model, schema_editor)
    _kernprofiel_headings(model)


def _codes(model, schema_editor):
    Typering, Code, Score = model("FunctionTypering"), model("TyperingCode"), model("TyperingScore")
    HistoricalTypering, HistoricalCode = model("HistoricalFunctionTypering"), model("HistoricalTyperingCode")
    Code.objects.bulk_create(
        Code(id=t.id, typering_id=t.id, position=1, label="", code=t.fuwasys_code, total=t.fuwasys_total)
        for t in Typering.objects.order_by("id")
    )
    Score.objects.update(code_id=F("typering_id"))
    model("HistoricalTyperingScore").objects.update(code_id=F("typering_id"))
    HistoricalCode.objects.bulk_create(
        HistoricalCode(
            id=record.id,
            typering_id=record.id,
            position=1,
            label="",
            code=record.fuwasys_code,
            total=record.fuwasys_total,
            history_date=record.history_date,
            history_type=record.history_type,
            history_user_id=record.history_user_id,
            history_change_reason=record.history_change_reason,
        )
        for record in HistoricalTypering.objects.order_by("history_id")
    )
    _move_sequence(schema_editor, Code, HistoricalCode)


def _intro_lines(model, schema_editor):
    Section, Line = model("TyperingSection"), model("TyperingLine")
    HistoricalSection, HistoricalLine = model("HistoricalTyperingSection"), model("HistoricalTyperingLine")
    room: dict[int, int] = defaultdict(int)  # per section, the most intro lines it ever had
    for table in (Section, HistoricalSection):
        for section_id, intro in table.objects.exclude(intro="").values_list("id", "intro"):
            room[section_id] = max(room[section_id], len(intro.splitlines()))
    for section_id, count in room.items():
        lines = Line.objects.filter(section_id=section_id)
        lines.update(position=F("position") + PARKING)  # out of the way of the unique positions first
        lines.update(position=F("position") - PARKING + count)
        HistoricalLine.objects.filter(section_id=section_id).update(position=F("position") + count)
    ids: dict[tuple[int, int], int] = {}
    _move_sequence(schema_editor, Line, HistoricalLine)  # rows loaded with explicit ids may have left it behind
    for section in Section.objects.exclude(intro="").order_by("id"):
        for index, text in enumerate(section.intro.splitlines(), start=1):
            line = Line.objects.create(section_id=section.id, position=index, kind="inleiding", text=text)
            ids[section.id, index] = line.id
    next_id = 1 + max(
        Line.objects.aggregate(top=Max("id"))["top"] or 0, HistoricalLine.objects.aggregate(top=Max("id"))["top"] or 0
    )
    versions = []
    records = HistoricalSection.objects.filter(id__in=room).order_by("id", "history_date", "history_id")
    for section_id, section_records in groupby(records, key=lambda record: record.id):
        active: dict[int, str] = {}
        for record in section_records:
            texts = [] if record.history_type == "-" else record.intro.splitlines()
            for index, text in enumerate(texts, start=1):
                if (section_id, index) not in ids:
                    ids[section_id, index], next_id = next_id, next_id + 1
                if active.get(index) != text:
                    versions.append(_line_version(HistoricalLine, ids[section_id, index], index, text, record, active))
                    active[index] = text
            for index in sorted(set(active) - set(range(1, len(texts) + 1))):
                versions.append(_line_version(HistoricalLine, ids[section_id, index], index, active.pop(index), record))
                versions[-1].history_type = "-"
    HistoricalLine.objects.bulk_create(versions)
    _move_sequence(schema_editor, Line, HistoricalLine)


def _line_version(HistoricalLine, line_id, index, text, section_record, active=None):
    return HistoricalLine(
        id=line_id,
        section_id=section_record.id,
        position=index,
        kind="inleiding",
        text=text,
        continuation="",
        history_date=section_record.history_date,
        history_type="~" if active and index in active else "+",
        history_user_id=section_record.history_user_id,
        history_change_reason=section_record.history_change_reason,
    )


def _kernprofiel_headings(model):
    Heading, HistoricalHeading = model("KernprofielHeading"), model("HistoricalKernprofielHeading")
    names = dict(model("ResultArea").objects.values_list("id", "name"))
    headings = []
    lists = (
        ("resultaten", "Resultaten", "Result"),
        ("gedragsindicatoren", "Gedragsindicatoren", "BehaviouralIndicator"),
        ("competenties", "Competenties", "GroupCompetency"),
    )
    for part, label, line_model in lists:
        lines = model(line_model).objects.order_by()
        headings += [
            Heading(group_id=group_id, part=part, label=label)
            for group_id in lines.values_list("group_id", flat=True).distinct()
        ]
        if part != "competenties":
            headings += [
                Heading(group_id=group_id, part=part, area_id=area_id, label=names[area_id])
                for group_id, area_id in lines.values_list("group_id", "area_id").distinct()
            ]
    now = timezone.now()
    HistoricalHeading.objects.bulk_create(
        HistoricalHeading(
            id=heading.id,
            group_id=heading.group_id,
            part=heading.part,
            area_id=heading.area_id,
            label=heading.label,
            history_date=now,
            history_type="+",
            history_change_reason=MIGRATED,
        )
        for heading in Heading.objects.bulk_create(headings)
    )


def _move_sequence(schema_editor, model, historical) -> None:
    """Make the next id of `model`'s table larger than every id it or its history used."""
    top = max(
        model.objects.aggregate(top=Max("id"))["top"] or 0, historical.objects.aggregate(top=Max("id"))["top"] or 0
    )
    if not top:
        return
    table = model._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, top])
        elif schema_editor.connection.vendor == "sqlite":
            cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [top, table])
            if not cursor.rowcount:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, top])


class Migration(migrations.Migration):
    dependencies = [("profiles", "0007_fgr_pages_additions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
