using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace Opside.Storage.Sqlite;

public static class SqliteSiloBuilderExtensions
{
    /// <summary>
    /// Stores grain state (as the default grain storage provider) and reminders in one SQLite file at
    /// <paramref name="databaseFilePath"/>; its folder and schema are created at start-up. Registers no grain
    /// storage serializer: the one in DI is used, so call <c>UseSystemTextJsonGrainStorageSerializer()</c> as well.
    /// </summary>
    public static ISiloBuilder AddOpsideSqliteStorage(this ISiloBuilder silo, string databaseFilePath)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseFilePath);
        var fullPath = Path.GetFullPath(databaseFilePath);

        silo.AddReminders();

        var services = silo.Services;
        services.AddSingleton(sp => new SqliteDatabase(fullPath, sp.GetRequiredService<ILogger<SqliteDatabase>>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, SqliteGrainStorage.Create);
        services.AddSingleton<SqliteReminderTable>();
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqliteReminderTable>());
        return silo;
    }
}
