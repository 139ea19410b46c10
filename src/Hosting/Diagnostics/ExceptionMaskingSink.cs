using Serilog.Core;
using Serilog.Events;

namespace Opside.Hosting.Diagnostics;

/// <summary>
/// Masks secrets in the exception of a log event before the sinks behind it see it. An enricher cannot do this
/// (a log event's exception is read-only), so the event is copied with a <see cref="RedactedException"/>, and only
/// when the exception's text holds something to mask.
/// </summary>
public sealed class ExceptionMaskingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        inner.Emit(logEvent.Exception is { } exception && HoldsSecret(exception) ? WithException(logEvent, new RedactedException(exception)) : logEvent);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static bool HoldsSecret(Exception exception)
    {
        var text = exception.ToString();
        return !ReferenceEquals(SecretMasking.Redact(text), text);
    }

    private static LogEvent WithException(LogEvent logEvent, Exception exception) =>
        new(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default);
}
