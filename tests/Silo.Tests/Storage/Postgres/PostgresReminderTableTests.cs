using Microsoft.Extensions.Hosting;

namespace Opside.Silo.Tests.Storage.Postgres;

public sealed class PostgresReminderTableTests : ReminderTableContract, IAsyncDisposable
{
    private readonly PostgresContractDatabase database = new();

    protected override Task<IHost> StartSiloAsync() => database.StartSiloAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
