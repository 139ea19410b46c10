namespace Opside.Storage.Postgres;

/// <summary>Applies pending PostgreSQL migrations before the silo starts, when Storage:MigrateOnStart is set.</summary>
public sealed class MigrateOnStartService(StorageOptions storage, ILogger<PostgresMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await new PostgresMigrator(storage.ConnectionString!, logger).MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
