using Opside.Storage;
using Opside.Storage.Postgres;
using Serilog;
using Serilog.Extensions.Logging;

namespace Opside.Silo;

/// <summary><c>dotnet run --project src/Silo -- migrate</c>: applies pending PostgreSQL migrations and exits.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        // The web hosts take their environment from ASPNETCORE_ENVIRONMENT (launchSettings sets it under dotnet run);
        // a plain host reads only DOTNET_ENVIRONMENT, so ask for the same one.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
        });
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        var configuration = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration);
        // The same console formats as the hosts: a deployment job's lines reach the same log shipper.
        using var serilog = (builder.Environment.IsDevelopment()
                ? configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                : configuration.WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter()))
            .CreateLogger();
        using var loggerFactory = new SerilogLoggerFactory(serilog);
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
