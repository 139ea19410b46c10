using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Grains.Pipeline;

namespace Opside.Grains.Sync;

/// <summary>
/// One sync of one seller: every source fetched side by side (Amazon takes minutes per report), each writing its
/// rows and recording its progress in the seller's <see cref="SellerSyncState"/>; a failing source does not stop the
/// others. Run by the seller's pipeline, which persists the state and decides what follows.
/// </summary>
internal sealed class SellerSync(SyncOptions sync, AmazonOptions amazon, IDataPlaneStore store, IServiceProvider services, TimeProvider time, ILogger logger)
{
    /// <summary>Runs the sync; answers each failed source's error (none: every source succeeded).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(SpApiConnection connection, SellerSyncState state, Func<Task> save)
    {
        var context = new SyncContext(connection, time.GetUtcNow(), sync, amazon, store, services, logger);
        state.LastStartedAt = context.Now;
        state.RunInProgress = true;
        await save();
        logger.LogInformation("Sync of seller {SellerId} started", context.SellerId);

        var results = await Task.WhenAll(SyncSources.All.Select(fetcher => FetchAsync(fetcher, context, state)));
        var failures = results.OfType<string>().ToList();

        state.RunInProgress = false;
        state.LastCompletedAt = time.GetUtcNow();
        state.LastError = failures.Count == 0 ? null : string.Join(" ", failures);
        await save();
        logger.LogInformation("Sync of seller {SellerId} finished with {Failures} failed sources", context.SellerId, failures.Count);
        return failures;
    }

    /// <summary>Each source's progress as the API shows it, with the rows the data plane holds now.</summary>
    public static IReadOnlyList<SourceSyncStatus> Sources(SellerSyncState state, IReadOnlyDictionary<DataSource, long> stored) =>
        [.. SyncSources.All.Select(f =>
        {
            var p = state.Sources.GetValueOrDefault(f.Source.ToString()) ?? new SourceProgress();
            var sourceState = p.LastError is not null ? "Failed" : p.Deferred is not null ? "Deferred" : p.LastSucceededAt is not null ? "Synced" : "NotSynced";
            return new SourceSyncStatus(f.Source.ToString(), sourceState, p.SyncedThrough, p.LastSucceededAt, p.RowsLastFetched,
                p.LastError ?? p.Deferred ?? p.Rejected, p.LastAttemptAt, stored.GetValueOrDefault(f.Source));
        })];

    /// <summary>Fetches one source and records its progress; answers its error, or null.</summary>
    private async Task<string?> FetchAsync(SourceFetcher fetcher, SyncContext context, SellerSyncState state)
    {
        var key = fetcher.Source.ToString();
        if (!state.Sources.TryGetValue(key, out var progress))
            state.Sources[key] = progress = new SourceProgress();
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
            // The status says what failed in words; the exception itself goes only to the log, under the error id.
            var errorId = FailureDescription.NewErrorId();
            logger.LogWarning(ex, "Sync of {Source} for seller {SellerId} failed (error id {ErrorId}); the next run retries it", key, context.SellerId, errorId);
            progress.LastError = FailureDescription.Describe(ex, errorId);
            return $"{key}: {progress.LastError}";
        }
    }
}
