using System.Globalization;
using System.Text.Json;
using Opside.Grains.Scoring;
using Opside.Hosting.Cluster;
using Opside.Storage;
using Opside.Storage.DataPlane;
using Opside.Storage.Sqlite;

namespace Opside.Silo;

/// <summary>
/// <c>dotnet run --project src/Silo -- train-model [--bootstrap] [--bootstrap-rows N] [--seed N]</c>: trains a refund
/// model on the configured store as <c>POST /api/ops/models/train</c> does (docs/model-card.md, "Training"), prints the
/// result as JSON and exits; 0 when trained (promoted or not), 2 on a bad argument, 1 on a failure. On PostgreSQL the
/// migrations must be applied; the SQLite file is created or upgraded as the silo would.
/// </summary>
public static class TrainModelCommand
{
    public const string Name = "train-model";

    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private const string Usage = "usage: train-model [--bootstrap] [--bootstrap-rows N] [--seed N]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var command, out var ownArgs))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = CommandHost.CreateBuilder(ownArgs);
        using var loggerFactory = CommandHost.CreateLoggerFactory(builder);
        var logger = loggerFactory.CreateLogger(typeof(TrainModelCommand));
        try
        {
            var settings = OpsideHostingSettings.Register(builder);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<ILoggerFactory>(loggerFactory);
            builder.Services.AddSingleton(TimeProvider.System);
            if (settings.Storage.Provider == StorageProvider.Sqlite)
                builder.Services.AddSingleton(sp => new SqliteDatabase(settings.Storage.SqliteFilePath, sp.GetRequiredService<ILogger<SqliteDatabase>>()));
            builder.Services.AddOpsideDataPlane(settings.Storage);
            builder.Services.AddSingleton<RefundModelTraining>();
            using var host = builder.Build();
            if (settings.Storage.Provider == StorageProvider.Sqlite)
                await host.Services.GetRequiredService<SqliteDatabase>().EnsureCreatedAsync();

            var result = await host.Services.GetRequiredService<RefundModelTraining>().TrainAsync(command, CancellationToken.None);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Output));
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Training the refund model failed");
            return 1;
        }
    }

    /// <summary>The command's own options; anything else (e.g. <c>--Storage:Provider=Postgres</c>) is left to configuration.</summary>
    internal static bool TryParse(string[] args, out ModelTrainingCommand command, out string[] rest)
    {
        command = new ModelTrainingCommand("train-model");
        var others = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--bootstrap":
                    command = command with { Bootstrap = true };
                    break;
                case "--bootstrap-rows" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows):
                    command = command with { BootstrapRows = rows };
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed):
                    command = command with { Seed = seed };
                    i++;
                    break;
                case "--bootstrap-rows" or "--seed":
                    rest = [];
                    return false;
                default:
                    others.Add(args[i]);
                    break;
            }
        }

        rest = [.. others];
        return true;
    }
}
