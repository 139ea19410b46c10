using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Storage.Postgres;
using Opside.Storage.Sqlite;
using Opside.Testing;
using static Opside.DataPlane.Tests.Storage.SampleRows;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>Every silo host gets the data-plane store of its Storage:Provider, on the silo's own database.</summary>
public sealed class DataPlaneRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sqlite_silo_keeps_the_data_plane_in_its_own_file()
    {
        using var directory = new TempDirectory();
        var day = new DateOnly(2024, 1, 1);
        await using (var silo = await TestSilo.StartAsync(TestSilo.Sqlite(directory.Path), cancellationToken: Ct))
        {
            var store = silo.Services.GetRequiredService<IDataPlaneStore>();
            Assert.IsType<SqliteDataPlaneStore>(store);
            Assert.Same(store, silo.Services.GetRequiredService<IDataPlaneStore>());
            await store.ReplaceLedgerAsync("s-1", day, day, [Ledger(day)], Ct);
        }

        // A later host on the same folder (another process, in production) reads what the first one wrote.
        await using var next = await TestSilo.StartAsync(TestSilo.Sqlite(directory.Path), cancellationToken: Ct);
        Assert.Equal([Ledger(day)], await next.Services.GetRequiredService<IDataPlaneStore>().ReadLedgerAsync("s-1", Ct));
    }

    [Fact]
    public async Task A_postgres_silo_keeps_the_data_plane_in_its_database()
    {
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(Ct);
        await using var silo = await TestSilo.StartAsync(TestSilo.Postgres(database.ConnectionString, clusterInDatabase: false), cancellationToken: Ct);

        var store = silo.Services.GetRequiredService<IDataPlaneStore>();
        await store.ReplaceRefundsAsync("s-1", Utc(2024, 1, 1), Utc(2024, 2, 1), [Refund(Utc(2024, 1, 2))], Ct);

        Assert.IsType<PostgresDataPlaneStore>(store);
        Assert.Equal(1, (await store.CountAsync("s-1", Ct))[DataSource.Refunds]);
    }
}
