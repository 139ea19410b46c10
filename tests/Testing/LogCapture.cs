using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Opside.Testing;

/// <summary>A Serilog sink that keeps every event, registered in DI so the host's Serilog pipeline picks it up.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var scalar } ? scalar?.ToString() : null;
}
