using System.ComponentModel.DataAnnotations;
using Opside.Grains.Security;

namespace Opside.Hosting.Security;

/// <summary>Access-token settings shared by every host that validates tokens. Bound from <c>Auth:Jwt</c>.</summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string Section = "Auth:Jwt";

    /// <summary>HMAC-SHA256 wants at least 256 bits of key.</summary>
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "opside";

    public string Audience { get; set; } = "opside-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Tokens are signed with the last key listed and validated with any of them, so a key is rotated by
    /// appending the new one, waiting one token lifetime, then removing the old one. Empty in Development
    /// means a random key for this process only.
    /// </summary>
    public IList<ConfiguredKey> SigningKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Issuer))
            yield return new ValidationResult($"{Section}:Issuer must not be empty.");
        if (string.IsNullOrWhiteSpace(Audience))
            yield return new ValidationResult($"{Section}:Audience must not be empty.");
        if (AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > TimeSpan.FromDays(1))
            yield return new ValidationResult($"{Section}:AccessTokenLifetime must be between 00:00:01 and 1.00:00:00, got {AccessTokenLifetime}.");
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            var key = SigningKeys[i];
            if (string.IsNullOrWhiteSpace(key.Id))
                yield return new ValidationResult($"{Section}:SigningKeys:{i}:Id must not be empty.");
            if (key.Bytes() is not { Length: >= MinimumKeyBytes })
                yield return new ValidationResult($"{Section}:SigningKeys:{i}:Key must be base64 of at least {MinimumKeyBytes} random bytes.");
        }

        foreach (var duplicate in SigningKeys.GroupBy(k => k.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return new ValidationResult($"{Section}:SigningKeys has the id '{duplicate.Key}' more than once.");
    }
}
