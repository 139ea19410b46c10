using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace Opside.Silo.Tests.Storage;

/// <summary>
/// What any Opside grain storage provider must do, checked through the default <see cref="IGrainStorage"/> of a real
/// silo host. A subclass supplies the host; every host it starts within one test instance shares the same store.
/// </summary>
public abstract class GrainStorageContract
{
    protected const string StateName = "profile";
    protected static readonly GrainId Seller = GrainId.Create("seller", "s-1");
    private static readonly GrainId OtherSeller = GrainId.Create("seller", "s-2");

    /// <summary>Starts a silo host whose default grain storage is the provider under test, on this test's store.</summary>
    protected abstract Task<IHost> StartSiloAsync();

    [Fact]
    public async Task Reading_a_record_that_was_never_written_gives_default_state_and_no_etag()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);

        var state = new GrainState<StorageContractState>();
        await silo.GrainStorage.ReadStateAsync(StateName, Seller, state, Ct);

        AssertDefault(state.State);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task Writing_then_reading_returns_the_written_state_and_etag()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);

        var written = new GrainState<StorageContractState>(new() { Name = "Acme Outdoor", Visits = 3 });
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, written, Ct);
        var read = await ReadAsync(silo.GrainStorage, Seller);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal("Acme Outdoor", read.State!.Name);
        Assert.Equal(3, read.State.Visits);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Every_write_changes_the_etag()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);

        var state = new GrainState<StorageContractState>(new() { Name = "Acme" });
        var etags = new List<string?>();
        for (var visit = 1; visit <= 3; visit++)
        {
            state.State!.Visits = visit;
            await silo.GrainStorage.WriteStateAsync(StateName, Seller, state, Ct);
            etags.Add(state.ETag);
        }

        Assert.All(etags, etag => Assert.NotNull(etag));
        Assert.Equal(3, etags.Distinct().Count());
        var read = await ReadAsync(silo.GrainStorage, Seller);
        Assert.Equal(etags[^1], read.ETag);
        Assert.Equal(3, read.State!.Visits);
    }

    [Fact]
    public async Task Writing_with_a_stale_etag_throws_and_leaves_the_stored_state_unchanged()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var first = new GrainState<StorageContractState>(new() { Name = "original" });
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, first, Ct);
        var stale = await ReadAsync(silo.GrainStorage, Seller);
        first.State!.Name = "winner";
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, first, Ct);

        stale.State!.Name = "loser";
        var staleETag = stale.ETag;
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.GrainStorage.WriteStateAsync(StateName, Seller, stale, Ct));

        Assert.Equal(staleETag, stale.ETag);
        var read = await ReadAsync(silo.GrainStorage, Seller);
        Assert.Equal("winner", read.State!.Name);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Writing_as_a_new_record_when_one_already_exists_throws()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var existing = new GrainState<StorageContractState>(new() { Name = "existing" });
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, existing, Ct);

        var duplicate = new GrainState<StorageContractState>(new() { Name = "duplicate" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.GrainStorage.WriteStateAsync(StateName, Seller, duplicate, Ct));

        var read = await ReadAsync(silo.GrainStorage, Seller);
        Assert.Equal("existing", read.State!.Name);
        Assert.Equal(existing.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_then_reading_gives_default_state()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var state = new GrainState<StorageContractState>(new() { Name = "to be cleared", Visits = 7 });
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, state, Ct);

        await silo.GrainStorage.ClearStateAsync(StateName, Seller, state, Ct);

        AssertDefault(state.State);
        Assert.False(state.RecordExists);
        var read = await ReadAsync(silo.GrainStorage, Seller);
        AssertDefault(read.State);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_throws_and_keeps_the_stored_state()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var current = new GrainState<StorageContractState>(new() { Name = "first" });
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, current, Ct);
        var stale = await ReadAsync(silo.GrainStorage, Seller);
        current.State!.Name = "second";
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, current, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.GrainStorage.ClearStateAsync(StateName, Seller, stale, Ct));

        var read = await ReadAsync(silo.GrainStorage, Seller);
        Assert.True(read.RecordExists);
        Assert.Equal("second", read.State!.Name);
    }

    [Fact]
    public async Task Writing_again_after_a_clear_succeeds_with_the_etag_the_clear_left()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        var state = new GrainState<StorageContractState>(new() { Name = "before" });
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, state, Ct);
        await silo.GrainStorage.ClearStateAsync(StateName, Seller, state, Ct);

        state.State!.Name = "after";
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, state, Ct);

        var read = await ReadAsync(silo.GrainStorage, Seller);
        Assert.True(read.RecordExists);
        Assert.Equal("after", read.State!.Name);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Records_of_other_grains_and_state_names_are_independent()
    {
        await using var silo = await RunningSilo.StartAsync(StartSiloAsync);
        await silo.GrainStorage.WriteStateAsync(StateName, Seller, new GrainState<StorageContractState>(new() { Name = "s-1 profile" }), Ct);
        await silo.GrainStorage.WriteStateAsync("settings", Seller, new GrainState<StorageContractState>(new() { Name = "s-1 settings" }), Ct);
        await silo.GrainStorage.WriteStateAsync(StateName, OtherSeller, new GrainState<StorageContractState>(new() { Name = "s-2 profile" }), Ct);

        Assert.Equal("s-1 profile", (await ReadAsync(silo.GrainStorage, Seller)).State!.Name);
        Assert.Equal("s-1 settings", (await ReadAsync(silo.GrainStorage, Seller, "settings")).State!.Name);
        Assert.Equal("s-2 profile", (await ReadAsync(silo.GrainStorage, OtherSeller)).State!.Name);
        Assert.False((await ReadAsync(silo.GrainStorage, GrainId.Create("claim", "s-1"))).RecordExists);
    }

    [Fact]
    public async Task State_survives_a_restart_of_the_host()
    {
        string? etag;
        await using (var before = await RunningSilo.StartAsync(StartSiloAsync))
        {
            var state = new GrainState<StorageContractState>(new() { Name = "durable", Visits = 42 });
            await before.GrainStorage.WriteStateAsync(StateName, Seller, state, Ct);
            etag = state.ETag;
        }

        await using var after = await RunningSilo.StartAsync(StartSiloAsync);
        var read = await ReadAsync(after.GrainStorage, Seller);

        Assert.True(read.RecordExists);
        Assert.Equal("durable", read.State!.Name);
        Assert.Equal(42, read.State.Visits);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task A_grain_whose_persistent_state_names_no_storage_is_persisted_by_this_provider_across_a_restart()
    {
        var probe = GrainId.Create(StorageContractProbeGrain.GrainTypeName, "p-1");
        await using (var before = await RunningSilo.StartAsync(StartSiloAsync))
        {
            await before.GrainFactory.GetGrain<IStorageContractProbeGrain>("p-1").RenameAsync("Acme");
        }

        await using var after = await RunningSilo.StartAsync(StartSiloAsync);
        var row = await ReadAsync(after.GrainStorage, probe, StorageContractProbeGrain.StateName);

        Assert.True(row.RecordExists);
        Assert.Equal("Acme", row.State!.Name);
        Assert.Equal("Acme", await after.GrainFactory.GetGrain<IStorageContractProbeGrain>("p-1").GetNameAsync());
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static async Task<GrainState<StorageContractState>> ReadAsync(IGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<StorageContractState>();
        await storage.ReadStateAsync(stateName, grainId, state, Ct);
        return state;
    }

    private static void AssertDefault(StorageContractState? state)
    {
        Assert.NotNull(state);
        Assert.Equal("", state.Name);
        Assert.Equal(0, state.Visits);
    }
}

/// <summary>A started silo host that the storage contracts stop and dispose at the end of a <c>using</c> block.</summary>
internal sealed class RunningSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private RunningSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The storage a <c>[PersistentState]</c> without a storage name gets: the silo's default provider.</summary>
    public IGrainStorage GrainStorage => _host.Services.GetRequiredService<IGrainStorage>();

    public IReminderTable ReminderTable => _host.Services.GetRequiredService<IReminderTable>();

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<RunningSilo> StartAsync(Func<Task<IHost>> start) => new(await start());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        if (_host is IAsyncDisposable asyncDisposable)
            await asyncDisposable.DisposeAsync();
        else
            _host.Dispose();
    }
}

[GenerateSerializer]
[Alias("opside.tests.storage-contract-state")]
public sealed class StorageContractState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public int Visits { get; set; }
}

[Alias("opside.tests.storage-contract-probe")]
public interface IStorageContractProbeGrain : IGrainWithStringKey
{
    [Alias("rename")]
    Task RenameAsync(string name);

    [Alias("get-name")]
    Task<string> GetNameAsync();
}

[GrainType(GrainTypeName)]
public sealed class StorageContractProbeGrain(
    [PersistentState(StorageContractProbeGrain.StateName)] IPersistentState<StorageContractState> state) : Grain, IStorageContractProbeGrain
{
    public const string GrainTypeName = "storage-contract-probe";
    public const string StateName = "probe";

    public async Task RenameAsync(string name)
    {
        state.State.Name = name;
        await state.WriteStateAsync();
    }

    public Task<string> GetNameAsync() => Task.FromResult(state.State.Name);
}
