"""No two bookings that hold a slot of one resource overlap: on PostgreSQL an exclusion
constraint (btree_gist) on the resource and the time range of pending and approved bookings.
SQLite has no such constraint: the booking service checks inside its write transaction."""

from django.db import migrations

CREATE = (
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE colleges_booking ADD CONSTRAINT booking_no_overlap"
    " EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)"
    " WHERE (status IN ('pending', 'approved'))",
)
DROP = ("ALTER TABLE colleges_booking DROP CONSTRAINT IF EXISTS booking_no_overlap",)


def _on_postgresql(statements: tuple[str, ...]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("colleges", "0001_initial")]

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
