using Orleans.Concurrency;

namespace Opside.Grains.Accounts;

/// <summary>
/// A person who signs in, keyed by normalised email so that an email can belong to one account only.
/// The grain keeps the password hash and the lockout state; hashing and verifying happen at the edge.
/// </summary>
[Alias("opside.accounts.user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account unless one exists; repeating the same registration answers the same ids.</summary>
    [Alias("register")]
    Task<RegistrationResult> RegisterAsync(NewUser user);

    /// <summary>The stored credentials, or null when no account has this email.</summary>
    [Alias("credentials")]
    Task<UserCredentials?> GetCredentialsAsync();

    /// <summary>
    /// Counts a sign-in attempt from <paramref name="client"/> before its password is checked: refused while that client
    /// or the account is locked, or when the attempts already in flight would reach the limit. One call is one grain
    /// turn, so a parallel burst cannot get more attempts granted than the limit allows.
    /// </summary>
    [Alias("reserve-sign-in")]
    Task<SignInReservation> ReserveSignInAsync(string client, LockoutPolicy policy);

    /// <summary>
    /// Settles a granted reservation with the outcome of the password check: a failure counts toward the locks, a
    /// success clears the client's count. Answers the token version to issue, or null when the sign-in must be refused
    /// (a lock arrived while the password was being checked, or the reservation expired).
    /// </summary>
    [Alias("complete-sign-in")]
    Task<int?> CompleteSignInAsync(string reservationId, bool succeeded, LockoutPolicy policy);

    /// <summary>
    /// The version every valid access token of this user carries, or null when no account has this email. Asked on
    /// every authenticated request, so it reads memory only, and read-only calls of it run side by side.
    /// </summary>
    [Alias("token-version"), ReadOnly]
    Task<int?> GetTokenVersionAsync();

    /// <summary>Replaces the password hash of user <paramref name="userId"/> and ends every session: answers the new token version, or null when the user is not this one.</summary>
    [Alias("change-password")]
    Task<int?> ChangePasswordAsync(string userId, string newPasswordHash);

    /// <summary>Ends every session of the user (its tokens answer 401): answers the new token version, or null when there is no account.</summary>
    [Alias("revoke-sessions")]
    Task<int?> RevokeSessionsAsync();
}

/// <summary>A granted attempt carries the credentials to check; a refused one carries none.</summary>
[GenerateSerializer, Immutable, Alias("opside.accounts.sign-in-reservation")]
public sealed record SignInReservation(
    [property: Id(0)] string? ReservationId,
    [property: Id(1)] UserCredentials? Credentials)
{
    public static readonly SignInReservation Refused = new(null, null);
}

[GenerateSerializer, Immutable, Alias("opside.accounts.new-user")]
public sealed record NewUser(
    [property: Id(0)] string Email,
    [property: Id(1)] string PasswordHash,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] string? CompanyName);

[GenerateSerializer, Immutable, Alias("opside.accounts.registration-result")]
public sealed record RegistrationResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] string UserId,
    [property: Id(2)] string? SellerId);

[GenerateSerializer, Immutable, Alias("opside.accounts.credentials")]
public sealed record UserCredentials(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] UserRole Role,
    [property: Id(4)] string? SellerId,
    [property: Id(5)] DateTimeOffset? LockedUntil);

/// <summary>
/// <paramref name="MaxFailedAttempts"/> failures from one client lock that client out of the account for
/// <paramref name="Duration"/>, doubling with each further lock up to <paramref name="MaxDuration"/>;
/// <paramref name="AccountMaxFailedAttempts"/> failures from all clients together lock the account for
/// <paramref name="Duration"/>, except for clients that have signed in to it before and for ops accounts.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.accounts.lockout-policy")]
public sealed record LockoutPolicy(
    [property: Id(0)] int MaxFailedAttempts,
    [property: Id(1)] TimeSpan Duration,
    [property: Id(2)] int AccountMaxFailedAttempts,
    [property: Id(3)] TimeSpan MaxDuration);

[GenerateSerializer, Alias("opside.accounts.role")]
public enum UserRole
{
    Seller,
    Ops,
}
