using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Billing;
using Opside.Grains.Billing;
using Opside.Grains.Claims;
using Opside.Testing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// Ops set a seller's commission rate (docs/billing.md): what the seller's billing grain records from then on is at
/// that rate, what it recorded before keeps its own; a bad rate is answered 400 by name and changes nothing.
/// </summary>
public sealed class OpsBillingTermsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Approved = DateTimeOffset.UtcNow.AddDays(-1);

    private OpsideApiFactory _factory = null!;
    private HttpClient _ops = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        _ops = _factory.CreateClientWithToken(TestAuth.Ops());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _ops.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_rate_ops_set_bills_what_is_recorded_after_and_null_goes_back_to_the_default()
    {
        var (account, _) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        var billing = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IBillingGrain>(account.SellerId);
        await billing.RecordAsync([Paid(account.SellerId, "3001")]);

        var set = await PutAsync(account.SellerId, """{ "rate": 0.25 }""");
        await billing.RecordAsync([Paid(account.SellerId, "3001", "3002")]);
        var read = await _ops.GetFromJsonAsync<JsonElement>($"/api/ops/billing/sellers/{account.SellerId}/terms", Ct);
        var reset = await PutAsync(account.SellerId, """{ "rate": null }""");

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(0.25m, read.GetProperty("rate").GetDecimal());
        Assert.True(read.GetProperty("chargeOnInventory").GetBoolean());
        Assert.Equal(0.20m, reset.Body.GetProperty("rate").GetDecimal());
        var entries = await _factory.Services.GetRequiredService<IBillingLedger>()
            .ListAsync(account.SellerId, Approved.AddDays(-1), Approved.AddDays(1), "USD", 0, 10, Ct);
        // 10.00 cash: 2.00 at the default recorded first, 2.50 at the new rate, the first entry not recorded again.
        Assert.Equal([("3001", 0.20m, 2.00m), ("3002", 0.25m, 2.50m)], entries.Select(e => (e.ReimbursementId, e.Rate, e.Commission)));
    }

    [Theory]
    [InlineData("""{ "rate": 0 }""")]
    [InlineData("""{ "rate": 1.5 }""")]
    [InlineData("""{ "rate": 0.12345 }""")]
    [InlineData("""{ "rate": "0.2" }""")]
    [InlineData("""{ "percent": 20 }""")]
    public async Task A_bad_rate_is_answered_400_naming_it_and_changes_nothing(string body)
    {
        var (account, _) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());

        var answer = await PutAsync(account.SellerId, body);
        var terms = await _ops.GetFromJsonAsync<JsonElement>($"/api/ops/billing/sellers/{account.SellerId}/terms", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("rate", out _), answer.Body.ToString());
        Assert.Equal(0.20m, terms.GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_seller_has_no_terms()
    {
        using var response = await _ops.GetAsync("/api/ops/billing/sellers/no-such-seller/terms", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync("no-such-seller", """{ "rate": 0.3 }""")).Status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(string sellerId, string body)
    {
        using var response = await _ops.PutAsync($"/api/ops/billing/sellers/{sellerId}/terms", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    /// <summary>A filed claim of the seller paid 10.00 in cash by each reimbursement id.</summary>
    private static ClaimSnapshot Paid(string sellerId, params string[] reimbursementIds) => new("claim-terms",
        new ClaimFacts(sellerId, "WarehouseLost", "X00TERMS01|2026-10-01", "X00TERMS01", "SKU-T", null, null, null, null,
            new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 30), 2, new ClaimMoney(20m, "USD"), [], []),
        ClaimStatus.Reimbursed, [], 3, new ClaimFiling("5559990001", Approved.AddDays(-5), "seller"),
        Payments: [.. reimbursementIds.Select(id => new CasePayment(id, Approved, "5559990001", "Lost_Warehouse", "X00TERMS01", "USD", 10m, 1, 0, ""))]);
}
