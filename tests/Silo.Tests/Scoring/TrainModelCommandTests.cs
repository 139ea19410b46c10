using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Opside.Storage.Postgres;
using Opside.Storage.Sqlite;
using Opside.Testing;

namespace Opside.Silo.Tests.Scoring;

/// <summary>The <c>train-model</c> command on each store: it trains, stores and serves the first model, and refuses a bad option.</summary>
public sealed class TrainModelCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_sqlite_it_creates_the_file_and_serves_the_model_it_trained()
    {
        var exitCode = await TrainModelCommand.RunAsync(["--bootstrap-rows", "2000", "--seed", "5", "--Storage:DataDirectory", _directory.Path]);

        var store = new SqliteModelStore(new SqliteDatabase(Path.Combine(_directory.Path, "opside.db"), NullLogger<SqliteDatabase>.Instance));
        var current = await store.GetCurrentAsync(Ct);
        Assert.Equal(0, exitCode);
        Assert.NotNull(current);
        Assert.True(current.Bootstrap);
        Assert.Contains("\"trainCount\":1400", current.MetadataJson, StringComparison.Ordinal);
        Assert.Equal("train-model", (await store.PromotionsAsync(1, Ct))[0].By);
    }

    [Fact]
    public async Task On_postgres_it_stores_and_promotes_in_the_migrated_database()
    {
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(Ct);

        var exitCode = await TrainModelCommand.RunAsync(
            ["--bootstrap-rows", "2000", "--Storage:Provider", "Postgres", "--ConnectionStrings:Opside", database.ConnectionString]);

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var current = await new PostgresModelStore(dataSource).GetCurrentAsync(Ct);
        Assert.Equal(0, exitCode);
        Assert.NotNull(current);
    }

    [Theory]
    [InlineData("--bootstrap-rows")]
    [InlineData("--bootstrap-rows", "many")]
    [InlineData("--seed", "1.5")]
    public async Task A_bad_option_exits_2_and_trains_nothing(params string[] args)
    {
        Assert.Equal(2, await TrainModelCommand.RunAsync([.. args, "--Storage:DataDirectory", _directory.Path]));
        Assert.False(File.Exists(Path.Combine(_directory.Path, "opside.db")));
    }

    [Fact]
    public async Task Bootstrap_rows_out_of_range_fail_with_exit_1()
    {
        Assert.Equal(1, await TrainModelCommand.RunAsync(["--bootstrap-rows", "10", "--Storage:DataDirectory", _directory.Path]));
    }

    public void Dispose() => _directory.Dispose();
}
