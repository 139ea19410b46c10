using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Opside.Hosting.Security;

/// <summary>The keys tokens are validated with, and the newest one, which signs.</summary>
public sealed class SigningKeyRing
{
    public SigningKeyRing(IOptions<JwtOptions> options, ILogger<SigningKeyRing> logger)
    {
        var configured = options.Value.SigningKeys
            .Select(k => new SymmetricSecurityKey(k.Bytes()) { KeyId = k.Id })
            .ToList();
        if (configured.Count == 0)
        {
            // Development only (JwtKeysRequiredValidator stops any other host at start-up): tokens then stop working when the process restarts, which is fine for a local run.
            configured.Add(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(JwtOptions.MinimumKeyBytes)) { KeyId = "development-ephemeral" });
            logger.LogWarning("No {Section}:SigningKeys configured: using a random key for this process; tokens end with it", JwtOptions.Section);
        }

        Keys = configured;
        Newest = configured[^1];
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    public SymmetricSecurityKey Newest { get; }
}
