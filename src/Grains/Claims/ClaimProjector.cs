using System.Threading.Channels;
using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;

namespace Opside.Grains.Claims;

/// <summary>
/// Writes claim grains' changes into the claims read model, many claims to one transaction. A detection run changes
/// thousands of claims at once; written one by one, each would cost the read model a commit of its own. Changes that
/// arrive while a batch is being written form the next batch, so batches grow with the load.
/// </summary>
/// <remarks>
/// A failed write is retried until it lands (docs/claim-workflow.md, "Read model"): the claims stay pending, newest
/// version per claim, and go first into the next batch after a back-off that doubles up to <see cref="MaxBackoff"/>.
/// Order cannot go wrong: the store applies a version only over an older one. The grain's state is already durable
/// when it projects, so a grain waits for the first attempt only, and not at all during a back-off; a claim whose
/// projection is still pending when the silo stops is written again by its grain's next call, the daily
/// re-evaluation or the ops rebuild.
/// </remarks>
public sealed class ClaimProjector : IAsyncDisposable
{
    private const int MaxBatch = 1_000;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Dictionary<(string SellerId, string ClaimId), ClaimRecord> _retry = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly IDataPlaneStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ClaimProjector> _logger;
    private readonly Task _writer;

    public ClaimProjector(IDataPlaneStore store, TimeProvider time, ILogger<ClaimProjector> logger)
    {
        (_store, _time, _logger) = (store, time, logger);
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>
    /// Answers true once the claim is in the read model (or a same or newer version already was), false when the first
    /// write failed and the claim waits for a retry.
    /// </summary>
    public Task<bool> ProjectAsync(ClaimRecord claim)
    {
        var pending = new Pending(claim, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(ClaimProjector), "The silo is shutting down; the claim was not projected.");
        return pending.Written.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _writer;
        _stopping.Dispose();
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var failures = 0;
        while (_retry.Count > 0 ? await BackOffAsync(failures) : await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            // The claims waiting for a retry first, then new changes, up to one batch.
            var retried = _retry.Take(MaxBatch).ToList();
            while (retried.Count + batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                await _store.UpsertClaimsAsync([.. retried.Select(r => r.Value), .. batch.Select(p => p.Claim)], CancellationToken.None);
                foreach (var (key, claim) in retried)
                {
                    // A newer version that failed in the meantime stays pending.
                    if (_retry.TryGetValue(key, out var waiting) && waiting.Version <= claim.Version)
                        _retry.Remove(key);
                }
                if (failures > 0)
                    _logger.LogInformation("Claims read model written again after {Failures} failed attempts; {Pending} claims still pending", failures, _retry.Count);
                failures = 0;
                foreach (var pending in batch)
                    pending.Written.TrySetResult(true);
            }
            catch (Exception ex)
            {
                failures++;
                foreach (var pending in batch)
                    Hold(pending);
                _logger.LogError(ex, "Writing {Count} claims into the read model failed (attempt {Attempt}); {Pending} claims pending, retried in {Backoff}",
                    retried.Count + batch.Count, failures, _retry.Count, Backoff(failures));
                if (_stopping.IsCancellationRequested)
                    break;
            }
        }

        if (_retry.Count > 0)
            _logger.LogWarning("The silo stops with {Pending} claims not yet in the read model; their grains' next call, the daily re-evaluation or the ops rebuild writes them",
                _retry.Count);
    }

    /// <summary>
    /// Waits before a retry. Changes that arrive meanwhile join the pending ones at once and their grains are answered
    /// (false): a grain call must not wait out a back-off of up to <see cref="MaxBackoff"/>. Always answers true: the
    /// retry follows, also as the last attempt when the silo is stopping.
    /// </summary>
    private async Task<bool> BackOffAsync(int failures)
    {
        // More pending than one batch after a success: on with the next, at once.
        if (failures == 0)
            return true;
        var delay = Task.Delay(Backoff(failures), _time, _stopping.Token);
        // A waiter left behind when the delay ends first is harmless: the channel takes several (not single-reader).
        while (!delay.IsCompleted)
        {
            var arrived = _queue.Reader.WaitToReadAsync(_stopping.Token).AsTask();
            if (await Task.WhenAny(delay, arrived) != arrived || !await ArrivedAsync(arrived))
                break;
            while (_queue.Reader.TryRead(out var pending))
                Hold(pending);
        }
        await WaitUnlessStoppingAsync(delay);
        return true;
    }

    /// <summary>Whether new changes arrived; false when the channel closed or the silo is stopping.</summary>
    private static async Task<bool> ArrivedAsync(Task<bool> task)
    {
        try
        {
            return await task;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitUnlessStoppingAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping: the last attempt follows now.
        }
    }

    /// <summary>Keeps a claim for the retry (the newest version of it) and answers its grain that it is not written yet.</summary>
    private void Hold(Pending pending)
    {
        var key = (pending.Claim.SellerId, pending.Claim.ClaimId);
        if (!_retry.TryGetValue(key, out var waiting) || waiting.Version < pending.Claim.Version)
            _retry[key] = pending.Claim;
        pending.Written.TrySetResult(false);
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));

    private sealed record Pending(ClaimRecord Claim, TaskCompletionSource<bool> Written);
}
