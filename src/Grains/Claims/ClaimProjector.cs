using System.Threading.Channels;
using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;

namespace Opside.Grains.Claims;

/// <summary>
/// Writes claim grains' changes into the claims read model, many claims to one transaction. A detection run changes
/// thousands of claims at once; written one by one, each would cost the read model a commit of its own. Each grain
/// still waits until its own change is written (a projection is as durable when the grain call returns as before);
/// changes that arrive while a batch is being written form the next batch, so batches grow with the load.
/// </summary>
public sealed class ClaimProjector : IAsyncDisposable
{
    private const int MaxBatch = 1_000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDataPlaneStore _store;
    private readonly ILogger<ClaimProjector> _logger;
    private readonly Task _writer;

    public ClaimProjector(IDataPlaneStore store, ILogger<ClaimProjector> logger)
    {
        (_store, _logger) = (store, logger);
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>Completes once the claim is in the read model (or a same or newer version already was).</summary>
    public Task ProjectAsync(ClaimRecord claim)
    {
        var pending = new Pending(claim, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(ClaimProjector), "The silo is shutting down; the claim was not projected.");
        return pending.Written.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                await _store.UpsertClaimsAsync([.. batch.Select(p => p.Claim)], CancellationToken.None);
                foreach (var pending in batch)
                    pending.Written.TrySetResult();
            }
            catch (Exception ex)
            {
                // The grains' calls fail with the cause; a later call projects the claim's current version again.
                _logger.LogError(ex, "Projecting {Count} claims into the read model failed", batch.Count);
                foreach (var pending in batch)
                    pending.Written.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(ClaimRecord Claim, TaskCompletionSource Written);
}
