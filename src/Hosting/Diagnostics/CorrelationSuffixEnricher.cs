using Serilog.Core;
using Serilog.Events;

namespace Opside.Hosting.Diagnostics;

/// <summary>Renders " [id]" after the source in the readable console format, and nothing when there is no id.</summary>
internal sealed class CorrelationSuffixEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var suffix = logEvent.Properties.TryGetValue(Correlation.PropertyName, out var value) && value is ScalarValue { Value: string id }
            ? $" [{id}]"
            : "";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("CorrelationSuffix", suffix));
    }
}
