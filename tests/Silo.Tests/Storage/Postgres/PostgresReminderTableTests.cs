using Microsoft.Extensions.Hosting;

namespace Opside.Silo.Tests.Storage.Postgres;

public sealed class PostgresReminderTableTests : ReminderTableContract, IAsyncDisposable
{
    private readonly PostgresContractDatabase _database = new();

    protected override Task<IHost> StartSiloAsync() => _database.StartSiloAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
