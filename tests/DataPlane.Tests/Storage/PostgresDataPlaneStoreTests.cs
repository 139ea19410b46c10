using Npgsql;
using Opside.DataPlane.Storage;
using Opside.Storage.Postgres;
using Opside.Testing;
using static Opside.DataPlane.Tests.Storage.SampleRows;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>The contract on a migrated database of its own per test; skipped without <c>OPSIDE_TEST_POSTGRES</c>.</summary>
public sealed class PostgresDataPlaneStoreTests : DataPlaneStoreContract, IAsyncDisposable
{
    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IDataPlaneStore> OpenStoreAsync()
    {
        _database ??= await PostgresServer.CreateMigratedDatabaseAsync(Ct);
        _dataSource ??= NpgsqlDataSource.Create(_database.ConnectionString);
        return new PostgresDataPlaneStore(_dataSource);
    }

    [Fact]
    public async Task Money_is_numeric_with_the_printed_scale_and_instants_keep_their_offset_beside_them()
    {
        var store = await OpenStoreAsync();
        await store.ReplaceReimbursementsAsync(Seller, Utc(2024, 3, 1), Utc(2024, 4, 1), [Reimbursement(new DateTimeOffset(2024, 3, 1, 8, 15, 0, Pdt)) with { AmountTotal = 6.10m }], Ct);

        await using var command = _dataSource!.CreateCommand(
            "SELECT pg_typeof(amount_total)::text, amount_total::text, approval_date = '2024-03-01T15:15:00Z'::timestamptz, approval_date_offset FROM reimbursements");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        Assert.Equal("numeric", reader.GetString(0));
        Assert.Equal("6.10", reader.GetString(1));
        Assert.True(reader.GetBoolean(2));
        Assert.Equal(-420, reader.GetInt16(3));
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
