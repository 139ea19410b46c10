using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Sync;
using Opside.DataPlane.Billing;
using Opside.Grains.Billing;
using Opside.Grains.Claims;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// The API with a co-hosted silo whose Amazon is a sandbox and whose Stripe is a <see cref="StripeFake"/>, both on
/// loopback, for all the tests of a class. Tests keep apart by registering their own sellers.
/// </summary>
public sealed class StripeBilledApiFixture : IAsyncLifetime
{
    private StripeFake? _stripe;
    private SandboxedApi? _api;

    public StripeFake Stripe => _stripe ?? throw new InvalidOperationException("The fixture has not started.");

    internal SandboxedApi Api => _api ?? throw new InvalidOperationException("The fixture has not started.");

    public IGrainFactory Grains => Api.Factory.Services.GetRequiredService<IGrainFactory>();

    public IBillingLedger Ledger => Api.Factory.Services.GetRequiredService<IBillingLedger>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await StripeFake.StartAsync(Ct);
        _api = await SandboxedApi.StartAsync(opsideSettings: _stripe.OpsideSettings());
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
            await _api.DisposeAsync();
        if (_stripe is not null)
            await _stripe.DisposeAsync();
    }

    /// <summary>
    /// Hands the seller's billing grain a filed claim of <paramref name="claimId"/> (3 units valued 7.31 each, on case
    /// <paramref name="caseId"/>) paid by <paramref name="payments"/>, as reconciliation does.
    /// </summary>
    public Task<int> RecordAsync(string sellerId, string claimId, string caseId, params CasePayment[] payments)
    {
        var facts = new ClaimFacts(sellerId, "WarehouseLost", $"X00STRIPE1|{claimId}", "X00STRIPE1", "SKU-S", null, null, null, null,
            new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 30), 3,
            new ClaimMoney(payments.Length > 0 && payments[0].Currency == "JPY" ? 3000m : 21.93m, payments.Length > 0 ? payments[0].Currency : "USD"), [], []);
        var claim = new ClaimSnapshot(claimId, facts, ClaimStatus.Reimbursed, [], 4,
            new ClaimFiling(caseId, DateTimeOffset.UtcNow.AddDays(-10), "seller@example.test"), Payments: payments);
        return Grains.GetGrain<IBillingGrain>(sellerId).RecordAsync([claim]);
    }

    public static CasePayment Payment(string reimbursementId, string caseId, decimal cash, int cashUnits, int inventoryUnits = 0, string currency = "USD",
        DateTimeOffset? approved = null) =>
        new(reimbursementId, approved ?? DateTimeOffset.UtcNow.AddDays(-1), caseId, "Lost_Warehouse", "X00STRIPE1", currency, cash, cashUnits, inventoryUnits, "");

    /// <summary>The seller's ledger entries in <paramref name="currency"/>, every state, as the store keeps them.</summary>
    public Task<IReadOnlyList<LedgerEntry>> EntriesAsync(string sellerId, string currency = "USD") =>
        Ledger.ListAsync(sellerId, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(1), currency, 0, 100, Ct);

    /// <summary>The fake's invoice items for the seller's customer.</summary>
    public IReadOnlyList<JsonObject> InvoiceItemsOf(string sellerId) =>
        [.. Stripe.Objects("invoiceitem").Where(i => (string?)i["metadata"]?[StripeBilling.SellerMetadata] == sellerId)];

    /// <summary>Waits (a bounded while) until <paramref name="done"/> holds; the push to Stripe runs after the record call returns.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await done())
                return;
            await Task.Delay(50, Ct);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }

    /// <summary>Delivers a webhook as Stripe would: the body signed with <paramref name="secret"/> at <paramref name="signedAt"/>.</summary>
    public Task<HttpResponseMessage> DeliverAsync(string body, string? secret = null, DateTimeOffset? signedAt = null, string? sentBody = null) =>
        Deliver(Api.Anonymous, body, StripeFake.Sign(body, secret ?? StripeFake.WebhookSecret, signedAt ?? DateTimeOffset.UtcNow), sentBody);

    public static async Task<HttpResponseMessage> Deliver(HttpClient client, string body, string? signature, string? sentBody = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/billing/stripe/webhook")
        {
            Content = new StringContent(sentBody ?? body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await client.SendAsync(request, Ct);
    }
}
