namespace Opside.Grains.Accounts;

/// <summary>
/// The lockout rules over a user's state. Per client address: <see cref="LockoutPolicy.MaxFailedAttempts"/> failures
/// lock that client out of the account, each further lock twice as long (capped), so one client's guesses harm only
/// that client. Account-wide: <see cref="LockoutPolicy.AccountMaxFailedAttempts"/> failures from all clients lock the
/// account for a while, but never for a client that has signed in to it before, nor for an ops account, so a spray
/// from many addresses can neither lock the owner out for good nor lock out operations.
/// </summary>
internal static class SignInLockout
{
    /// <summary>Enough for one person's devices; older ones are forgotten first.</summary>
    private const int MaxKnownClients = 10;

    /// <summary>Bounds the state an attacker with many addresses can make the grain keep.</summary>
    private const int MaxTrackedClients = 100;

    public static bool AccountLockApplies(UserState user, string client) =>
        user.Role != UserRole.Ops && !user.KnownClients.Contains(client, StringComparer.Ordinal);

    public static bool IsLockedOut(UserState user, string client, DateTimeOffset now) =>
        user.Clients.GetValueOrDefault(client)?.LockedUntil > now ||
        (AccountLockApplies(user, client) && user.LockedUntil > now);

    /// <summary>Whether one more attempt may be checked, given the ones already being checked.</summary>
    public static bool MayAttempt(UserState user, string client, int inFlightFromClient, int inFlightTotal, LockoutPolicy policy, DateTimeOffset now) =>
        !IsLockedOut(user, client, now) &&
        (user.Clients.GetValueOrDefault(client)?.FailedAttempts ?? 0) + inFlightFromClient < policy.MaxFailedAttempts &&
        (!AccountLockApplies(user, client) || user.FailedAttempts + inFlightTotal < policy.AccountMaxFailedAttempts);

    /// <summary>Counts a failure; answers true when it locked the whole account (which ends its sessions).</summary>
    public static bool RecordFailure(UserState user, string client, LockoutPolicy policy, DateTimeOffset now)
    {
        if (!user.Clients.TryGetValue(client, out var attempts))
        {
            Forget(user.Clients, now);
            user.Clients[client] = attempts = new ClientAttempts();
        }

        attempts.LastFailureAt = now;
        if (++attempts.FailedAttempts >= policy.MaxFailedAttempts)
        {
            attempts.Locks++;
            attempts.FailedAttempts = 0;
            var seconds = Math.Min(policy.MaxDuration.TotalSeconds, policy.Duration.TotalSeconds * Math.Pow(2, Math.Min(attempts.Locks - 1, 30)));
            attempts.LockedUntil = now + TimeSpan.FromSeconds(seconds);
        }

        if (user.Role == UserRole.Ops || ++user.FailedAttempts < policy.AccountMaxFailedAttempts)
            return false;
        user.FailedAttempts = 0;
        user.LockedUntil = now + policy.Duration;
        return true;
    }

    public static void RecordSuccess(UserState user, string client)
    {
        user.Clients.Remove(client);
        // The account lock, if any, runs its course: a success from a known client must not reopen it to the others.
        user.FailedAttempts = 0;
        user.KnownClients.Remove(client);
        user.KnownClients.Insert(0, client);
        if (user.KnownClients.Count > MaxKnownClients)
            user.KnownClients.RemoveRange(MaxKnownClients, user.KnownClients.Count - MaxKnownClients);
    }

    // Clients whose lock is over go first, oldest failure first; a client still locked is kept while any other can go.
    private static void Forget(Dictionary<string, ClientAttempts> clients, DateTimeOffset now)
    {
        if (clients.Count < MaxTrackedClients)
            return;
        var oldest = clients
            .OrderBy(c => c.Value.LockedUntil > now)
            .ThenBy(c => c.Value.LastFailureAt)
            .First().Key;
        clients.Remove(oldest);
    }
}
