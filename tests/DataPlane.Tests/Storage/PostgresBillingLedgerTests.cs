using Npgsql;
using Opside.DataPlane.Billing;
using Opside.Storage.Postgres;
using Opside.Testing;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>The billing ledger contract on a migrated database of its own per test; skipped without <c>OPSIDE_TEST_POSTGRES</c>.</summary>
public sealed class PostgresBillingLedgerTests : BillingLedgerContract, IAsyncDisposable
{
    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IBillingLedger> OpenLedgerAsync()
    {
        _database ??= await PostgresServer.CreateMigratedDatabaseAsync(Ct);
        _dataSource ??= NpgsqlDataSource.Create(_database.ConnectionString);
        return new PostgresBillingLedger(_dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
