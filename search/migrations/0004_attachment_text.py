"""The attached files' text as a fifth field group; SQLite's FTS5 table and its triggers gain the column."""

from django.db import migrations, models

COLUMNS = ("title", "tags", "body", "rest")


def fts(columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    return [
        "DROP TRIGGER IF EXISTS search_entry_au",
        "DROP TRIGGER IF EXISTS search_entry_ad",
        "DROP TRIGGER IF EXISTS search_entry_ai",
        "DROP TABLE IF EXISTS search_entry_fts",
        f"""CREATE VIRTUAL TABLE search_entry_fts USING fts5(
            {names}, content='search_searchentry', content_rowid='id', tokenize='unicode61'
        )""",
        f"""CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
            INSERT INTO search_entry_fts(rowid, {names}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
            INSERT INTO search_entry_fts(search_entry_fts, rowid, {names}) VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
            INSERT INTO search_entry_fts(search_entry_fts, rowid, {names}) VALUES ('delete', old.id, {old});
            INSERT INTO search_entry_fts(rowid, {names}) VALUES (new.id, {new});
        END""",
        "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
    ]


def run(columns):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in fts(columns):
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_terms")]

    operations = [
        migrations.AddField(model_name="searchentry", name="files", field=models.TextField(blank=True)),
        migrations.RunPython(run((*COLUMNS, "files")), run(COLUMNS)),
    ]
