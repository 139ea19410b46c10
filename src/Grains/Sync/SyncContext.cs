using Opside.DataPlane.Storage;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Sync;

/// <summary>Everything one sync run of one seller works with; <see cref="Now"/> is fixed when the run starts.</summary>
internal sealed record SyncContext(
    SpApiConnection Connection,
    DateTimeOffset Now,
    SyncOptions Sync,
    AmazonOptions Amazon,
    IDataPlaneStore Store,
    IServiceProvider Services,
    ILogger Logger)
{
    public string SellerId => Connection.SellerId;

    /// <summary>
    /// Where a source's fetch starts: the history horizon the first time, else a trailing overlap before where it
    /// ended; always at a UTC midnight, so a day-keyed source (the ledger) never replaces part of a day.
    /// </summary>
    public DateTimeOffset StartFor(SourceProgress progress, bool wholeHistory)
    {
        var horizon = Now.AddMonths(-Sync.HistoryMonths);
        var start = wholeHistory || progress.SyncedThrough is not { } through ? horizon : through - Sync.Overlap;
        if (start < horizon)
            start = horizon;
        return new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
    }
}

/// <summary>What fetching one source achieved: rows written up to an instant, or a wait (cooldown) that is not a failure.</summary>
internal sealed record SourceOutcome(long Rows, DateTimeOffset? SyncedThrough, string? Deferred = null, string? Rejected = null);
