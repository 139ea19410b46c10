using Opside.Storage;
using Opside.Storage.Postgres;

namespace Opside.Silo;

/// <summary><c>dotnet run --project src/Silo -- migrate</c>: applies pending PostgreSQL migrations and exits.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = CommandHost.CreateBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        using var loggerFactory = CommandHost.CreateLoggerFactory(builder);
        var logger = loggerFactory.CreateLogger<PostgresMigrator>();

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogError("ConnectionStrings:{Name} is required to migrate (set ConnectionStrings__{Name})", StorageOptions.ConnectionStringName, StorageOptions.ConnectionStringName);
            return 2;
        }

        try
        {
            var applied = await new PostgresMigrator(connectionString, logger).MigrateAsync();
            logger.LogInformation("Migration finished: {Count} migration(s) applied", applied.Count);
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A command-line tool answers every failure, a malformed connection string included, with a
            // log line and a non-zero exit code that a deployment job can act on.
            logger.LogError(ex, "Migration failed");
            return 1;
        }
    }
}
