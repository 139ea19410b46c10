using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Opside.DataPlane.Claims;
using Opside.Storage.Sqlite;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage;

/// <summary>
/// Schema 8 rebuilds the claims read model as a rowid table: a file written by schema 7 keeps every claim exactly, and
/// the rebuilt table still takes versioned upserts and answers the list.
/// </summary>
public sealed class SqliteClaimsRebuildMigrationTests : IDisposable
{
    private const string Seller = "seller-migrated";
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabaseFile => Path.Combine(_directory.Path, "opside.db");

    [Fact]
    public async Task A_schema_7_file_keeps_every_claim_and_the_rebuilt_table_takes_newer_versions_only()
    {
        await CreateAtSchema7Async();
        var lost = new ClaimRecord(Seller, "c-lost", "WarehouseLost", "Filed", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 20),
            12.24m, "USD", 3, """{"id":"c-lost"}""", "15678123451", "x001abc\nsku-red", 6.10m, "USD");
        var unknown = new ClaimRecord(Seller, "c-unknown", "InboundShortage", "Claimable", new DateOnly(2026, 10, 2), new DateOnly(2026, 12, 9),
            null, null, 1, """{"id":"c-unknown"}""", null, "x002def");
        await InsertAtSchema7Async(lost);
        await InsertAtSchema7Async(unknown);

        var database = new SqliteDatabase(DatabaseFile, NullLogger<SqliteDatabase>.Instance);
        var store = new SqliteDataPlaneStore(database);

        Assert.Equal(lost, await store.GetClaimAsync(Seller, "c-lost", Ct));
        Assert.Equal(unknown, await store.GetClaimAsync(Seller, "c-unknown", Ct));
        var byValue = await store.QueryClaimsAsync(new ClaimQuery(Seller, 1, 10, Sort: ClaimSort.Value, Descending: true), Ct);
        Assert.Equal(["c-lost", "c-unknown"], byValue.Items.Select(c => c.ClaimId));
        Assert.Equal(2, byValue.Total);
        Assert.Equal(["c-lost"], (await store.FindClaimsByCaseAsync(Seller, ["15678123451"], Ct)).Select(c => c.ClaimId));

        Assert.Equal(0, await store.UpsertClaimsAsync([lost with { Version = 2, Status = "Claimable" }], Ct));
        Assert.Equal(1, await store.UpsertClaimsAsync([lost with { Version = 4, Status = "Reimbursed" }], Ct));
        Assert.Equal("Reimbursed", (await store.GetClaimAsync(Seller, "c-lost", Ct))!.Status);

        await using var connection = await SqliteTestSilo.OpenRawAsync(DatabaseFile);
        Assert.Equal((long)SqliteDatabase.LatestSchemaVersion, await ScalarAsync(connection, "SELECT max(version) FROM schema_version;"));
        var table = (string)(await ScalarAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claims';"))!;
        Assert.DoesNotContain("WITHOUT ROWID", table, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM claims;"));
    }

    private async Task CreateAtSchema7Async()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, SqliteSchema.CreateSchemaVersionTable);
        foreach (var migration in SqliteSchema.Migrations.Where(m => m.Version <= 7))
        {
            await ExecuteAsync(connection, migration.Sql);
            await ExecuteAsync(connection,
                $"INSERT INTO schema_version (version, description, applied_utc) VALUES ({migration.Version}, 'test', '2026-12-01T00:00:00Z');");
        }
    }

    /// <summary>A row as schema 7's store wrote it: money as exact text, days as yyyymmdd.</summary>
    private async Task InsertAtSchema7Async(ClaimRecord claim)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO claims (seller_id, claim_id, type, status, anchor_date, window_closes, estimated_value, currency, version, json,
                                case_id, search, recovered_amount, recovered_currency)
            VALUES ($seller, $claim, $type, $status, $anchor, $closes, $value, $currency, $version, $json, $case, $search, $recovered, $recovered_currency);
            """;
        command.Parameters.AddWithValue("$seller", claim.SellerId);
        command.Parameters.AddWithValue("$claim", claim.ClaimId);
        command.Parameters.AddWithValue("$type", claim.Type);
        command.Parameters.AddWithValue("$status", claim.Status);
        command.Parameters.AddWithValue("$anchor", Day(claim.AnchorDate));
        command.Parameters.AddWithValue("$closes", Day(claim.WindowCloses));
        command.Parameters.AddWithValue("$value", (object?)claim.EstimatedValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$currency", (object?)claim.Currency ?? DBNull.Value);
        command.Parameters.AddWithValue("$version", claim.Version);
        command.Parameters.AddWithValue("$json", claim.Json);
        command.Parameters.AddWithValue("$case", (object?)claim.CaseId ?? DBNull.Value);
        command.Parameters.AddWithValue("$search", claim.Search);
        command.Parameters.AddWithValue("$recovered", (object?)claim.RecoveredAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$recovered_currency", (object?)claim.RecoveredCurrency ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static int Day(DateOnly day) => day.Year * 10_000 + day.Month * 100 + day.Day;

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    public void Dispose() => _directory.Dispose();
}
