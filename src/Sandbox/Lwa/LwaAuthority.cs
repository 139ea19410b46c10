using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Opside.Sandbox.Lwa;

/// <summary>
/// What Login with Amazon remembers: single-use authorization codes, refresh tokens per selling partner,
/// and the access tokens it handed out. In memory: a sandbox restart is a fresh Amazon.
/// </summary>
public sealed class LwaAuthority(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string SellingPartnerId, DateTimeOffset ExpiresAt)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, (string SellingPartnerId, DateTimeOffset ExpiresAt)> _accessTokens = new();

    public string IssueCode(string sellingPartnerId)
    {
        var code = "ANsandbox" + Random(16);
        _codes[code] = (sellingPartnerId, time.GetUtcNow() + options.Value.AuthorizationCodeLifetime);
        return code;
    }

    /// <summary>A refresh token for a seller that authorised the app directly (self-authorisation).</summary>
    public string IssueRefreshToken(string sellingPartnerId)
    {
        var token = "Atzr|sandbox-" + Random(32);
        _refreshTokens[token] = sellingPartnerId;
        return token;
    }

    /// <summary>Redeems a code once; a second use, an unknown or an expired code gives null.</summary>
    public string? RedeemCode(string code) =>
        _codes.TryRemove(code, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued.SellingPartnerId : null;

    public string? SellingPartnerOf(string refreshToken) => _refreshTokens.TryGetValue(refreshToken, out var partner) ? partner : null;

    public string IssueAccessToken(string sellingPartnerId)
    {
        var token = "Atza|sandbox-" + Random(32);
        _accessTokens[token] = (sellingPartnerId, time.GetUtcNow() + options.Value.AccessTokenLifetime);
        return token;
    }

    /// <summary>The selling partner an unexpired access token acts for, or null.</summary>
    public string? Authenticate(string accessToken) =>
        _accessTokens.TryGetValue(accessToken, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued.SellingPartnerId : null;

    private static string Random(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
