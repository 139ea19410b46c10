using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Opside.Hosting.Security;

namespace Opside.Testing;

/// <summary>A fixed signing key for test hosts, and tokens minted with it (or with another, to see them refused).</summary>
public static class TestAuth
{
    public const string KeyId = "test-key-1";

    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>The host settings that make it trust <see cref="Key"/>, and a fixed key for encrypting tokens at rest.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Auth:Jwt:SigningKeys:0:Id"] = KeyId,
        ["Auth:Jwt:SigningKeys:0:Key"] = Key,
        ["Security:TokenEncryption:Keys:0:Id"] = "test-token-key-1",
        ["Security:TokenEncryption:Keys:0:Key"] = Convert.ToBase64String(Enumerable.Range(50, 32).Select(i => (byte)i).ToArray()),
    };

    public static string Mint(
        string role,
        string? sellerId = null,
        string key = "",
        string keyId = KeyId,
        string audience = "opside-api",
        DateTimeOffset? expires = null)
    {
        var claims = new List<Claim> { new("sub", Guid.NewGuid().ToString("N")), new(OpsidePolicies.RoleClaim, role) };
        if (sellerId is not null)
            claims.Add(new(OpsidePolicies.SellerIdClaim, sellerId));
        var expiry = expires ?? DateTimeOffset.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "opside",
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20).UtcDateTime,
            NotBefore = expiry.AddMinutes(-20).UtcDateTime,
            Expires = expiry.UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(key.Length > 0 ? key : Key)) { KeyId = keyId },
                SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Ops() => Mint(OpsidePolicies.OpsRole);
}
