using Opside.Grains.Sellers;

namespace Opside.Grains.Accounts;

[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    /// <summary>Far longer than one password check takes.</summary>
    private static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(1);

    // Attempts granted and not yet settled. Kept in memory only: the grain is not reentrant, so each call sees them
    // all, and a deactivation that loses them loses at most the attempts of one burst's few seconds.
    private readonly Dictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);

    public async Task<RegistrationResult> RegisterAsync(NewUser user)
    {
        if (state.State.UserId is not null)
        {
            // The seller may be missing if an earlier attempt stopped between the two writes: finish it.
            if (state.State.Role == UserRole.Seller && state.State.SellerId is { } existing && user.CompanyName is { } company)
                await GrainFactory.GetGrain<ISellerGrain>(existing).CreateAsync(company, state.State.UserId);
            return new RegistrationResult(Created: false, state.State.UserId, state.State.SellerId);
        }

        state.State.UserId = Guid.NewGuid().ToString("N");
        state.State.Email = user.Email;
        state.State.PasswordHash = user.PasswordHash;
        state.State.Role = user.Role;
        state.State.SellerId = user.Role == UserRole.Seller ? Guid.NewGuid().ToString("N") : null;
        state.State.CreatedAt = time.GetUtcNow();
        await state.WriteStateAsync();

        if (state.State.SellerId is { } sellerId)
            await GrainFactory.GetGrain<ISellerGrain>(sellerId).CreateAsync(user.CompanyName ?? user.Email, state.State.UserId);

        logger.LogInformation("Registered user {UserId} as {Role} (seller {SellerId})", state.State.UserId, user.Role, state.State.SellerId);
        return new RegistrationResult(Created: true, state.State.UserId, state.State.SellerId);
    }

    public Task<UserCredentials?> GetCredentialsAsync() => Task.FromResult(
        state.State.UserId is null
            ? null
            : new UserCredentials(state.State.UserId, state.State.Email, state.State.PasswordHash, state.State.Role, state.State.SellerId, state.State.LockedUntil));

    public async Task<SignInReservation> ReserveSignInAsync(string client, LockoutPolicy policy)
    {
        if (state.State.UserId is null)
            return SignInReservation.Refused;

        var now = time.GetUtcNow();
        await ExpireReservationsAsync(policy, now);
        var fromClient = _inFlight.Values.Count(r => r.Client == client);
        if (!SignInLockout.MayAttempt(state.State, client, fromClient, _inFlight.Count, policy, now))
            return SignInReservation.Refused;

        var id = Guid.NewGuid().ToString("N");
        _inFlight[id] = new InFlight(client, now);
        return new SignInReservation(id, await GetCredentialsAsync());
    }

    public async Task<int?> CompleteSignInAsync(string reservationId, bool succeeded, LockoutPolicy policy)
    {
        if (!_inFlight.Remove(reservationId, out var reservation) || state.State.UserId is null)
            return null;

        var now = time.GetUtcNow();
        if (!succeeded)
        {
            await RecordFailureAsync(reservation.Client, policy, now);
            return null;
        }

        // Locked by other attempts while this one's password was being checked: a success while locked is refused.
        if (SignInLockout.IsLockedOut(state.State, reservation.Client, now))
            return null;
        SignInLockout.RecordSuccess(state.State, reservation.Client);
        await state.WriteStateAsync();
        return state.State.TokenVersion;
    }

    public Task<int?> GetTokenVersionAsync() => Task.FromResult(state.State.UserId is null ? (int?)null : state.State.TokenVersion);

    public async Task<int?> ChangePasswordAsync(string userId, string newPasswordHash)
    {
        if (state.State.UserId is null || state.State.UserId != userId)
            return null;

        state.State.PasswordHash = newPasswordHash;
        // Whoever was guessing the old password starts again against a new one.
        state.State.Clients.Clear();
        state.State.FailedAttempts = 0;
        state.State.LockedUntil = null;
        state.State.TokenVersion++;
        await state.WriteStateAsync();
        logger.LogInformation("User {UserId} changed their password; sessions before version {TokenVersion} end", userId, state.State.TokenVersion);
        return state.State.TokenVersion;
    }

    public async Task<int?> RevokeSessionsAsync()
    {
        if (state.State.UserId is null)
            return null;

        state.State.TokenVersion++;
        await state.WriteStateAsync();
        logger.LogInformation("Sessions of user {UserId} before version {TokenVersion} were revoked", state.State.UserId, state.State.TokenVersion);
        return state.State.TokenVersion;
    }

    private async Task RecordFailureAsync(string client, LockoutPolicy policy, DateTimeOffset now)
    {
        if (SignInLockout.RecordFailure(state.State, client, policy, now))
        {
            // A lock ends the sessions too: the burst may come from someone who already holds one.
            state.State.TokenVersion++;
            logger.LogWarning("User {UserId} locked out until {LockedUntil} after repeated failed sign-ins from several clients", state.State.UserId, state.State.LockedUntil);
        }

        await state.WriteStateAsync();
    }

    // A reservation whose outcome never came (the caller died mid-check) counts as a failure rather than vanishing.
    private async Task ExpireReservationsAsync(LockoutPolicy policy, DateTimeOffset now)
    {
        foreach (var (id, stale) in _inFlight.Where(r => now - r.Value.GrantedAt > ReservationLifetime).ToList())
        {
            _inFlight.Remove(id);
            await RecordFailureAsync(stale.Client, policy, now);
        }
    }

    private sealed record InFlight(string Client, DateTimeOffset GrantedAt);
}
