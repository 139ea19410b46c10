using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Opside.Api.Accounts;

/// <summary>
/// Password rules, hashing and verification. PBKDF2 (ASP.NET Core Identity's v3 format, HMAC-SHA512) at
/// 600,000 iterations: slow enough to make a stolen hash expensive, and the work happens here at the edge
/// rather than inside a grain's turn.
/// </summary>
public sealed class Credentials
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 256;
    public const int Iterations = 600_000;

    private readonly PasswordHasher<object> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    // Verified against when the email is unknown, so that an unknown email costs the same time as a wrong password.
    private readonly Lazy<string> _decoyHash;

    public Credentials() => _decoyHash = new(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>Lower-cased and trimmed, or null when it is not a plausible email address.</summary>
    public static string? NormaliseEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var address) ||
            address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
            return null;
        return trimmed.ToLowerInvariant();
    }

    /// <summary>What is wrong with a new password, or nothing.</summary>
    public static IEnumerable<string> PasswordProblems(string? password, string email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            yield return $"The password must be at least {MinimumPasswordLength} characters long.";
        else if (password.Length > MaximumPasswordLength)
            yield return $"The password must be at most {MaximumPasswordLength} characters long.";
        else if (string.Equals(password.Trim(), email, StringComparison.OrdinalIgnoreCase) ||
                 string.Equals(password.Trim(), email.Split('@')[0], StringComparison.OrdinalIgnoreCase))
            yield return "The password must not be the email address.";
    }

    private long _storedHashChecks;

    public string Hash(string password) => _hasher.HashPassword(this, password);

    /// <summary>How many passwords this process has checked against a real account's hash (decoys not counted): what lockout bounds.</summary>
    public long StoredHashChecks => Interlocked.Read(ref _storedHashChecks);

    /// <summary>Constant-time check of a password against a stored hash, or against a decoy when there is none.</summary>
    public bool Verify(string? storedHash, string password)
    {
        if (storedHash is not null)
            Interlocked.Increment(ref _storedHashChecks);
        var result = _hasher.VerifyHashedPassword(this, storedHash ?? _decoyHash.Value, password);
        return storedHash is not null && result != PasswordVerificationResult.Failed;
    }
}
