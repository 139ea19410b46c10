using System.Net;
using System.Net.Http.Json;
using Opside.Api.Accounts;
using Opside.Testing;

namespace Opside.Api.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Auth_requests_past_the_budget_answer_429_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:AuthPermitLimit"] = "2",
            ["RateLimits:AuthWindow"] = "00:10:00",
        });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("nobody@example.com", "whatever it is here"), ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(Assert.Single(last.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
    }

    [Fact]
    public async Task Registrations_have_their_own_tighter_budget_so_probing_which_emails_exist_is_slow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:RegisterPermitLimit"] = "2",
            ["RateLimits:RegisterWindow"] = "01:00:00",
        });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var email in new[] { "first@example.com", "first@example.com", "third@example.com" })
            statuses.Add((await client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, "a long enough passphrase", "Acme"), ct)).StatusCode);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, (HttpStatusCode)429], statuses);
        // Sign-in keeps its own budget: the registration limit does not lock anyone out of their account.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("first@example.com", "a long enough passphrase"), ct)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_past_the_budget_answers_429()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:UserPermitLimit"] = "2",
            ["RateLimits:UserWindow"] = "00:10:00",
        });
        using var ops = factory.CreateClientWithToken(TestAuth.Ops());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await ops.GetAsync("/api/ops/cluster", ct)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
    }
}
