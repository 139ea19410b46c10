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

    /// <summary>Counts a failed sign-in (locking the account after too many) or clears the count after a success.</summary>
    [Alias("record-sign-in")]
    Task<SignInRecord> RecordSignInAsync(bool succeeded, LockoutPolicy policy);
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

[GenerateSerializer, Immutable, Alias("opside.accounts.sign-in-record")]
public sealed record SignInRecord(
    [property: Id(0)] int FailedAttempts,
    [property: Id(1)] DateTimeOffset? LockedUntil);

[GenerateSerializer, Immutable, Alias("opside.accounts.lockout-policy")]
public sealed record LockoutPolicy(
    [property: Id(0)] int MaxFailedAttempts,
    [property: Id(1)] TimeSpan Duration);

[GenerateSerializer, Alias("opside.accounts.role")]
public enum UserRole
{
    Seller,
    Ops,
}
