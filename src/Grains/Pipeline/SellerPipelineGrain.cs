using Microsoft.Extensions.Options;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.DataPlane.Uploads;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Grains.Claims;
using Opside.Grains.Security;
using Opside.Grains.Sellers;
using Opside.Grains.Sync;
using Opside.Grains.Uploads;
using Opside.Grains.Errors;

namespace Opside.Grains.Pipeline;

/// <summary>
/// The seller's pipeline (see <see cref="ISellerPipelineGrain"/>). Its grain type keeps the name of the sync grain it
/// grew from, so a seller's sync progress and periodic reminder carry over.
/// </summary>
[GrainType("seller-sync")]
public sealed class SellerPipelineGrain(
    [PersistentState("sync")] IPersistentState<SellerSyncState> sync,
    [PersistentState("pipeline")] IPersistentState<PipelineState> pipeline,
    IOptions<SyncOptions> syncOptions,
    IOptions<AmazonOptions> amazonOptions,
    RefreshTokenProtector protector,
    IDataPlaneStore store,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SellerPipelineGrain> logger) : Grain, ISellerPipelineGrain, IRemindable
{
    private const string SyncReminder = "sync";

    // While work is pending: brings the pipeline back after its silo died, and retries failed ingests.
    private const string ResumeReminder = "pipeline";
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);
    private const int MaxIngestAttempts = 3;

    // Calls and the background run interleave at awaits; two writes of the same state in flight at once would trip
    // its ETag, so each write waits for the one before it.
    private Task _lastWrite = Task.CompletedTask;
    private Task? _run;
    private string? _running;
    private bool _resumeRegistered;
    private readonly List<(long Request, TaskCompletionSource<ClaimDetectionSummary?> Done)> _detectionWaiters = [];

    private string SellerId => this.GetPrimaryKeyString();

    private PipelineState State => pipeline.State;

    private bool HasWork => State.Queue.Count > 0 || State.DetectionRequested > State.DetectionCompleted;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A command cut short by the death of the last activation runs again; failed ingests get another attempt.
        RequeueFailedIngests();
        EnsureRunning();
        return Task.CompletedTask;
    }

    public async Task<SyncState> StartSyncAsync()
    {
        _ = await ConnectionAsync() ?? throw new NotConnectedException(
            $"Seller {SellerId} has no Amazon connection to sync: connect it first (POST .../amazon/authorize or PUT .../amazon/connection).");
        if (State.Queue.Skip(_running is null ? 0 : 1).Any(c => c.Kind == PipelineCommandKind.Sync))
            return SyncState.Queued;
        var idle = _run is not { IsCompleted: false } && State.Queue.Count == 0;
        State.Queue.Add(new PipelineCommand(PipelineCommandKind.Sync, null, time.GetUtcNow()));
        await SaveAsync();
        EnsureRunning();
        return idle ? SyncState.Running : SyncState.Queued;
    }

    public async Task ScheduleSyncAsync()
    {
        var interval = syncOptions.Value.Interval;
        await this.RegisterOrUpdateReminder(SyncReminder, interval, interval);
        sync.State.NextScheduledAt = time.GetUtcNow() + interval;
        await SaveAsync();
        if (sync.State.LastStartedAt is null && !State.Queue.Any(c => c.Kind == PipelineCommandKind.Sync))
            await StartSyncAsync();
    }

    public async Task IngestAsync(string uploadId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadId);
        if (State.Queue.Any(c => c.UploadId == uploadId))
            return;
        State.Queue.Add(new PipelineCommand(PipelineCommandKind.Ingest, uploadId, time.GetUtcNow()));
        await SaveAsync();
        EnsureRunning();
    }

    public async Task RequestDetectionAsync()
    {
        State.DetectionRequested++;
        await SaveAsync();
        EnsureRunning();
    }

    public async Task<ClaimDetectionSummary?> DetectNowAsync()
    {
        await RequestDetectionAsync();
        var waiter = new TaskCompletionSource<ClaimDetectionSummary?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _detectionWaiters.Add((State.DetectionRequested, waiter));
        return await waiter.Task;
    }

    public async Task<SyncStatus> GetSyncStatusAsync()
    {
        var stored = await store.CountAsync(SellerId, CancellationToken.None);
        var s = sync.State;
        var queued = State.Queue.Skip(_running is null ? 0 : 1).ToList();
        // A sync is Running until the detection it asked for has run: the claims are current when it is Idle.
        var syncState = _running == nameof(PipelineCommandKind.Sync) || (State.SyncDetection > State.DetectionCompleted && _run is { IsCompleted: false })
                ? SyncState.Running
            : State.Queue.Any(c => c.Kind == PipelineCommandKind.Sync) ? SyncState.Queued
            : s.LastError is not null ? SyncState.Failed
            : SyncState.Idle;
        var status = new PipelineStatus(_running, [.. queued.Select(c => c.ToString())], State.DetectionRequested > State.DetectionCompleted,
            State.LastDetectedAt, State.LastDetectionError);
        return new SyncStatus(syncState, s.LastStartedAt, s.LastCompletedAt, s.LastError, s.NextScheduledAt, SellerSync.Sources(s, stored), status);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ResumeReminder)
        {
            _resumeRegistered = true;
            RequeueFailedIngests();
            if (HasWork || State.FailedIngests.Count > 0)
                EnsureRunning();
            else
                await StopResumingAsync();
            return;
        }

        if (reminderName != SyncReminder)
            return;
        sync.State.NextScheduledAt = time.GetUtcNow() + syncOptions.Value.Interval;
        SpApiConnection? connection;
        try
        {
            connection = await ConnectionAsync();
        }
        catch (NotConnectedException unreadable)
        {
            // The stored token cannot be read (another seller's ciphertext, a lost key): every tick would fail the
            // same way, so the schedule stops until the seller connects again, and the status says why.
            sync.State.LastError = unreadable.Message;
            connection = null;
        }

        if (connection is null)
        {
            // Disconnected since: nothing to fetch until the seller connects again (which reschedules).
            if (await this.GetReminder(SyncReminder) is { } reminder)
                await this.UnregisterReminder(reminder);
            sync.State.NextScheduledAt = null;
            await SaveAsync();
            return;
        }

        await SaveAsync();
        await StartSyncAsync();
    }

    private void EnsureRunning()
    {
        if (_run is { IsCompleted: false } || !HasWork)
            return;
        _run = RunAsync();
    }

    /// <summary>Runs the queued commands one at a time, then the pending detection, until nothing is left.</summary>
    private async Task RunAsync()
    {
        // The activation must outlive the run even when nobody calls it for a while.
        DelayDeactivation(TimeSpan.FromHours(2));
        try
        {
            while (HasWork)
            {
                await KeepResumingAsync();
                var silosLost = 0;
                while (HasWork)
                {
                    try
                    {
                        if (State.Queue.Count > 0)
                            await RunCommandAsync(State.Queue[0]);
                        else
                            await RunDetectionAsync();
                        silosLost = 0;
                    }
                    catch (Exception ex) when (SiloLoss.Is(ex))
                    {
                        // A grain the command called was on a silo that died: not the command's failure. It stays
                        // first in the queue (or the detection pending) and runs again once the grain lives elsewhere;
                        // every command is idempotent (each replaces its ranges in one transaction, detection upserts).
                        var wait = SiloLoss.BackOff(++silosLost);
                        logger.LogWarning("The pipeline of seller {SellerId} lost a silo during {Command} ({Exception}); it runs again in {Wait}",
                            SellerId, _running, ex.GetType().Name, wait);
                        await Task.Delay(wait, time);
                    }
                }

                if (State.FailedIngests.Count == 0)
                    await StopResumingAsync();
            }
        }
        catch (Exception ex)
        {
            // The commands catch their own failures; this is the pipeline's bookkeeping failing (the grain store).
            // The queue is as last persisted, and the resume reminder runs it again.
            logger.LogError(ex, "The pipeline of seller {SellerId} stopped; it resumes within {Period}", SellerId, ResumePeriod);
        }
        finally
        {
            _running = null;
        }
    }

    private async Task RunCommandAsync(PipelineCommand command)
    {
        _running = command.Kind.ToString();
        var dataChanged = command.Kind switch
        {
            PipelineCommandKind.Sync => await SyncAsync(),
            PipelineCommandKind.Ingest => await IngestUploadAsync(command.UploadId!),
            _ => false,
        };
        State.Queue.Remove(command);
        if (dataChanged)
        {
            State.DetectionRequested++;
            if (command.Kind == PipelineCommandKind.Sync)
                State.SyncDetection = State.DetectionRequested;
        }

        _running = null;
        await SaveAsync();
    }

    /// <summary>
    /// Answers whether detection should follow: only after a sync in which every source succeeded, since a source
    /// missing its latest rows (say, reimbursements) would make paid claims look owed, and a bad claim costs the
    /// seller more than a late one.
    /// </summary>
    private async Task<bool> SyncAsync()
    {
        SpApiConnection? connection;
        try
        {
            connection = await ConnectionAsync();
        }
        catch (NotConnectedException unreadable)
        {
            sync.State.LastError = unreadable.Message;
            return false;
        }

        if (connection is null)
        {
            sync.State.LastError = "The seller has no Amazon connection.";
            return false;
        }

        var run = new SellerSync(syncOptions.Value, amazonOptions.Value, store, services, time, logger);
        var failures = await run.RunAsync(connection, sync.State, SaveAsync);
        if (failures.Count > 0 && ReimbursementsSyncedInLastRun())
            await ReconcileWithoutDetectionAsync();
        return failures.Count == 0;
    }

    private bool ReimbursementsSyncedInLastRun() =>
        sync.State.Sources.GetValueOrDefault(nameof(DataSource.Reimbursements)) is { LastError: null, Deferred: null, LastSucceededAt: { } succeeded }
        && succeeded >= sync.State.LastStartedAt;

    /// <summary>
    /// The claims a sync's reimbursements pay are Reimbursed even when another source failed and no detection follows
    /// (docs/claim-workflow.md, "Reconciliation"); a failure here is retried by the next sync's reconciliation.
    /// </summary>
    private async Task ReconcileWithoutDetectionAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ISellerClaimsGrain>(SellerId).ReconcileAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reconciliation for seller {SellerId} after a partly failed sync failed (error id {ErrorId})", SellerId, FailureDescription.NewErrorId());
        }
    }

    /// <summary>Replaces the seller's rows from a staged upload in one transaction; answers whether it did.</summary>
    private async Task<bool> IngestUploadAsync(string uploadId)
    {
        var upload = GrainFactory.GetGrain<IUploadGrain>(UploadKey.Of(SellerId, uploadId));
        if (await upload.BeginIngestAsync() is not { } staged)
            return false;
        try
        {
            var kind = UploadKinds.For(staged.Receipt.Kind)
                ?? throw new InvalidOperationException($"Upload {uploadId} is of kind {staged.Receipt.Kind}, which Opside no longer reads.");
            var range = staged.RangeStart is { } start && staged.RangeEnd is { } end ? new UploadRange(start, end) : null;
            // The scan counted and listed the rejected lines already; the ingest keeps none of them.
            var limits = new DataPlane.Reports.ReportReadLimits(staged.Receipt.MaxInflatedBytes, staged.Receipt.MaxLineLength, MaxRejectedKept: 0);
            // Parsing is CPU work: on the thread pool, not the silo's scheduler, which other grains share.
            var rows = await Task.Run(async () =>
            {
                await using var document = new StagedUploadStream(store, SellerId, uploadId, staged.Chunks);
                return await kind.IngestAsync(store, SellerId, range, document, staged.Receipt.ContentType, staged.Receipt.Gzip, limits, CancellationToken.None);
            });
            State.FailedIngests.Remove(uploadId);
            await upload.CompleteAsync(rows);
            logger.LogInformation("Upload {UploadId} of seller {SellerId} ({Kind}) ingested: {Rows} rows", uploadId, SellerId, staged.Receipt.Kind, rows);
            return true;
        }
        catch (Exception ex) when (!SiloLoss.Is(ex))
        {
            // One transaction per replace: nothing of it was stored. Tried again on a later activation, a few times.
            var attempts = State.FailedIngests[uploadId] = State.FailedIngests.GetValueOrDefault(uploadId) + 1;
            var willRetry = attempts < MaxIngestAttempts;
            var errorId = FailureDescription.NewErrorId();
            logger.LogWarning(ex, "Ingest of upload {UploadId} of seller {SellerId} failed (attempt {Attempt}, error id {ErrorId}); retried: {WillRetry}",
                uploadId, SellerId, attempts, errorId, willRetry);
            if (!willRetry)
                State.FailedIngests.Remove(uploadId);
            await upload.FailAsync(FailureDescription.Describe(ex, errorId), willRetry);
            return false;
        }
    }

    private async Task RunDetectionAsync()
    {
        _running = "Detect";
        var request = State.DetectionRequested;
        ClaimDetectionSummary? summary = null;
        try
        {
            summary = await GrainFactory.GetGrain<ISellerClaimsGrain>(SellerId).DetectAsync();
            State.LastDetectedAt = time.GetUtcNow();
            State.LastDetectionError = null;
        }
        catch (Exception ex) when (!SiloLoss.Is(ex))
        {
            // The data stays; the next data command or request detects again.
            var errorId = FailureDescription.NewErrorId();
            logger.LogError(ex, "Detection for seller {SellerId} failed (error id {ErrorId})", SellerId, errorId);
            State.LastDetectionError = FailureDescription.Describe(ex, errorId);
        }

        State.DetectionCompleted = request;
        _running = null;
        await SaveAsync();
        foreach (var waiter in _detectionWaiters.Where(w => w.Request <= request).ToList())
        {
            _detectionWaiters.Remove(waiter);
            waiter.Done.TrySetResult(summary);
        }
    }

    private void RequeueFailedIngests()
    {
        foreach (var uploadId in State.FailedIngests.Keys)
        {
            if (!State.Queue.Any(c => c.UploadId == uploadId))
                State.Queue.Add(new PipelineCommand(PipelineCommandKind.Ingest, uploadId, time.GetUtcNow()));
        }
    }

    private async Task KeepResumingAsync()
    {
        if (_resumeRegistered)
            return;
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        _resumeRegistered = true;
    }

    private async Task StopResumingAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        _resumeRegistered = false;
    }

    private Task SaveAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        // The earlier write's failure belongs to its caller; this one writes the latest state regardless.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        await pipeline.WriteStateAsync();
        await sync.WriteStateAsync();
    }

    private async Task<SpApiConnection?> ConnectionAsync()
    {
        if (await GrainFactory.GetGrain<ISellerGrain>(SellerId).GetAmazonConnectionForSyncAsync() is not { } connection)
            return null;
        if (!amazonOptions.Value.Regions.TryGetValue(connection.Region, out var region))
            throw new InvalidOperationException($"Seller {SellerId} is connected in region {connection.Region}, which Amazon:Regions does not configure.");
        string refreshToken;
        try
        {
            refreshToken = protector.Unprotect(connection.ProtectedRefreshToken, SellerId);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // Protected for another seller, altered, or under a key no longer configured: never used, and the
            // seller can act on it.
            logger.LogWarning(ex, "The stored refresh token of seller {SellerId} cannot be read", SellerId);
            throw new NotConnectedException(
                "The stored Amazon authorization of this seller cannot be read (it was not protected for this seller, or under a key Opside no longer has): connect Amazon again.");
        }

        return new SpApiConnection(SellerId, connection.Region, new Uri(region.Endpoint), connection.MarketplaceIds, refreshToken);
    }
}
