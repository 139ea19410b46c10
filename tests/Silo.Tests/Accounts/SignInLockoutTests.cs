using Opside.Grains.Accounts;

namespace Opside.Silo.Tests.Accounts;

/// <summary>The lockout rules on their own, at chosen instants: no clock, no waiting.</summary>
public sealed class SignInLockoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly LockoutPolicy Policy = new(MaxFailedAttempts: 3, Duration: TimeSpan.FromMinutes(15), AccountMaxFailedAttempts: 1000, MaxDuration: TimeSpan.FromHours(1));

    [Fact]
    public void Each_further_lock_of_a_client_lasts_twice_as_long_up_to_the_cap_and_then_ends()
    {
        var user = new UserState { UserId = "u", Role = UserRole.Seller };
        var now = Start;
        var lengths = new List<TimeSpan>();

        for (var lockNumber = 0; lockNumber < 4; lockNumber++)
        {
            for (var attempt = 0; attempt < Policy.MaxFailedAttempts; attempt++)
            {
                Assert.True(SignInLockout.MayAttempt(user, "203.0.113.1", 0, 0, Policy, now));
                SignInLockout.RecordFailure(user, "203.0.113.1", Policy, now);
            }

            var until = user.Clients["203.0.113.1"].LockedUntil!.Value;
            lengths.Add(until - now);
            Assert.False(SignInLockout.MayAttempt(user, "203.0.113.1", 0, 0, Policy, until - TimeSpan.FromSeconds(1)));
            Assert.True(SignInLockout.MayAttempt(user, "203.0.113.2", 0, 0, Policy, now));
            now = until;
        }

        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(1)], lengths);
        Assert.True(SignInLockout.MayAttempt(user, "203.0.113.1", 0, 0, Policy, now));
    }

    [Fact]
    public void Attempts_in_flight_count_toward_the_limit_before_their_outcome_is_known()
    {
        var user = new UserState { UserId = "u", Role = UserRole.Seller };
        SignInLockout.RecordFailure(user, "203.0.113.1", Policy, Start);

        Assert.True(SignInLockout.MayAttempt(user, "203.0.113.1", inFlightFromClient: 1, inFlightTotal: 1, Policy, Start));
        Assert.False(SignInLockout.MayAttempt(user, "203.0.113.1", inFlightFromClient: 2, inFlightTotal: 2, Policy, Start));
    }

    [Fact]
    public void A_success_clears_the_clients_back_off_and_makes_it_known_to_the_account_lock()
    {
        var policy = Policy with { AccountMaxFailedAttempts = 3 };
        var user = new UserState { UserId = "u", Role = UserRole.Seller };
        SignInLockout.RecordFailure(user, "198.51.100.20", policy, Start);
        SignInLockout.RecordSuccess(user, "198.51.100.20");

        var locked = false;
        for (var c = 1; c <= 3; c++)
            locked |= SignInLockout.RecordFailure(user, $"203.0.113.{c}", policy, Start);

        Assert.True(locked);
        Assert.False(user.Clients.ContainsKey("198.51.100.20"));
        Assert.False(SignInLockout.MayAttempt(user, "198.51.100.99", 0, 0, policy, Start));
        Assert.True(SignInLockout.MayAttempt(user, "198.51.100.20", 0, 0, policy, Start));
        Assert.False(SignInLockout.MayAttempt(user, "198.51.100.99", 0, 0, policy, Start + policy.Duration - TimeSpan.FromSeconds(1)));
        Assert.True(SignInLockout.MayAttempt(user, "198.51.100.99", 0, 0, policy, Start + policy.Duration));
    }
}
