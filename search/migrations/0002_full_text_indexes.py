"""Engine-specific full-text structures over SearchEntry: FTS5 on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        title, tags, body, rest, content='search_searchentry', content_rowid='id', tokenize='unicode61'
    )""",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(rowid, title, tags, body, rest)
        VALUES (new.id, new.title, new.tags, new.body, new.rest);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title, tags, body, rest)
        VALUES ('delete', old.id, old.title, old.tags, old.body, old.rest);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title, tags, body, rest)
        VALUES ('delete', old.id, old.title, old.tags, old.body, old.rest);
        INSERT INTO search_entry_fts(rowid, title, tags, body, rest)
        VALUES (new.id, new.title, new.tags, new.body, new.rest);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_entry_fts",
]
POSTGRESQL = ["CREATE INDEX search_entry_vector ON search_searchentry USING GIN (vector)"]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_entry_vector"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
