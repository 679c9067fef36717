import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0008_fgr_pages_data"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="typeringscore",
            options={
                "ordering": ["code", "characteristic__number"],
                "verbose_name": "FUWASYS-score",
                "verbose_name_plural": "FUWASYS-scores",
            },
        ),
        migrations.RemoveConstraint(
            model_name="typeringscore",
            name="unique_typering_score",
        ),
        migrations.RemoveField(
            model_name="functiontypering",
            name="fuwasys_code",
        ),
        migrations.RemoveField(
            model_name="functiontypering",
            name="fuwasys_total",
        ),
        migrations.RemoveField(
            model_name="historicalfunctiontypering",
            name="fuwasys_code",
        ),
        migrations.RemoveField(
            model_name="historicalfunctiontypering",
            name="fuwasys_total",
        ),
        migrations.RemoveField(
            model_name="historicalqualityprofileline",
            name="bulleted",
        ),
        migrations.RemoveField(
            model_name="historicaltyperingline",
            name="bulleted",
        ),
        migrations.RemoveField(
            model_name="historicaltyperingscore",
            name="typering",
        ),
        migrations.RemoveField(
            model_name="historicaltyperingsection",
            name="intro",
        ),
        migrations.RemoveField(
            model_name="qualityprofileline",
            name="bulleted",
        ),
        migrations.RemoveField(
            model_name="typeringline",
            name="bulleted",
        ),
        migrations.RemoveField(
            model_name="typeringscore",
            name="typering",
        ),
        migrations.RemoveField(
            model_name="typeringsection",
            name="intro",
        ),
        migrations.AlterField(
            model_name="typeringscore",
            name="code",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="scores",
                to="profiles.typeringcode",
                verbose_name="FUWASYS-code",
            ),
        ),
        migrations.AddConstraint(
            model_name="typeringscore",
            constraint=models.UniqueConstraint(fields=("code", "characteristic"), name="unique_code_score"),
        ),
    ]
