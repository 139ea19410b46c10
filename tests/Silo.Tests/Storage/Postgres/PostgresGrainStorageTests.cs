using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Opside.Silo.Tests.Storage.Postgres;

public sealed class PostgresGrainStorageTests : GrainStorageContract, IAsyncDisposable
{
    private readonly PostgresContractDatabase _database = new();

    protected override Task<IHost> StartSiloAsync() => _database.StartSiloAsync();

    [Fact]
    public async Task Rows_name_the_grain_type_and_hold_plain_json_without_type_names()
    {
        await using (var silo = await RunningSilo.StartAsync(StartSiloAsync))
        {
            await silo.GrainStorage.WriteStateAsync(StateName, Seller, new GrainState<StorageContractState>(new() { Name = "Acme Outdoor", Visits = 2 }), Ct);
        }

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT graintypestring, payloadbinary, version FROM orleansstorage", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        var typeString = reader.GetString(0);
        var payload = Encoding.UTF8.GetString((byte[])reader.GetValue(1));
        var version = reader.GetInt32(2);
        Assert.False(await reader.ReadAsync(Ct));

        Assert.Equal("seller/" + StateName, typeString);
        Assert.DoesNotContain("$type", payload, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(StorageContractState), payload, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal("Acme Outdoor", json.RootElement.GetProperty("Name").GetString());
        Assert.Equal(1, version);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
