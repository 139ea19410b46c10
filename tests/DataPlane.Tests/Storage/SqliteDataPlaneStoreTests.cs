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

    public void Dispose()
    {
        _database?.Dispose();
        _directory.Dispose();
    }
}
