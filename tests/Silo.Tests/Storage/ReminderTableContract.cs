using Microsoft.Extensions.Hosting;

namespace Opside.Silo.Tests.Storage;

/// <summary>
/// What any Opside reminder table must do, checked through the <see cref="IReminderTable"/> of a real silo host.
/// A subclass supplies the host; every host it starts within one test instance shares the same store.
/// </summary>
public abstract class ReminderTableContract
{
    private static readonly GrainId Seller = GrainId.Create("seller", "s-1");
    private static readonly GrainId OtherSeller = GrainId.Create("seller", "s-2");

    // Whole seconds (every provider keeps them exactly) and a day ahead, so the silo's reminder service never fires them.
    private static readonly DateTime StartAt = DateTime.UtcNow.Date.AddDays(1).AddHours(9).AddSeconds(17);

    /// <summary>Starts a silo host whose reminder table is the one under test, on this test's store.</summary>
    protected abstract Task<IHost> StartSiloAsync();

    [Fact]
    public async Task Upserting_a_row_then_reading_it_returns_the_row_with_the_returned_etag()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);

        var etag = await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);
        var row = await silo.ReminderTable.ReadRow(Seller, "poll", Ct);

        Assert.NotNull(etag);
        Assert.NotNull(row);
        Assert.Equal(Seller, row.GrainId);
        Assert.Equal("poll", row.ReminderName);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(etag, row.ETag);
    }

    [Fact]
    public async Task Reading_a_row_that_does_not_exist_returns_null()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);

        Assert.Null(await silo.ReminderTable.ReadRow(Seller, "missing", Ct));
        Assert.Null(await silo.ReminderTable.ReadRow(OtherSeller, "poll", Ct));
    }

    [Fact]
    public async Task Upserting_an_existing_row_replaces_it_and_returns_a_new_etag()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var first = await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);

        var second = await silo.ReminderTable.UpsertRow(Entry(Seller, "poll", TimeSpan.FromMinutes(10), StartAt.AddHours(1)), Ct);
        var row = await silo.ReminderTable.ReadRow(Seller, "poll", Ct);

        Assert.NotEqual(first, second);
        Assert.NotNull(row);
        Assert.Equal(second, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
        Assert.Equal(StartAt.AddHours(1), row.StartAt);
        Assert.Single((await silo.ReminderTable.ReadRows(Seller, Ct)).Reminders);
    }

    [Fact]
    public async Task Reading_rows_by_grain_returns_all_of_that_grains_reminders_and_no_others()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);
        await silo.ReminderTable.UpsertRow(Entry(Seller, "watchdog"), Ct);
        await silo.ReminderTable.UpsertRow(Entry(OtherSeller, "poll"), Ct);

        var rows = (await silo.ReminderTable.ReadRows(Seller, Ct)).Reminders;

        Assert.All(rows, row => Assert.Equal(Seller, row.GrainId));
        Assert.Equal(["poll", "watchdog"], rows.Select(row => row.ReminderName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reading_a_range_whose_begin_is_below_its_end_returns_hashes_above_begin_up_to_and_including_end()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var grains = await UpsertGrainsSortedByHashAsync(silo.ReminderTable, count: 8);

        var rows = (await silo.ReminderTable.ReadRows(Hash(grains[1]), Hash(grains[4]), Ct)).Reminders;

        Assert.Equal(Keys(grains[2], grains[3], grains[4]), Keys([.. rows.Select(row => row.GrainId)]));
    }

    [Fact]
    public async Task Reading_a_range_whose_begin_is_not_below_its_end_wraps_around_the_ring()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var grains = await UpsertGrainsSortedByHashAsync(silo.ReminderTable, count: 8);

        var wrapped = (await silo.ReminderTable.ReadRows(Hash(grains[5]), Hash(grains[1]), Ct)).Reminders;
        var whole = (await silo.ReminderTable.ReadRows(Hash(grains[3]), Hash(grains[3]), Ct)).Reminders;

        Assert.Equal(Keys(grains[6], grains[7], grains[0], grains[1]), Keys([.. wrapped.Select(row => row.GrainId)]));
        Assert.Equal(Keys(grains), Keys([.. whole.Select(row => row.GrainId)]));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_returns_false_and_keeps_the_row()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var stale = await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);
        var current = await silo.ReminderTable.UpsertRow(Entry(Seller, "poll", TimeSpan.FromMinutes(15)), Ct);

        var removed = await silo.ReminderTable.RemoveRow(Seller, "poll", stale!, Ct);

        Assert.False(removed);
        var row = await silo.ReminderTable.ReadRow(Seller, "poll", Ct);
        Assert.NotNull(row);
        Assert.Equal(current, row.ETag);
    }

    [Fact]
    public async Task Removing_with_the_current_etag_deletes_only_that_row()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var etag = await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);
        await silo.ReminderTable.UpsertRow(Entry(Seller, "watchdog"), Ct);

        var removed = await silo.ReminderTable.RemoveRow(Seller, "poll", etag!, Ct);

        Assert.True(removed);
        Assert.Null(await silo.ReminderTable.ReadRow(Seller, "poll", Ct));
        Assert.NotNull(await silo.ReminderTable.ReadRow(Seller, "watchdog", Ct));
        Assert.False(await silo.ReminderTable.RemoveRow(Seller, "poll", etag!, Ct));
    }

    [Fact]
    public async Task Clearing_the_table_removes_every_row()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        await silo.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);
        await silo.ReminderTable.UpsertRow(Entry(OtherSeller, "poll"), Ct);

        await silo.ReminderTable.TestOnlyClearTable(Ct);

        Assert.Empty((await silo.ReminderTable.ReadRows(0, 0, Ct)).Reminders);
    }

    [Fact]
    public async Task Reminders_survive_a_restart_of_the_host()
    {
        string? etag;
        await using (var before = await RunningSilo.StartAsync(StartSiloAsync))
        {
            etag = await before.ReminderTable.UpsertRow(Entry(Seller, "poll"), Ct);
        }

        await using var after = await RunningSilo.StartAsync(StartSiloAsync);
        var row = await after.ReminderTable.ReadRow(Seller, "poll", Ct);

        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.True(await after.ReminderTable.RemoveRow(Seller, "poll", etag!, Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReminderEntry Entry(GrainId grainId, string name, TimeSpan? period = null, DateTime? startAt = null) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = startAt ?? StartAt,
        Period = period ?? TimeSpan.FromMinutes(5),
    };

    private static async Task<GrainId[]> UpsertGrainsSortedByHashAsync(IReminderTable table, int count)
    {
        var grains = Enumerable.Range(1, count).Select(i => GrainId.Create("seller", $"ring-{i}")).OrderBy(Hash).ToArray();
        Assert.Equal(count, grains.Select(Hash).Distinct().Count());
        foreach (var grain in grains)
            await table.UpsertRow(Entry(grain, "poll"), Ct);
        return grains;
    }

    private static uint Hash(GrainId grainId) => grainId.GetUniformHashCode();

    private static string[] Keys(params GrainId[] grains) => [.. grains.Select(grain => grain.ToString()).Order(StringComparer.Ordinal)];
}
