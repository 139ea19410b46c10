using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Accounts;

namespace Opside.Api.Tests;

/// <summary>
/// Lockout counts an attempt before its password is checked, per client address, and cannot be turned against the
/// owner: another client's failures lock out that client, not the account's known clients nor the ops account.
/// </summary>
public sealed class SignInLockoutTests
{
    private const string Wrong = "wrong password, try again";

    [Fact]
    public async Task Twenty_parallel_wrong_guesses_against_a_limit_of_five_check_five_hashes_and_then_the_right_password_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Auth:Lockout:MaxFailedAttempts"] = "5" });
        using var client = factory.CreateClient();
        var email = $"burst-{Guid.NewGuid():N}@example.com";
        await AccountSteps.RegisterSellerAsync(client, email);
        var credentials = factory.Services.GetRequiredService<Credentials>();
        var before = credentials.StoredHashChecks;

        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, Wrong), ct)));
        var right = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct);

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(5, credentials.StoredHashChecks - before);
    }

    [Fact]
    public async Task One_clients_failures_lock_out_that_client_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Auth:Lockout:MaxFailedAttempts"] = "3" });
        using var guesser = TestClientAddress.Client(factory, "203.0.113.7");
        using var owner = TestClientAddress.Client(factory, "198.51.100.20");
        var email = $"target-{Guid.NewGuid():N}@example.com";
        await AccountSteps.RegisterSellerAsync(factory.CreateClient(), email);

        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, Wrong), ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct)).StatusCode);
    }

    [Fact]
    public async Task Failures_from_many_clients_lock_the_account_for_new_clients_but_not_for_one_that_signed_in_before()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Lockout:MaxFailedAttempts"] = "3",
            ["Auth:Lockout:AccountMaxFailedAttempts"] = "6",
        });
        using var known = TestClientAddress.Client(factory, "198.51.100.20");
        using var stranger = TestClientAddress.Client(factory, "198.51.100.99");
        var email = $"sprayed-{Guid.NewGuid():N}@example.com";
        await AccountSteps.RegisterSellerAsync(known, email);

        await SprayAsync(factory, email, clients: 3, each: 3, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await known.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_failures_from_many_unknown_clients_do_not_lock_the_bootstrap_ops_account()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Lockout:MaxFailedAttempts"] = "3",
            ["Auth:Lockout:AccountMaxFailedAttempts"] = "6",
        });
        using var newOperator = TestClientAddress.Client(factory, "198.51.100.1");

        await SprayAsync(factory, OpsideApiFactory.OpsEmail, clients: 5, each: 3, ct);

        Assert.Equal(HttpStatusCode.OK, (await newOperator.PostAsJsonAsync("/api/auth/token", new TokenRequest(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword), ct)).StatusCode);
    }

    private static async Task SprayAsync(OpsideApiFactory factory, string email, int clients, int each, CancellationToken ct)
    {
        for (var c = 0; c < clients; c++)
        {
            using var attacker = TestClientAddress.Client(factory, $"203.0.113.{c + 1}");
            for (var attempt = 0; attempt < each; attempt++)
                Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, Wrong), ct)).StatusCode);
        }
    }
}
