namespace Opside.Sandbox.SpApi;

public sealed record LoggedRequest(DateTimeOffset At, string Operation, string? SellingPartnerId, int Status);

/// <summary>Every SP-API call with its time and outcome, so tests can measure a client's request rate per operation.</summary>
public sealed class RequestLog
{
    private readonly List<LoggedRequest> _requests = [];

    public void Add(LoggedRequest request)
    {
        lock (_requests)
            _requests.Add(request);
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_requests)
            return [.. _requests];
    }

    public void Clear()
    {
        lock (_requests)
            _requests.Clear();
    }
}
