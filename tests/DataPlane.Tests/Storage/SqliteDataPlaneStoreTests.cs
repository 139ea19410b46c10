using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Opside.DataPlane.Storage;
using Opside.Storage.Sqlite;
using Opside.Testing;
using static Opside.DataPlane.Tests.Storage.SampleRows;

namespace Opside.DataPlane.Tests.Storage;

public sealed class SqliteDataPlaneStoreTests : DataPlaneStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    private string DatabaseFile => Path.Combine(_directory.Path, "opside.db");

    protected override Task<IDataPlaneStore> OpenStoreAsync()
    {
        _database ??= new SqliteDatabase(DatabaseFile, NullLogger<SqliteDatabase>.Instance);
        return Task.FromResult<IDataPlaneStore>(new SqliteDataPlaneStore(_database));
    }

    [Fact]
    public async Task Decimals_are_stored_as_exact_text_and_instants_as_utc_microseconds_with_the_offset()
    {
        var store = await OpenStoreAsync();
        await store.ReplaceReimbursementsAsync(Seller, Utc(2024, 3, 1), Utc(2024, 4, 1), [Reimbursement(new DateTimeOffset(2024, 3, 1, 8, 15, 0, Pdt)) with { AmountTotal = 6.10m }], Ct);

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(amount_per_unit), amount_total, approval_date, approval_date_offset FROM reimbursements;";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        Assert.Equal("text", reader.GetString(0));
        Assert.Equal("6.10", reader.GetString(1));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 15, 15, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000, reader.GetInt64(2));
        Assert.Equal(-420, reader.GetInt64(3));
    }

    [Fact]
    public async Task Only_a_bulk_write_has_a_64_MiB_page_cache_and_it_is_given_back_before_the_connection_idles_in_the_pool()
    {
        await OpenStoreAsync();
        SQLitePCL.sqlite3 handle;
        await using (var bulk = await _database!.OpenBulkWriteConnectionAsync(Ct))
        {
            handle = bulk.Connection.Handle!;
            await using var transaction = bulk.Connection.BeginTransaction();
            await using var command = bulk.Connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE filler (n INTEGER PRIMARY KEY, padding BLOB);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
                INSERT INTO filler SELECT i, randomblob(500) FROM n;
                """;
            await command.ExecuteNonQueryAsync(Ct);
            await transaction.CommitAsync(Ct);
            // 20 MB of pages: past the 2 MiB default, within the bulk write's cache.
            Assert.True(CacheUsed(handle) > 10 << 20, $"{CacheUsed(handle)} bytes of cache in use");
        }

        // The connection is closed to us, open in the pool: what it holds there is what a bulk write leaves behind.
        Assert.True(CacheUsed(handle) < 4 << 20, $"{CacheUsed(handle)} bytes of cache in use");

        // A read of the whole table (as detection reads a ledger) keeps SQLite's 2 MiB default.
        await using var reader = await _database.OpenConnectionAsync(Ct);
        await using var scan = reader.CreateCommand();
        scan.CommandText = "SELECT sum(length(padding)) FROM filler;";
        Assert.Equal(40000L * 500, await scan.ExecuteScalarAsync(Ct));
        Assert.True(CacheUsed(reader.Handle!) < 4 << 20, $"{CacheUsed(reader.Handle!)} bytes of cache in use");
    }

    private static int CacheUsed(SQLitePCL.sqlite3 handle)
    {
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_db_status(handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_USED, out var current, out _, 0));
        return current;
    }

    public void Dispose()
    {
        _database?.Dispose();
        _directory.Dispose();
    }
}
