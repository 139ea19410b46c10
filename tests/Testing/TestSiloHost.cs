using Microsoft.Extensions.Hosting;

namespace Opside.Testing;

/// <summary>A started silo host that stops gracefully (leaving membership) before it is disposed.</summary>
public sealed class TestSiloHost(IHost host) : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public IHost Host { get; } = host;

    public IServiceProvider Services => Host.Services;

    public Task StopAsync(CancellationToken cancellationToken) => Host.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await Host.StopAsync(timeout.Token);
        }
        finally
        {
            if (Host is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else
                Host.Dispose();
        }
    }
}
