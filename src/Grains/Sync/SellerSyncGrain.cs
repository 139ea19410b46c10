using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Opside.DataPlane.Storage;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Grains.Claims;
using Opside.Grains.Security;
using Opside.Grains.Sellers;

namespace Opside.Grains.Sync;

[GrainType("seller-sync")]
public sealed class SellerSyncGrain(
    [PersistentState("sync")] IPersistentState<SellerSyncState> state,
    IOptions<SyncOptions> syncOptions,
    IOptions<AmazonOptions> amazonOptions,
    RefreshTokenProtector protector,
    IDataPlaneStore store,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SellerSyncGrain> logger) : Grain, ISellerSyncGrain, IRemindable
{
    private const string ReminderName = "sync";

    // Grain calls and the background run interleave at awaits; two writes of the same state in flight at once
    // would trip its ETag, so each write waits for the one before it.
    private Task _lastWrite = Task.CompletedTask;
    private Task? _running;
    private bool _queued;

    public async Task<SyncState> StartAsync()
    {
        var connection = await ConnectionAsync()
            ?? throw new InvalidOperationException($"Seller {this.GetPrimaryKeyString()} has no Amazon connection to sync.");
        if (_running is { IsCompleted: false })
        {
            _queued = true;
            return SyncState.Queued;
        }

        _running = RunLoopAsync(connection);
        return SyncState.Running;
    }

    public async Task ScheduleAsync()
    {
        var interval = syncOptions.Value.Interval;
        await this.RegisterOrUpdateReminder(ReminderName, interval, interval);
        state.State.NextScheduledAt = time.GetUtcNow() + interval;
        await SaveAsync();
        if (state.State.LastStartedAt is null && _running is not { IsCompleted: false })
            await StartAsync();
    }

    public async Task<SyncStatus> GetStatusAsync()
    {
        var stored = await store.CountAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        var s = state.State;
        var syncState = _running is { IsCompleted: false } ? SyncState.Running
            : s.RunInProgress || s.LastError is not null ? SyncState.Failed
            : SyncState.Idle;
        var sources = SyncSources.All.Select(f =>
        {
            var p = s.Sources.GetValueOrDefault(f.Source.ToString()) ?? new SourceProgress();
            var sourceState = p.LastError is not null ? "Failed" : p.Deferred is not null ? "Deferred" : p.LastSucceededAt is not null ? "Synced" : "NotSynced";
            return new SourceSyncStatus(f.Source.ToString(), sourceState, p.SyncedThrough, p.LastSucceededAt, p.RowsLastFetched,
                p.LastError ?? p.Deferred ?? p.Rejected, p.LastAttemptAt, stored.GetValueOrDefault(f.Source));
        }).ToList();
        return new SyncStatus(syncState, s.LastStartedAt, s.LastCompletedAt, s.LastError, s.NextScheduledAt, sources);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
            return;
        state.State.NextScheduledAt = time.GetUtcNow() + syncOptions.Value.Interval;
        if (await ConnectionAsync() is null)
        {
            // Disconnected since: nothing to fetch until the seller connects again (which reschedules).
            if (await this.GetReminder(ReminderName) is { } reminder)
                await this.UnregisterReminder(reminder);
            state.State.NextScheduledAt = null;
            await SaveAsync();
            return;
        }

        await SaveAsync();
        await StartAsync();
    }

    /// <summary>Runs, then runs once more for every request that arrived meanwhile (coalesced into one).</summary>
    private async Task RunLoopAsync(SpApiConnection connection)
    {
        // The activation must outlive the run even when nobody calls it for a while.
        DelayDeactivation(TimeSpan.FromHours(2));
        try
        {
            do
            {
                _queued = false;
                await RunOnceAsync(connection);
                if (_queued)
                    connection = await ConnectionAsync() ?? connection;
            }
            while (_queued);
        }
        catch (Exception ex)
        {
            // Sources catch their own errors; this is the run's bookkeeping failing (e.g. the grain store).
            logger.LogError(ex, "Sync of seller {SellerId} stopped", connection.SellerId);
        }
    }

    private async Task RunOnceAsync(SpApiConnection connection)
    {
        var s = state.State;
        var context = new SyncContext(connection, time.GetUtcNow(), syncOptions.Value, amazonOptions.Value, store, services, logger);
        s.LastStartedAt = context.Now;
        s.RunInProgress = true;
        await SaveAsync();
        logger.LogInformation("Sync of seller {SellerId} started", context.SellerId);

        // Sources run side by side (Amazon takes minutes per report); a failing one does not stop the others.
        var results = await Task.WhenAll(SyncSources.All.Select(fetcher => FetchAsync(fetcher, context)));
        var failures = results.Where(r => r is not null).ToList();

        s.RunInProgress = false;
        s.LastCompletedAt = time.GetUtcNow();
        s.LastError = failures.Count == 0 ? null : string.Join(" ", failures);
        await SaveAsync();
        logger.LogInformation("Sync of seller {SellerId} finished with {Failures} failed sources", context.SellerId, failures.Count);
        if (failures.Count == 0)
            await DetectClaimsAsync(context.SellerId);
    }

    /// <summary>
    /// Detection after a sync in which every source succeeded: a source missing its latest rows (say, reimbursements)
    /// would make paid claims look owed, and a bad claim costs the seller more than a late one. Part of the run, so the
    /// sync shows Running until the claims are current.
    /// </summary>
    private async Task DetectClaimsAsync(string sellerId)
    {
        try
        {
            await GrainFactory.GetGrain<ISellerClaimsGrain>(sellerId).DetectAsync();
        }
        catch (Exception ex)
        {
            // The synced data stays; the next sync or upload detects again.
            logger.LogError(ex, "Detection after the sync of seller {SellerId} failed", sellerId);
        }
    }

    /// <summary>Fetches one source and records its progress; answers its error, or null.</summary>
    private async Task<string?> FetchAsync(SourceFetcher fetcher, SyncContext context)
    {
        var key = fetcher.Source.ToString();
        if (!state.State.Sources.TryGetValue(key, out var progress))
            state.State.Sources[key] = progress = new SourceProgress();
        progress.LastAttemptAt = context.Now;
        try
        {
            var outcome = await fetcher.FetchAsync(context, progress, CancellationToken.None);
            progress.Deferred = outcome.Deferred;
            progress.Rejected = outcome.Rejected;
            progress.LastError = null;
            if (outcome.Deferred is null)
            {
                progress.SyncedThrough = outcome.SyncedThrough;
                progress.LastSucceededAt = time.GetUtcNow();
                progress.RowsLastFetched = outcome.Rows;
            }

            return null;
        }
        catch (Exception ex)
        {
            // Whatever went wrong with one source (Amazon, the network, a document we cannot read, our own bug)
            // is that source's error: the others keep their results and the next run retries it.
            logger.LogWarning(ex, "Sync of {Source} for seller {SellerId} failed; the next run retries it", key, context.SellerId);
            progress.LastError = ex.Message;
            return $"{key}: {ex.Message}";
        }
    }

    private Task SaveAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        // The earlier write's failure belongs to its caller; this one writes the latest state regardless.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        await state.WriteStateAsync();
    }

    private async Task<SpApiConnection?> ConnectionAsync()
    {
        var sellerId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ISellerGrain>(sellerId).GetAmazonConnectionForSyncAsync() is not { } connection)
            return null;
        if (!amazonOptions.Value.Regions.TryGetValue(connection.Region, out var region))
            throw new InvalidOperationException($"Seller {sellerId} is connected in region {connection.Region}, which Amazon:Regions does not configure.");
        return new SpApiConnection(sellerId, connection.Region, new Uri(region.Endpoint), connection.MarketplaceIds,
            protector.Unprotect(connection.ProtectedRefreshToken));
    }
}
