using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Storage;

namespace Opside.Api.Tests;

/// <summary>
/// The real data-plane store, except that the named methods throw an exception whose message carries
/// <see cref="Secret"/>, as a database driver's error can carry its connection string: always, or only their first
/// few calls (a database that comes back).
/// </summary>
public class FailingDataPlaneStore : DispatchProxy
{
    public const string Secret = "hunter2-must-not-leak";

    public const string Message = "Connection failed: Host=db.internal;Username=opside;Password=" + Secret;

    private IDataPlaneStore _inner = null!;
    private HashSet<string> _failing = [];
    private int _failuresLeft = int.MaxValue;

    /// <summary>Wraps the registered store so that <paramref name="failing"/> methods throw.</summary>
    public static void Replace(IServiceCollection services, params string[] failing) => Replace(services, int.MaxValue, failing);

    /// <summary>Wraps the registered store so that the first <paramref name="failures"/> calls of <paramref name="failing"/> methods throw.</summary>
    public static void Replace(IServiceCollection services, int failures, params string[] failing)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IDataPlaneStore));
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            var inner = (IDataPlaneStore)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));
            var proxy = Create<IDataPlaneStore, FailingDataPlaneStore>();
            var failingStore = (FailingDataPlaneStore)(object)proxy;
            failingStore._inner = inner;
            failingStore._failing = [.. failing];
            failingStore._failuresLeft = failures;
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_failing.Contains(targetMethod.Name) && Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException(Message);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
