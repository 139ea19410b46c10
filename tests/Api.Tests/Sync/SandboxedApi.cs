using Opside.Testing;

namespace Opside.Api.Tests.Sync;

/// <summary>The API with a co-hosted silo whose Amazon is a sandbox of its own on loopback, for sync and claims tests.</summary>
internal sealed class SandboxedApi : IAsyncDisposable
{
    private SandboxedApi(SandboxServer sandbox, OpsideApiFactory factory)
    {
        (Sandbox, Factory) = (sandbox, factory);
        Anonymous = factory.CreateClient();
    }

    public SandboxServer Sandbox { get; }

    public OpsideApiFactory Factory { get; }

    public HttpClient Anonymous { get; }

    /// <param name="sandboxSettings">Sandbox configuration over <see cref="SandboxServer.TestDefaults"/>.</param>
    /// <param name="opsideSettings">Opside configuration over the sandbox's (say, a Stripe fake's).</param>
    public static async Task<SandboxedApi> StartAsync(IReadOnlyDictionary<string, string?>? sandboxSettings = null,
        IReadOnlyDictionary<string, string?>? opsideSettings = null)
    {
        var sandbox = await SandboxServer.StartAsync(sandboxSettings, cancellationToken: TestContext.Current.CancellationToken);
        var settings = SyncSteps.Settings(sandbox);
        foreach (var (key, value) in opsideSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        return new SandboxedApi(sandbox, new OpsideApiFactory(settings));
    }

    /// <summary>A newly registered seller and a client signed in as it.</summary>
    public async Task<(string SellerId, HttpClient Seller)> SellerAsync()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(Anonymous);
        return (account.SellerId, Factory.CreateClientWithToken(token));
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>
/// One <see cref="SandboxedApi"/> for all the tests of a class (an xUnit class fixture): started before the first,
/// stopped after the last. Tests sharing it keep apart by registering their own sellers and partner ids.
/// </summary>
public class SandboxedApiFixture : IAsyncLifetime
{
    private SandboxedApi? _api;

    internal SandboxedApi Api => _api ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Sandbox configuration over <see cref="SandboxServer.TestDefaults"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? SandboxSettings => null;

    public async ValueTask InitializeAsync() => _api = await SandboxedApi.StartAsync(SandboxSettings);

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
            await _api.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
