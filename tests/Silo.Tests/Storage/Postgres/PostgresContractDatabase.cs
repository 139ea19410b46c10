using Microsoft.Extensions.Hosting;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage.Postgres;

/// <summary>
/// A migrated database for one contract test instance, and silos started on it with Opside's own
/// silo configuration (Storage:Provider=Postgres), as production starts them.
/// </summary>
internal sealed class PostgresContractDatabase : IAsyncDisposable
{
    private TestDatabase? _database;

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("No silo was started on this database yet.");

    public async Task<IHost> StartSiloAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        if (_database is null)
        {
            _database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        }

        return (await TestSilo.StartAsync(TestSilo.Postgres(_database.ConnectionString, clusterInDatabase: false), cancellationToken: ct)).Host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
