"""Actions' role type becomes a link to one of the partnership's own role types.

The old choice field held the regional plan's keys; each partnership got those five as
role types (partnerships 0006), so every action keeps its role type, matched by key.
"""

import django.db.models.deletion
from django.db import migrations, models


def link_role_types(apps, schema_editor):
    Action = apps.get_model("strategy", "Action")
    RoleType = apps.get_model("partnerships", "RoleType")
    found = {}
    rows = Action.objects.exclude(role_type="").values_list(
        "pk", "role_type", "priority__theme__plan__strategy__partnership_id"
    )
    for pk, key, partnership_id in rows.iterator():
        if (partnership_id, key) not in found:
            role_type, _ = RoleType.objects.get_or_create(
                partnership_id=partnership_id,
                key=key,
                defaults={"name": key.replace("_", " ").capitalize(), "colour": "grey"},
            )
            found[(partnership_id, key)] = role_type.pk
        Action.objects.filter(pk=pk).update(role_type_ref=found[(partnership_id, key)])


def unlink_role_types(apps, schema_editor):
    Action = apps.get_model("strategy", "Action")
    for action in Action.objects.filter(role_type_ref__isnull=False).select_related(
        "role_type_ref"
    ):
        Action.objects.filter(pk=action.pk).update(role_type=action.role_type_ref.key[:20])


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0006_role_types"),
        ("strategy", "0006_status_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="role_type_ref",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.roletype",
            ),
        ),
        migrations.RunPython(link_role_types, unlink_role_types),
        migrations.RemoveField(model_name="action", name="role_type"),
        migrations.RenameField(model_name="action", old_name="role_type_ref", new_name="role_type"),
        migrations.AlterField(
            model_name="action",
            name="role_type",
            field=models.ForeignKey(
                blank=True,
                help_text="The partnership's part in the action, in its own words.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="partnerships.roletype",
            ),
        ),
    ]
