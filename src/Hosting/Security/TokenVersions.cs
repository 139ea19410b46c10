using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Opside.Grains.Accounts;

namespace Opside.Hosting.Security;

/// <summary>
/// The current token version of each user, read from the user grain on a miss and kept for
/// <see cref="JwtOptions.TokenVersionCacheDuration"/>, so a request costs no grain call in the steady state. A
/// revocation made through this process is seen at once; one made through another process within that duration.
/// </summary>
public sealed class TokenVersions(IGrainFactory grains, IOptions<JwtOptions> options) : IDisposable
{
    /// <summary>Bounds the memory one process spends on it; past this, entries are evicted and read again.</summary>
    private const int MaxUsers = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxUsers });
    private readonly Lock _gate = new();

    /// <summary>Whether a token of <paramref name="email"/>'s user carrying <paramref name="tokenVersion"/> is still valid.</summary>
    public async ValueTask<bool> IsCurrentAsync(string email, int tokenVersion)
    {
        // A token newer than the cached version was issued after a revocation elsewhere: the cache is stale, not the token.
        if (!_cache.TryGetValue(email, out int? current) || current < tokenVersion)
            current = Remember(email, await grains.GetGrain<IUserGrain>(email).GetTokenVersionAsync());
        return current == tokenVersion;
    }

    /// <summary>Records a version this process has just set or read; versions only rise, so an older answer never replaces a newer one.</summary>
    public int? Remember(string email, int? version)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(email, out int? cached) && cached > version)
                return cached;
            _cache.Set(email, version, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.TokenVersionCacheDuration });
            return version;
        }
    }

    public void Dispose() => _cache.Dispose();
}
