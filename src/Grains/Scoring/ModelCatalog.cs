using Opside.Scoring;
using Opside.Scoring.Storage;

namespace Opside.Grains.Scoring;

/// <summary>
/// The model each silo serves (docs/model-card.md, "Serving"): the current version is read from the model store at most
/// once per <see cref="RefreshInterval"/>, its package only when the version changes, so the scoring grains of a silo
/// share one download and every silo follows a promotion within the interval. The silo that promotes refreshes at once.
/// </summary>
public sealed class ModelCatalog(IModelStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Served? _served;
    private long _checkedAt = long.MinValue;

    /// <summary>The package served now, or null while no model is promoted.</summary>
    public async Task<ModelPackage?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (time.GetTimestamp() < Interlocked.Read(ref _checkedAt) + (long)(RefreshInterval.TotalSeconds * time.TimestampFrequency))
            return _served?.Package;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (time.GetTimestamp() < Interlocked.Read(ref _checkedAt) + (long)(RefreshInterval.TotalSeconds * time.TimestampFrequency))
                return _served?.Package;
            var current = await store.GetCurrentAsync(cancellationToken);
            if (current is null)
                _served = null;
            else if (_served?.Version != current.Version && await store.GetPackageAsync(current.Version, cancellationToken) is { } zip)
                _served = new Served(current.Version, ModelPackage.FromZip(zip));
            Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            return _served?.Package;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The next read goes to the store: called on the silo that changed the model served.</summary>
    public void Refresh() => Interlocked.Exchange(ref _checkedAt, long.MinValue);

    public void Dispose() => _refresh.Dispose();

    private sealed record Served(string Version, ModelPackage Package);
}
