using Npgsql;
using Opside.DataPlane.Billing;
using Opside.Storage.Postgres;
using Opside.Testing;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>The billing accounts contract on a migrated database of its own per test; skipped without <c>OPSIDE_TEST_POSTGRES</c>.</summary>
public sealed class PostgresBillingAccountsTests : BillingAccountsContract, IAsyncDisposable
{
    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IBillingAccounts> OpenAccountsAsync()
    {
        _database ??= await PostgresServer.CreateMigratedDatabaseAsync(Ct);
        _dataSource ??= NpgsqlDataSource.Create(_database.ConnectionString);
        return new PostgresBillingAccounts(_dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
