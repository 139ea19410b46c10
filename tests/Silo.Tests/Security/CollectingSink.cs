using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Opside.Silo.Tests.Security;

/// <summary>Keeps every event, and renders them the way the production console does, to search for leaks.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    public LogEvent Single => Assert.Single(Events);

    public void Emit(LogEvent logEvent) => Events.Add(logEvent);

    public string RenderedJson()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var formatter = new RenderedCompactJsonFormatter();
        foreach (var logEvent in Events)
            formatter.Format(logEvent, writer);
        return writer.ToString();
    }

    public static (Logger Logger, CollectingSink Sink) Logger(Func<LoggerConfiguration, LoggerConfiguration> configure)
    {
        var sink = new CollectingSink();
        return (configure(new LoggerConfiguration()).WriteTo.Sink(sink).CreateLogger(), sink);
    }
}
