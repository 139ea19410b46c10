using Opside.DataPlane.Rows;

namespace Opside.Grains.Sync;

/// <summary>Fetches one Amazon source for a seller and writes it to the data plane, idempotently.</summary>
internal abstract class SourceFetcher
{
    public abstract DataSource Source { get; }

    public abstract Task<SourceOutcome> FetchAsync(SyncContext context, SourceProgress progress, CancellationToken cancellationToken);
}
