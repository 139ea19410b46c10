using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.DataPlane.Billing;
using Opside.Testing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// The invoice run (docs/billing.md, "Invoices"), here at ops' request: what is pending is pushed, then one invoice
/// per currency takes every item not invoiced yet, is finalised once (Stripe then charges the saved card), and the
/// statement of each month on it shows it. A run cut short is finished by the next, with the same invoice.
/// </summary>
public sealed class StripeInvoiceRunTests(StripeBilledApiFixture fixture) : IClassFixture<StripeBilledApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_makes_one_invoice_per_currency_finalised_once_and_a_second_run_makes_none()
    {
        var (sellerId, seller) = await fixture.Api.SellerAsync();
        using var ops = fixture.Api.Factory.CreateClientWithToken(TestAuth.Ops());
        await fixture.RecordAsync(sellerId, "claim-a", "7000000001", StripeBilledApiFixture.Payment("r-a", "7000000001", 14.62m, 2, 1));
        await fixture.RecordAsync(sellerId, "claim-b", "7000000002", StripeBilledApiFixture.Payment("r-b", "7000000002", 10m, 1, currency: "CAD"));

        var run = await RunAsync(ops, sellerId);
        var again = await RunAsync(ops, sellerId);

        var invoices = fixture.Stripe.Objects("invoice").Where(i => (string?)i["metadata"]!["seller_id"] == sellerId).ToList();
        Assert.Equal(["cad", "usd"], invoices.Select(i => (string)i["currency"]!).Order());
        Assert.All(invoices, i => Assert.Equal(("open", "charge_automatically", true),
            ((string)i["status"]!, (string)i["collection_method"]!, (bool)i["auto_advance"]!)));
        var usd = invoices.Single(i => (string)i["currency"]! == "usd");
        Assert.Equal(439L, (long)usd["total"]!);
        Assert.Equal(run.GetProperty("invoiceId").GetString(), (string)invoices.OrderBy(i => (string)i["currency"]!).First()["id"]!);
        Assert.Equal("Open", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("invoices").GetArrayLength());
        Assert.Equal(("NothingToInvoice", JsonValueKind.Null), (again.GetProperty("status").GetString(), again.GetProperty("invoiceId").ValueKind));
        Assert.Equal(2, fixture.Stripe.Requests.Count(r => r.Path.EndsWith("/finalize", StringComparison.Ordinal) && invoices.Any(i => r.Path.Contains((string)i["id"]!, StringComparison.Ordinal))));

        var entry = Assert.Single(await fixture.EntriesAsync(sellerId));
        Assert.Equal((LedgerStates.Invoiced, (string)usd["id"]!), (entry.State, entry.StripeInvoiceId));
        var statement = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/billing/statement?month={entry.ApprovedAt:yyyy-MM}&currency=USD", Ct);
        Assert.Equal(((string)usd["id"]!, "Open"), (statement.GetProperty("invoice").GetProperty("id").GetString(),
            statement.GetProperty("invoice").GetProperty("status").GetString()));
        Assert.Equal("Configured", statement.GetProperty("stripe").GetString());
        Assert.Equal(entry.StripeInvoiceItemId, statement.GetProperty("items")[0].GetProperty("stripeInvoiceItemId").GetString());
    }

    [Fact]
    public async Task A_run_cut_short_by_Stripe_answers_503_and_the_next_run_finishes_the_same_invoice()
    {
        var (sellerId, _) = await fixture.Api.SellerAsync();
        using var ops = fixture.Api.Factory.CreateClientWithToken(TestAuth.Ops());
        await fixture.RecordAsync(sellerId, "claim-c", "7000000003", StripeBilledApiFixture.Payment("r-c", "7000000003", 20m, 2));
        await StripeBilledApiFixture.EventuallyAsync(() => Task.FromResult(fixture.InvoiceItemsOf(sellerId).Count == 1), "the entry is pushed");

        // Stripe makes the invoice and every answer about finalising it fails: more failures than Stripe.net retries.
        fixture.Stripe.FailNext("POST", "/v1/invoices/", afterProcessing: false, times: 3);
        var cut = await ops.PostAsync($"/api/ops/billing/sellers/{sellerId}/invoice", null, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, cut.StatusCode);
        Assert.Contains("Stripe", (await cut.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Something recorded meanwhile waits for the next invoice; it is not pushed into the unfinished run.
        await fixture.RecordAsync(sellerId, "claim-d", "7000000004", StripeBilledApiFixture.Payment("r-d", "7000000004", 5m, 1));

        var finished = await RunAsync(ops, sellerId);

        var invoice = Assert.Single(fixture.Stripe.Objects("invoice"), i => (string?)i["metadata"]!["seller_id"] == sellerId);
        Assert.Equal(((string)invoice["id"]!, "Open"), (finished.GetProperty("invoiceId").GetString(), finished.GetProperty("status").GetString()));
        Assert.Equal(400L, (long)invoice["total"]!);
        var entries = await fixture.EntriesAsync(sellerId);
        Assert.Equal(LedgerStates.Invoiced, entries.Single(e => e.ReimbursementId == "r-c").State);
        await StripeBilledApiFixture.EventuallyAsync(async () => (await fixture.EntriesAsync(sellerId)).Single(e => e.ReimbursementId == "r-d").State == LedgerStates.Pushed,
            "the later entry is pushed for the next invoice");
    }

    private static async Task<JsonElement> RunAsync(HttpClient ops, string sellerId)
    {
        var response = await ops.PostAsync($"/api/ops/billing/sellers/{sellerId}/invoice", null, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
