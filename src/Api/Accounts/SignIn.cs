using Microsoft.Extensions.Options;
using Opside.Grains.Accounts;

namespace Opside.Api.Accounts;

/// <summary>
/// Checks an email and password and issues an access token on success. The attempt is counted by the user grain
/// before the hash is checked, so a parallel burst gets no more checks than the lockout allows.
/// </summary>
public sealed class SignIn(
    Credentials credentials,
    AccessTokenIssuer issuer,
    IGrainFactory grains,
    IOptions<LockoutOptions> lockout)
{
    /// <summary>A token, or null for an unknown email, a wrong password or a locked account alike.</summary>
    public async Task<TokenResponse?> TryAsync(string? email, string? password, string client)
    {
        var normalised = Credentials.NormaliseEmail(email);
        return normalised is not null && await CheckAsync(grains.GetGrain<IUserGrain>(normalised), password, client) is var (user, version)
            ? issuer.Issue(user, version)
            : null;
    }

    /// <summary>
    /// The user and the token version to issue when <paramref name="password"/> is right and the attempt was allowed.
    /// A refused attempt still costs one hash (against a decoy), so a locked account answers as slowly as a wrong password.
    /// </summary>
    public async Task<(UserCredentials User, int TokenVersion)?> CheckAsync(IUserGrain user, string? password, string client)
    {
        var policy = lockout.Value.Policy();
        var reservation = await user.ReserveSignInAsync(client, policy);
        if (reservation is not { ReservationId: { } id, Credentials: { } stored })
        {
            await Task.Run(() => credentials.Verify(null, password ?? ""));
            return null;
        }

        var matches = await Task.Run(() => credentials.Verify(stored.PasswordHash, password ?? ""));
        return await user.CompleteSignInAsync(id, matches, policy) is { } version ? (stored, version) : null;
    }
}
