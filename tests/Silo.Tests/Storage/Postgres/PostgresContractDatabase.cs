using Microsoft.Extensions.Hosting;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage.Postgres;

/// <summary>
/// A migrated database for one contract test instance, and silos started on it with Opside's own
/// silo configuration (Storage:Provider=Postgres), as production starts them.
/// </summary>
internal sealed class PostgresContractDatabase : IAsyncDisposable
{
    private TestDatabase? database;

    public string ConnectionString => database?.ConnectionString ?? throw new InvalidOperationException("No silo was started on this database yet.");

    public async Task<IHost> StartSiloAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        if (database is null)
        {
            database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        }

        return await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterInDatabase: false), cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
            await database.DisposeAsync();
    }
}
