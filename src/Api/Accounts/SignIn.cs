using Microsoft.Extensions.Options;
using Opside.Grains.Accounts;

namespace Opside.Api.Accounts;

/// <summary>Checks an email and password, counts failures toward lockout, and issues an access token on success.</summary>
public sealed class SignIn(
    Credentials credentials,
    AccessTokenIssuer issuer,
    IGrainFactory grains,
    IOptions<LockoutOptions> lockout,
    TimeProvider time)
{
    /// <summary>A token, or null for an unknown email, a wrong password or a locked account alike.</summary>
    public async Task<TokenResponse?> TryAsync(string? email, string? password)
    {
        var normalised = Credentials.NormaliseEmail(email);
        var user = normalised is null ? null : grains.GetGrain<IUserGrain>(normalised);
        var stored = user is null ? null : await user.GetCredentialsAsync();
        // Verified even when there is no account, so an unknown email costs the same time as a wrong password.
        var matches = await Task.Run(() => credentials.Verify(stored?.PasswordHash, password ?? ""));

        if (stored is null || user is null || stored.LockedUntil > time.GetUtcNow())
            return null;

        await user.RecordSignInAsync(matches, new LockoutPolicy(lockout.Value.MaxFailedAttempts, lockout.Value.Duration));
        return matches ? issuer.Issue(stored) : null;
    }
}
