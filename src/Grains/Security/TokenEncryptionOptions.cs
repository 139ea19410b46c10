using System.ComponentModel.DataAnnotations;

namespace Opside.Grains.Security;

/// <summary>Keys that encrypt Amazon refresh tokens at rest. Bound from <c>Security:TokenEncryption</c>.</summary>
public sealed class TokenEncryptionOptions : IValidatableObject
{
    public const string Section = "Security:TokenEncryption";

    /// <summary>AES-256 takes exactly 256 bits of key.</summary>
    public const int KeyBytes = 32;

    /// <summary>The id is written into every protected value, which uses '.' as its separator.</summary>
    public const int MaximumIdLength = 64;

    /// <summary>
    /// Tokens are encrypted under the last key listed and decrypted under whichever key their id names, so a
    /// key is rotated by appending the new one, re-encrypting the stored tokens, then removing the old one.
    /// Empty in Development means a random key for this process only.
    /// </summary>
    public IList<ConfiguredKey> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (string.IsNullOrEmpty(key.Id))
                yield return new ValidationResult($"{Section}:Keys:{i}:Id must not be empty.");
            else if (!IsValidId(key.Id))
                yield return new ValidationResult($"{Section}:Keys:{i}:Id must be at most {MaximumIdLength} letters, digits, '-' or '_'.");
            if (key.Bytes() is not { Length: KeyBytes })
                yield return new ValidationResult($"{Section}:Keys:{i}:Key must be base64 of {KeyBytes} random bytes.");
        }

        foreach (var duplicate in Keys.GroupBy(k => k.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return new ValidationResult($"{Section}:Keys has the id '{duplicate.Key}' more than once.");
    }

    internal static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaximumIdLength)
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
                return false;
        }

        return true;
    }
}
