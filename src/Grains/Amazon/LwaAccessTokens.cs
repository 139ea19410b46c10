using System.Security.Cryptography;
using System.Text;

namespace Opside.Grains.Amazon;

/// <summary>
/// Access tokens per seller, kept until shortly before they expire. Concurrent callers for one seller share a
/// single refresh (LWA limits token requests too); sellers never share a token. Keyed by seller and by a hash
/// of the refresh token, so reconnecting with another token starts afresh.
/// </summary>
public sealed class LwaAccessTokens(LwaClient lwa, TimeProvider time)
{
    /// <summary>Refreshed this long before expiry, so a token never expires in the middle of a report poll.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Entry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>A valid access token for the seller.</summary>
    /// <exception cref="AmazonAuthorizationRevokedException">LWA refused the refresh token.</exception>
    public async Task<string> GetAsync(string sellerId, string refreshToken, CancellationToken cancellationToken)
    {
        var key = $"{sellerId}:{Fingerprint(refreshToken)}";
        Task<CachedToken> pending;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Token is { } token && token.RefreshAt > time.GetUtcNow())
                return token.Value;

            if (entry?.Refresh is not { IsCompleted: false } running)
            {
                running = RefreshAsync(key, sellerId, refreshToken);
                _entries[key] = new Entry(entry?.Token, running);
            }

            pending = running;
        }

        return (await pending.WaitAsync(cancellationToken)).Value;
    }

    /// <summary>Forgets a seller's tokens, e.g. when its connection is replaced or revoked.</summary>
    public void Forget(string sellerId)
    {
        lock (_gate)
        {
            foreach (var key in _entries.Keys.Where(k => k.StartsWith(sellerId + ":", StringComparison.Ordinal)).ToList())
                _entries.Remove(key);
        }
    }

    private async Task<CachedToken> RefreshAsync(string key, string sellerId, string refreshToken)
    {
        // Not bound to one caller's cancellation: other callers wait for the same refresh.
        var grant = await lwa.RefreshAsync(refreshToken, CancellationToken.None)
            ?? throw new AmazonAuthorizationRevokedException(sellerId);
        var cached = new CachedToken(grant.AccessToken, time.GetUtcNow() + grant.ExpiresIn - RefreshMargin);
        lock (_gate)
            _entries[key] = new Entry(cached, Refresh: null);
        return cached;
    }

    private static string Fingerprint(string refreshToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)), 0, 8);

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record Entry(CachedToken? Token, Task<CachedToken>? Refresh);
}

/// <summary>Login with Amazon refused the seller's refresh token: the seller must authorise Opside again.</summary>
public sealed class AmazonAuthorizationRevokedException(string sellerId)
    : Exception($"Login with Amazon refused the refresh token of seller {sellerId}; the seller must authorise Opside again.")
{
    public string SellerId { get; } = sellerId;
}
