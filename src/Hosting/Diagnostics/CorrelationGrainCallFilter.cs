using Orleans.Runtime;

namespace Opside.Hosting.Diagnostics;

/// <summary>
/// Opens a logging scope with the caller's correlation id around every grain call, so each line a
/// grain logs carries the id of the request that caused it. RequestContext flows to onward calls.
/// </summary>
public sealed class CorrelationGrainCallFilter(ILogger<CorrelationGrainCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(Correlation.PropertyName) is not string id)
        {
            await context.Invoke();
            return;
        }

        using (logger.BeginScope(new Dictionary<string, object> { [Correlation.PropertyName] = id }))
        {
            await context.Invoke();
        }
    }
}
