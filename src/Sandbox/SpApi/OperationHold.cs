using System.Collections.Concurrent;

namespace Opside.Sandbox.SpApi;

/// <summary>
/// Holds calls of an SP-API operation until released: a test's barrier, to act while a sync is provably mid-way
/// (holding its report downloads, say) without guessing how long it takes. Held calls count as arrived, so a test
/// can wait until the sync has reached the hold.
/// </summary>
public sealed class OperationHold
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public void Hold(string operation) => _gates.TryAdd(operation, new Gate());

    /// <summary>Releases every held operation and lets later calls through.</summary>
    public void ReleaseAll()
    {
        foreach (var operation in _gates.Keys)
        {
            if (_gates.TryRemove(operation, out var gate))
                gate.Open.TrySetResult();
        }
    }

    /// <summary>How many calls have arrived at the hold of <paramref name="operation"/> since it was set.</summary>
    public int Waiting(string operation) => _gates.TryGetValue(operation, out var gate) ? gate.Arrived : 0;

    /// <summary>Waits while <paramref name="operation"/> is held.</summary>
    public Task PassAsync(string operation, CancellationToken cancellationToken)
    {
        if (!_gates.TryGetValue(operation, out var gate))
            return Task.CompletedTask;
        Interlocked.Increment(ref gate.Arrived);
        return gate.Open.Task.WaitAsync(cancellationToken);
    }

    private sealed class Gate
    {
        public readonly TaskCompletionSource Open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Arrived;
    }
}
