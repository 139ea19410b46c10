using Microsoft.Extensions.Hosting;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage;

public sealed class SqliteReminderTableTests : ReminderTableContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabaseFile => Path.Combine(_directory.Path, "data", "opside.db");

    protected override Task<IHost> StartSiloAsync() => SqliteTestSilo.StartAsync(DatabaseFile);

    [Fact]
    public async Task Another_service_id_on_the_same_file_sees_none_of_the_reminders()
    {
        var ct = TestContext.Current.CancellationToken;
        var seller = GrainId.Create("seller", "s-1");
        await using (var silo = await RunningSilo.StartAsync(StartSiloAsync))
        {
            await silo.ReminderTable.UpsertRow(
                new ReminderEntry { GrainId = seller, ReminderName = "poll", StartAt = DateTime.UtcNow.AddDays(1), Period = TimeSpan.FromMinutes(5) },
                ct);
        }

        await using (var other = await RunningSilo.StartAsync(() => SqliteTestSilo.StartAsync(DatabaseFile, serviceId: "other-service")))
        {
            Assert.Null(await other.ReminderTable.ReadRow(seller, "poll", ct));
            Assert.Empty((await other.ReminderTable.ReadRows(0, 0, ct)).Reminders);
            await other.ReminderTable.TestOnlyClearTable(ct);
        }

        await using var mine = await RunningSilo.StartAsync(StartSiloAsync);
        Assert.NotNull(await mine.ReminderTable.ReadRow(seller, "poll", ct));
    }

    public void Dispose() => _directory.Dispose();
}
