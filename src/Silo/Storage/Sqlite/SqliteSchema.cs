namespace Opside.Silo.Storage.Sqlite;

/// <summary>The schema as an ordered list of migrations. Append new ones; never edit an applied one.</summary>
internal static class SqliteSchema
{
    public const string CreateSchemaVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_utc TEXT    NOT NULL
        );
        """;

    public static readonly SqliteMigration[] Migrations =
    [
        new(1, "grain_state and reminders tables", """
            CREATE TABLE IF NOT EXISTS grain_state (
                service_id   TEXT    NOT NULL,
                grain_type   TEXT    NOT NULL,
                grain_key    TEXT    NOT NULL,
                state_name   TEXT    NOT NULL,
                payload_json TEXT    NULL,
                version      INTEGER NOT NULL,
                modified_utc TEXT    NOT NULL,
                PRIMARY KEY (service_id, grain_type, grain_key, state_name)
            ) WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS reminders (
                service_id    TEXT    NOT NULL,
                grain_id      TEXT    NOT NULL,
                reminder_name TEXT    NOT NULL,
                start_at_utc  TEXT    NOT NULL,
                period_ms     INTEGER NOT NULL,
                grain_hash    INTEGER NOT NULL,
                version       INTEGER NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            ) WITHOUT ROWID;

            CREATE INDEX IF NOT EXISTS ix_reminders_service_hash ON reminders (service_id, grain_hash);
            """),
    ];
}

internal sealed record SqliteMigration(int Version, string Description, string Sql);
