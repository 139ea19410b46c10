namespace Opside.Grains.Accounts;

[GenerateSerializer, Alias("opside.accounts.user-state")]
public sealed class UserState
{
    [Id(0)] public string? UserId { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public UserRole Role { get; set; }
    [Id(4)] public string? SellerId { get; set; }
    [Id(5)] public int FailedAttempts { get; set; }
    [Id(6)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
}
