using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Api.Tests.Claims;
using Opside.Api.Tests.Sync;
using Opside.DataPlane.Billing;
using Opside.Testing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// Commission billing end to end through the Sandbox (Amazon) and the Stripe fake (docs/billing.md): a recovered claim
/// makes exactly one invoice item of its commission, the seller's automatic reimbursements none, a reversal a credit;
/// the invoice is created and finalised once, and its <c>invoice.paid</c> webhook marks it and its entries paid.
/// </summary>
public sealed class BilledThroughStripeEndToEndTests(StripeBilledApiFixture fixture) : IClassFixture<StripeBilledApiFixture>
{
    private const string Partner = "A7STRIPEBILL01";
    private const string CaseId = "16678123451";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recovered_claim_is_invoiced_once_a_reversal_credited_and_the_paid_invoice_marks_it_paid()
    {
        var api = fixture.Api;
        var (sellerId, seller) = await api.SellerAsync();
        using var _ = seller;
        using var ops = api.Factory.CreateClientWithToken(TestAuth.Ops());
        using var sandbox = new HttpClient { BaseAddress = api.Sandbox.BaseAddress };
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, api.Sandbox, sellerId, Partner);
        await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);
        var target = (await ClaimSteps.AllClaimsAsync(seller, sellerId))
            .First(c => c.GetProperty("status").GetString() == "Claimable" && c.GetProperty("type").GetString() == "WarehouseLost");
        var claimId = target.GetProperty("id").GetString()!;
        var units = target.GetProperty("units").GetInt32();
        var unitValue = target.GetProperty("estimatedValue").GetProperty("amount").GetDecimal() / units;
        (await seller.PostAsJsonAsync($"/api/sellers/{sellerId}/claims/{claimId}/filing", new { caseId = CaseId }, Ct)).EnsureSuccessStatusCode();

        // Amazon pays the case: all but one unit in cash at 7.31, one unit back as inventory.
        var payment = await sandbox.PostAsJsonAsync($"/sandbox/sellers/{Partner}/cases/{CaseId}/payment",
            new { fnsku = target.GetProperty("fnsku").GetString(), units = units - 1, amountPerUnit = 7.31m, inventoryUnits = 1 }, Ct);
        var paid = await payment.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await SyncAgainAsync(seller, sellerId);

        var commission = Math.Round(0.20m * (7.31m * (units - 1) + unitValue), 2, MidpointRounding.AwayFromZero);
        await StripeBilledApiFixture.EventuallyAsync(async () => (await fixture.EntriesAsync(sellerId)).All(e => e.State == LedgerStates.Pushed),
            "the charge is pushed");
        var charge = Assert.Single(fixture.InvoiceItemsOf(sellerId));
        Assert.Equal(((long)(commission * 100), "usd"), ((long)charge["amount"]!, (string)charge["currency"]!));
        Assert.Equal((claimId, CaseId, paid.GetProperty("reimbursementId").GetString()),
            ((string)charge["metadata"]!["claim_id"]!, (string)charge["metadata"]!["case_id"]!, (string)charge["metadata"]!["reimbursement_id"]!));
        // The seller's other reimbursements are Amazon's automatic payments, without a case: none is billed.
        var amazon = await sandbox.GetFromJsonAsync<JsonElement>($"/sandbox/sellers/{Partner}/summary", Ct);
        Assert.True(amazon.GetProperty("reimbursementRows").GetInt32() > 1);

        // Amazon takes one cash unit back: a credit of its commission, on the same case.
        (await sandbox.PostAsJsonAsync($"/sandbox/sellers/{Partner}/reimbursements/{paid.GetProperty("reimbursementId").GetString()}/reversal",
            new { units = 1 }, Ct)).EnsureSuccessStatusCode();
        await SyncAgainAsync(seller, sellerId);
        await StripeBilledApiFixture.EventuallyAsync(() => Task.FromResult(fixture.InvoiceItemsOf(sellerId).Count == 2), "the credit is pushed");
        var credit = fixture.InvoiceItemsOf(sellerId).Single(i => (string)i["metadata"]!["kind"]! == "Credit");
        Assert.Equal((-146L, CaseId), ((long)credit["amount"]!, (string)credit["metadata"]!["case_id"]!));

        // The invoice: created and finalised once, however often it is run.
        var run = await ops.PostAsync($"/api/ops/billing/sellers/{sellerId}/invoice", null, Ct);
        Assert.True(run.StatusCode == HttpStatusCode.OK, await run.Content.ReadAsStringAsync(Ct));
        var invoiceId = (await run.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("invoiceId").GetString()!;
        var again = await ops.PostAsync($"/api/ops/billing/sellers/{sellerId}/invoice", null, Ct);
        Assert.Equal("NothingToInvoice", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var invoices = fixture.Stripe.Objects("invoice").Where(i => (string?)i["metadata"]!["seller_id"] == sellerId).ToList();
        Assert.True(invoices.Count == 1, string.Join("\n", invoices.Select(i => i.ToJsonString())) + (await run.Content.ReadAsStringAsync(Ct)));
        var invoice = invoices[0];
        Assert.Equal((invoiceId, "open", (long)(commission * 100) - 146L), ((string)invoice["id"]!, (string)invoice["status"]!, (long)invoice["total"]!));
        Assert.True(fixture.Stripe.Requests.Count(r => r.Path == $"/v1/invoices/{invoiceId}/finalize") == 1,
            string.Join("\n", fixture.Stripe.Requests.Select(r => $"{r.Method} {r.Path} {r.IdempotencyKey}")));

        // Stripe charges the card and says so.
        invoice["status"] = "paid";
        var delivered = await fixture.DeliverAsync(StripeFake.Event($"evt_e2e_paid_{sellerId}", "invoice.paid", invoice, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var statement = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/billing/statement", Ct);
        Assert.Equal((invoiceId, "Paid"), (statement.GetProperty("invoice").GetProperty("id").GetString(), statement.GetProperty("invoice").GetProperty("status").GetString()));
        Assert.Equal(commission - 1.46m, statement.GetProperty("totals").GetProperty("net").GetProperty("amount").GetDecimal());
        Assert.All(await fixture.EntriesAsync(sellerId), e => Assert.Equal((LedgerStates.Paid, invoiceId), (e.State, e.StripeInvoiceId)));
    }

    private static async Task SyncAgainAsync(HttpClient seller, string sellerId)
    {
        var at = DateTimeOffset.UtcNow;
        (await seller.PostAsync($"/api/sellers/{sellerId}/sync", null, Ct)).EnsureSuccessStatusCode();
        await SyncSteps.WaitForSyncAsync(seller, sellerId, at);
    }
}
