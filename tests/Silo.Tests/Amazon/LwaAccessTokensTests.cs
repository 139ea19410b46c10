using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Opside.Grains.Amazon;
using Opside.Testing;

namespace Opside.Silo.Tests.Amazon;

/// <summary>Access tokens against the sandbox's Login with Amazon, over real HTTP, counting what reaches it.</summary>
public sealed class LwaAccessTokensTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingHandler _counter = new();
    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;
    private LwaAccessTokens _tokens = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var settings = _sandbox.OpsideSettings();
        var options = new AmazonOptions
        {
            LwaTokenEndpoint = settings["Amazon:LwaTokenEndpoint"]!,
            ClientId = settings["Amazon:ClientId"],
            ClientSecret = settings["Amazon:ClientSecret"],
        };
        _http = new HttpClient(_counter);
        _tokens = new LwaAccessTokens(new LwaClient(_http, Options.Create(options), NullLogger<LwaClient>.Instance), _time);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_callers_for_one_seller_share_a_single_refresh()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, refreshToken) = await _sandbox.SelfAuthorizeAsync("A1CONCURRENT", ct);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _tokens.GetAsync("seller-1", refreshToken, ct), ct)));

        Assert.Single(tokens.Distinct());
        Assert.StartsWith("Atza|", tokens[0], StringComparison.Ordinal);
        Assert.Equal(1, _counter.Requests);
    }

    [Fact]
    public async Task Sellers_never_share_a_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, first) = await _sandbox.SelfAuthorizeAsync("A1FIRST", ct);
        var (_, second) = await _sandbox.SelfAuthorizeAsync("A1SECOND", ct);

        var a = await _tokens.GetAsync("seller-a", first, ct);
        var b = await _tokens.GetAsync("seller-b", second, ct);
        var sameRefreshOtherSeller = await _tokens.GetAsync("seller-c", first, ct);

        Assert.Equal(3, new[] { a, b, sameRefreshOtherSeller }.Distinct().Count());
        Assert.Equal(3, _counter.Requests);
    }

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires_then_refreshed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, refreshToken) = await _sandbox.SelfAuthorizeAsync("A1EXPIRY", ct);

        var first = await _tokens.GetAsync("seller-1", refreshToken, ct);
        _time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await _tokens.GetAsync("seller-1", refreshToken, ct);
        _time.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await _tokens.GetAsync("seller-1", refreshToken, ct);

        Assert.Equal(first, stillCached);
        Assert.NotEqual(first, refreshed);
        Assert.Equal(2, _counter.Requests);
    }

    [Fact]
    public async Task A_refused_refresh_token_says_the_seller_must_authorise_again_and_is_retried_next_time()
    {
        var ct = TestContext.Current.CancellationToken;

        var refused = await Assert.ThrowsAsync<AmazonAuthorizationRevokedException>(() => _tokens.GetAsync("seller-9", "Atzr|revoked", ct));
        await Assert.ThrowsAsync<AmazonAuthorizationRevokedException>(() => _tokens.GetAsync("seller-9", "Atzr|revoked", ct));

        Assert.Equal("seller-9", refused.SellerId);
        Assert.DoesNotContain("revoked", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, _counter.Requests);
    }

    private sealed class CountingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
