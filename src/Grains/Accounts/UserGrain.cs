using Opside.Grains.Sellers;

namespace Opside.Grains.Accounts;

[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
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

    public async Task<SignInRecord> RecordSignInAsync(bool succeeded, LockoutPolicy policy)
    {
        if (state.State.UserId is null)
            return new SignInRecord(0, null);

        if (succeeded)
        {
            if (state.State.FailedAttempts != 0 || state.State.LockedUntil is not null)
            {
                state.State.FailedAttempts = 0;
                state.State.LockedUntil = null;
                await state.WriteStateAsync();
            }

            return new SignInRecord(0, null);
        }

        state.State.FailedAttempts++;
        if (state.State.FailedAttempts >= policy.MaxFailedAttempts)
        {
            state.State.LockedUntil = time.GetUtcNow() + policy.Duration;
            state.State.FailedAttempts = 0;
            logger.LogWarning("User {UserId} locked out until {LockedUntil} after repeated failed sign-ins", state.State.UserId, state.State.LockedUntil);
        }

        await state.WriteStateAsync();
        return new SignInRecord(state.State.FailedAttempts, state.State.LockedUntil);
    }
}
