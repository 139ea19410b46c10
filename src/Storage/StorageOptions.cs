using System.ComponentModel.DataAnnotations;

namespace Opside.Storage;

/// <summary>Where grain state, reminders and (later) the data plane live. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>The connection string name under <c>ConnectionStrings</c> used for PostgreSQL.</summary>
    public const string ConnectionStringName = "Opside";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite only: the folder that holds <c>opside.db</c>. Relative paths are resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>PostgreSQL only: apply pending migrations when the process starts (under an advisory lock).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Filled from <c>ConnectionStrings:Opside</c>, not from this section.</summary>
    public string? ConnectionString { get; set; }

    public string SqliteFilePath => Path.GetFullPath(Path.Combine(DataDirectory, "opside.db"));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
            yield return new ValidationResult($"{Section}:DataDirectory must not be empty when {Section}:Provider is Sqlite.", [nameof(DataDirectory)]);
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult($"ConnectionStrings:{ConnectionStringName} is required when {Section}:Provider is Postgres.", [nameof(ConnectionString)]);
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
