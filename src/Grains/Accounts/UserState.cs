namespace Opside.Grains.Accounts;

[GenerateSerializer, Alias("opside.accounts.user-state")]
public sealed class UserState
{
    [Id(0)] public string? UserId { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public UserRole Role { get; set; }
    [Id(4)] public string? SellerId { get; set; }

    /// <summary>Failures from all clients together since the last success: the account-wide lock counts these.</summary>
    [Id(5)] public int FailedAttempts { get; set; }

    /// <summary>The account-wide lock, which spares known clients and ops accounts.</summary>
    [Id(6)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Carried by every access token issued; raising it ends every session issued before.</summary>
    [Id(8)] public int TokenVersion { get; set; }

    /// <summary>Failures and locks per client address, so one client's guesses lock out that client only.</summary>
    [Id(9)] public Dictionary<string, ClientAttempts> Clients { get; set; } = [];

    /// <summary>Client addresses that signed in successfully, newest first: the account-wide lock does not stop them.</summary>
    [Id(10)] public List<string> KnownClients { get; set; } = [];
}

/// <summary>One client address's failed sign-ins to one account.</summary>
[GenerateSerializer, Alias("opside.accounts.client-attempts")]
public sealed class ClientAttempts
{
    [Id(0)] public int FailedAttempts { get; set; }

    /// <summary>How many times this client has been locked out since its last success: each lock lasts twice the one before.</summary>
    [Id(1)] public int Locks { get; set; }
    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(3)] public DateTimeOffset LastFailureAt { get; set; }
}
