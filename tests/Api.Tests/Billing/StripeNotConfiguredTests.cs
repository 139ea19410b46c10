using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Testing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// Without Stripe keys (the embedded default) nothing is charged and each Stripe route says why; the webhook, the one
/// anonymous billing route, has a per-client budget of its own; ops' list names a bad status.
/// </summary>
public sealed class StripeNotConfiguredTests : IAsyncLifetime
{
    private readonly OpsideApiFactory _factory = new(new Dictionary<string, string?> { ["RateLimits:StripeWebhookPermitLimit"] = "2" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_Stripe_routes_say_Stripe_is_not_configured()
    {
        using var anonymous = _factory.CreateClient();
        var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var seller = _factory.CreateClientWithToken(token);
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());

        var checkout = await seller.PostAsync($"/api/sellers/{account.SellerId}/billing/payment-method", null, Ct);
        var invoice = await ops.PostAsync($"/api/ops/billing/sellers/{account.SellerId}/invoice", null, Ct);
        var webhook = await StripeBilledApiFixture.Deliver(anonymous, "{}", StripeFake.Sign("{}", StripeFake.WebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Conflict, checkout.StatusCode);
        Assert.Contains("Stripe:SecretKey", (await checkout.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, invoice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        Assert.Contains("Stripe:WebhookSecret", (await webhook.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_webhook_has_its_own_budget_per_client()
    {
        using var anonymous = _factory.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            answers.Add(await StripeBilledApiFixture.Deliver(anonymous, "{}", signature: "t=1,v1=00"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.True(answers[2].Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Ops_list_names_a_missing_or_unknown_status()
    {
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());

        foreach (var query in new[] { "", "?status=Late", "?status=PastDue&pageSize=1001" })
        {
            var response = await ops.GetAsync($"/api/ops/billing/sellers{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(query.Contains("pageSize", StringComparison.Ordinal) ? "pageSize" : "status", problem.GetRawText(), StringComparison.Ordinal);
        }

        var empty = await ops.GetFromJsonAsync<JsonElement>("/api/ops/billing/sellers?status=PastDue", Ct);
        Assert.Equal(0, empty.GetProperty("items").GetArrayLength());
    }
}
