using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Opside.Storage.Postgres;
using Opside.Testing;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace Opside.Silo.Tests.Storage.Postgres;

/// <summary>
/// Runs the real Orleans 10.4.2 ADO.NET providers against a database built only by our migrations.
/// </summary>
public sealed class AdoNetProvidersSmokeTests(AdoNetSiloFixture silo) : IClassFixture<AdoNetSiloFixture>
{
    private const string StateName = "smoke";

    [Fact]
    public async Task The_silo_registers_itself_as_active_in_the_membership_table_and_as_a_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await silo.StartAsync(ct);
        var membership = host.Services.GetRequiredService<IMembershipTable>();
        var self = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        var all = await membership.ReadAllAsync(ct);
        var row = await membership.ReadRowAsync(self, ct);
        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            host.Services,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", ConnectionString = silo.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = AdoNetSiloFixture.ClusterId, ServiceId = AdoNetSiloFixture.ServiceId }));
        await gateways.InitializeGatewayListProviderAsync(ct);

        var (entry, _) = Assert.Single(all.Members, m => m.Item1.SiloAddress.Equals(self));
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.Equal(silo.GatewayPort, entry.ProxyPort);
        Assert.True(all.Version.Version > 0);
        Assert.Equal(SiloStatus.Active, Assert.Single(row.Members).Item1.Status);
        Assert.Contains(await gateways.GetGatewaysAsync(ct), uri => uri.Port == silo.GatewayPort);
    }

    [Fact]
    public async Task Membership_writes_with_a_stale_table_version_change_nothing_and_dead_rows_get_cleaned_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await silo.StartAsync(ct);
        var table = new AdoNetClusteringTable(
            host.Services,
            Options.Create(new ClusterOptions { ClusterId = "smoke-protocol", ServiceId = AdoNetSiloFixture.ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = silo.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, ct);
        var longAgo = DateTime.UtcNow.AddHours(-1);
        var dead = Entry(port: 1, SiloStatus.Dead, longAgo);
        var active = Entry(port: 2, SiloStatus.Active, DateTime.UtcNow);

        var empty = await table.ReadAllAsync(ct);
        Assert.True(await table.InsertRowAsync(dead, empty.Version.Next(), ct));
        Assert.False(await table.InsertRowAsync(active, empty.Version.Next(), ct));
        var afterInsert = await table.ReadAllAsync(ct);
        Assert.True(await table.InsertRowAsync(active, afterInsert.Version.Next(), ct));
        var afterSecondInsert = await table.ReadAllAsync(ct);
        active.Status = SiloStatus.ShuttingDown;
        Assert.False(await table.UpdateRowAsync(active, afterInsert.Version.VersionEtag, afterInsert.Version.Next(), ct));
        var unchanged = await table.ReadAllAsync(ct);
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(-1), ct);
        var cleaned = await table.ReadAllAsync(ct);

        Assert.Empty(empty.Members);
        Assert.Equal(2, afterSecondInsert.Members.Count);
        Assert.Equal(afterSecondInsert.Version.Version, unchanged.Version.Version);
        Assert.Equal(SiloStatus.Active, unchanged.Members.Single(m => m.Item1.SiloAddress.Equals(active.SiloAddress)).Item1.Status);
        Assert.Equal(active.SiloAddress, Assert.Single(cleaned.Members).Item1.SiloAddress);
        Assert.Equal(unchanged.Version.Version, cleaned.Version.Version);
    }

    [Fact]
    public async Task Grain_state_is_stored_as_json_and_a_write_or_clear_with_a_stale_etag_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await silo.StartAsync(ct);
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grainId = GrainId.Create("smoke-state", $"state-{Guid.NewGuid():N}");

        var first = new GrainState<SmokeState>(new SmokeState { Message = "hello", Count = 1 });
        await storage.WriteStateAsync(StateName, grainId, first);
        var current = await ReadAsync(storage, grainId);
        var stale = await ReadAsync(storage, grainId);
        StateOf(current).Count = 2;
        await storage.WriteStateAsync(StateName, grainId, current);
        StateOf(stale).Message = "stale";

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<SmokeState>(new SmokeState { Message = "second create" })));
        var afterConflicts = await ReadAsync(storage, grainId);
        using var payload = JsonDocument.Parse(await ReadPayloadAsync(grainId, ct));

        Assert.True(afterConflicts.RecordExists);
        Assert.Equal(current.ETag, afterConflicts.ETag);
        Assert.NotEqual(first.ETag, current.ETag);
        Assert.Equal(("hello", 2), (StateOf(afterConflicts).Message, StateOf(afterConflicts).Count));
        Assert.Equal("hello", payload.RootElement.GetProperty(nameof(SmokeState.Message)).GetString());

        await storage.ClearStateAsync(StateName, grainId, current);
        var afterClear = await ReadAsync(storage, grainId);
        var (clearedEtag, clearedExists, clearedMessage) = (afterClear.ETag, afterClear.RecordExists, StateOf(afterClear).Message);
        StateOf(afterClear).Message = "rewritten";
        await storage.WriteStateAsync(StateName, grainId, afterClear);
        var rewritten = await ReadAsync(storage, grainId);

        Assert.False(current.RecordExists);
        Assert.Equal(current.ETag, clearedEtag);
        Assert.False(clearedExists);
        Assert.Equal("", clearedMessage);
        Assert.True(rewritten.RecordExists);
        Assert.Equal("rewritten", StateOf(rewritten).Message);
    }

    [Fact]
    public async Task Two_first_writes_of_a_grain_without_a_key_extension_cannot_both_create_its_state()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await silo.StartAsync(ct);
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grainId = GrainId.Create(GrainType.Create("smoke-int"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64()));

        await storage.WriteStateAsync(StateName, grainId, new GrainState<SmokeState>(new SmokeState { Message = "winner" }));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<SmokeState>(new SmokeState { Message = "loser" })));
        Assert.Equal("winner", StateOf(await ReadAsync(storage, grainId)).Message);
    }

    [Fact]
    public async Task Reminders_round_trip_through_upsert_read_and_range_reads_and_removal_needs_the_current_etag()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await silo.StartAsync(ct);
        var reminders = host.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("smoke-reminder", Guid.NewGuid().ToString("N"));
        var hash = grainId.GetUniformHashCode();
        var startAt = DateTime.UtcNow;
        var tick = new ReminderEntry { GrainId = grainId, ReminderName = "tick", StartAt = startAt, Period = TimeSpan.FromMinutes(5) };

        var firstEtag = await reminders.UpsertRow(tick, ct);
        var firstRead = await reminders.ReadRow(grainId, "tick", ct);
        tick.Period = TimeSpan.FromMinutes(10);
        var secondEtag = await reminders.UpsertRow(tick, ct);
        await reminders.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "tock", StartAt = startAt, Period = TimeSpan.FromHours(1) }, ct);
        var ofGrain = await reminders.ReadRows(grainId, ct);
        var rangeWithGrain = await reminders.ReadRows(unchecked(hash - 1), hash, ct);
        var rangeWithoutGrain = await reminders.ReadRows(hash, unchecked(hash - 1), ct);
        var removedWithStaleEtag = await reminders.RemoveRow(grainId, "tick", firstEtag!, ct);
        var removedWithCurrentEtag = await reminders.RemoveRow(grainId, "tick", secondEtag!, ct);

        Assert.NotNull(firstRead);
        Assert.Equal(firstEtag, firstRead.ETag);
        Assert.Equal(TimeSpan.FromMinutes(5), firstRead.Period);
        Assert.Equal(startAt, firstRead.StartAt, TimeSpan.FromMilliseconds(1));
        Assert.NotEqual(firstEtag, secondEtag);
        Assert.Equal(["tick", "tock"], ofGrain.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.Equal(2, rangeWithGrain.Reminders.Count(r => r.GrainId.Equals(grainId)));
        Assert.DoesNotContain(rangeWithoutGrain.Reminders, r => r.GrainId.Equals(grainId));
        Assert.False(removedWithStaleEtag);
        Assert.True(removedWithCurrentEtag);
        Assert.Null(await reminders.ReadRow(grainId, "tick", ct));
        Assert.Equal(TimeSpan.FromHours(1), (await reminders.ReadRow(grainId, "tock", ct))?.Period);
    }

    private static SmokeState StateOf(GrainState<SmokeState> record) =>
        record.State ?? throw new InvalidOperationException("The storage provider left the grain state null");

    private static async Task<GrainState<SmokeState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<SmokeState>(new SmokeState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    private async Task<byte[]> ReadPayloadAsync(GrainId grainId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT payloadbinary FROM orleansstorage WHERE grainidextensionstring = @key", connection);
        command.Parameters.AddWithValue("key", grainId.Key.ToString());
        return (byte[])(await command.ExecuteScalarAsync(ct))!;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime time) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = $"silo-{port}",
        HostName = "smoke-host",
        Status = status,
        ProxyPort = 0,
        StartTime = time,
        IAmAliveTime = time,
    };
}

public sealed class SmokeState
{
    public string Message { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>One silo per test class: clustering, default grain storage and reminders all on ADO.NET PostgreSQL.</summary>
public sealed class AdoNetSiloFixture : IAsyncDisposable
{
    public const string ClusterId = "smoke";
    public const string ServiceId = "opside-smoke";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private IHost? _host;

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The silo has not been started");

    public int GatewayPort { get; private set; }

    /// <summary>Starts the silo on first use; skips the calling test when no PostgreSQL server is configured.</summary>
    public async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_host is not null)
                return _host;

            _database = await PostgresServer.CreateDatabaseAsync(cancellationToken);
            await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync(cancellationToken);

            var connectionString = _database.ConnectionString;
            var siloPort = FreePort.Next();
            GatewayPort = FreePort.Next();
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(silo => silo
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                })
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorageAsDefault(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                })
                .UseAdoNetReminderService(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                })
                .UseSystemTextJsonGrainStorageSerializer()
                .ConfigureEndpoints(IPAddress.Loopback, siloPort, GatewayPort));

            var built = builder.Build();
            await built.StartAsync(cancellationToken);
            _host = built;
            return _host;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        if (_database is not null)
            await _database.DisposeAsync();
        _gate.Dispose();
    }
}
