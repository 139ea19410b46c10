namespace Opside.Sandbox.SpApi;

/// <summary>Scripted failures for client tests: error statuses for the next calls of an operation, and forced report outcomes.</summary>
public sealed class FaultInjector
{
    private readonly List<(string Operation, int Status)> _faults = [];
    private readonly Dictionary<string, Queue<string>> _outcomes = new(StringComparer.Ordinal);

    public void Add(string operation, int status, int count)
    {
        lock (_faults)
            _faults.AddRange(Enumerable.Repeat((operation, status), count));
    }

    /// <summary>The status the next call of <paramref name="operation"/> must fail with, if one is scripted.</summary>
    public int? Take(string operation)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => string.Equals(f.Operation, operation, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                return null;
            var status = _faults[index].Status;
            _faults.RemoveAt(index);
            return status;
        }
    }

    /// <summary>The next report of <paramref name="reportType"/> ends FATAL or CANCELLED.</summary>
    public void ForceOutcome(string reportType, string processingStatus)
    {
        lock (_outcomes)
        {
            if (!_outcomes.TryGetValue(reportType, out var queue))
                _outcomes[reportType] = queue = new Queue<string>();
            queue.Enqueue(processingStatus);
        }
    }

    public string? TakeOutcome(string reportType)
    {
        lock (_outcomes)
            return _outcomes.TryGetValue(reportType, out var queue) && queue.TryDequeue(out var status) ? status : null;
    }

    public void Clear()
    {
        lock (_faults)
            _faults.Clear();
        lock (_outcomes)
            _outcomes.Clear();
    }
}
