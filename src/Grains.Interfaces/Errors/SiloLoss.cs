using Orleans.Runtime;

namespace Opside.Grains.Errors;

/// <summary>
/// The failures a lost silo causes a grain call: the target silo is gone or refused the message, or the connection to
/// it broke. They say nothing about the request itself: the grain reactivates on a live silo once membership declares
/// the dead one dead, so an idempotent call is simply made again (docs/operations.md, "Losing a silo").
/// </summary>
public static class SiloLoss
{
    public static bool Is(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException
        || exception is AggregateException { InnerExceptions.Count: > 0 } all && all.InnerExceptions.All(Is);

    /// <summary>The wait before attempt <paramref name="attempt"/> (1-based) of a call cut short by silo losses: 1 s, doubling, at most 30 s.</summary>
    public static TimeSpan BackOff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, attempt - 1))));
}
