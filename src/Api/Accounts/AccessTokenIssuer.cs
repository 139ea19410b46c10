using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Opside.Grains.Accounts;
using Opside.Hosting.Security;

namespace Opside.Api.Accounts;

/// <summary>Signs access tokens with the newest configured key.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<JwtOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A token for <paramref name="user"/> that stays valid while its token version is <paramref name="tokenVersion"/>.</summary>
    public TokenResponse Issue(UserCredentials user, int tokenVersion)
    {
        var jwt = options.Value;
        var now = time.GetUtcNow();
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.UserId),
            new(JwtRegisteredClaimNames.Email, user.Email),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(OpsidePolicies.RoleClaim, user.Role == UserRole.Ops ? OpsidePolicies.OpsRole : OpsidePolicies.SellerRole),
            new(OpsidePolicies.TokenVersionClaim, tokenVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
        };
        if (user.SellerId is { } sellerId)
            claims.Add(new(OpsidePolicies.SellerIdClaim, sellerId));

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + jwt.AccessTokenLifetime).UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(keys.Newest, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", (int)jwt.AccessTokenLifetime.TotalSeconds);
    }
}

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
