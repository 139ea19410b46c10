using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Sync;
using Opside.DataPlane.Billing;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// The workflow end to end through the Sandbox (docs/claim-workflow.md): a sync finds a Claimable claim, the seller files
/// it with a case id, Amazon (the Sandbox) pays that case, and the next sync moves it to Reimbursed with exactly what
/// was paid, while every other claim stays as it was and the seller's summary shows the money to the cent; the payment
/// is billed once in the ledger (docs/billing.md), however many syncs see it.
/// </summary>
public sealed class CaseReimbursedEndToEndTests(SandboxedApiFixture fixture) : IClassFixture<SandboxedApiFixture>
{
    private const string Partner = "A7CASEPAID0007";
    private const string CaseId = "15678123451";

    [Fact]
    public async Task A_filed_case_that_Amazon_pays_is_reimbursed_on_the_next_sync_with_the_exact_amount()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = fixture.Api;
        var (sellerId, seller) = await api.SellerAsync();
        using var _ = seller;
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, api.Sandbox, sellerId, Partner);
        await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);

        var before = await ClaimSteps.AllClaimsAsync(seller, sellerId);
        var target = before.First(c => c.GetProperty("status").GetString() == "Claimable" && c.GetProperty("type").GetString() == "WarehouseLost");
        var claimId = target.GetProperty("id").GetString()!;
        var units = target.GetProperty("units").GetInt32();

        // The case to paste into Seller Central states the ledger's own facts for this claim.
        var prepared = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/claims/{claimId}/case", ct);
        var details = prepared.GetProperty("details").EnumerateArray().ToDictionary(d => d.GetProperty("label").GetString()!, d => d.GetProperty("value").GetString());
        var ledgerRow = target.GetProperty("evidence").EnumerateArray().First(e => e.GetProperty("source").GetString() == "GET_LEDGER_DETAIL_VIEW_DATA").GetProperty("row");
        Assert.Equal(target.GetProperty("fnsku").GetString(), details["FNSKU"]);
        Assert.Equal(ledgerRow.GetProperty("ASIN").GetString(), details["ASIN"]);
        Assert.Equal(ledgerRow.GetProperty("Fulfillment Center").GetString(), details["Fulfillment center"]);
        Assert.Contains(ledgerRow.GetProperty("Reference ID").GetString()!, prepared.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(target.GetProperty("estimatedValue").GetRawText(), prepared.GetProperty("requested").GetRawText());
        var filing = await seller.PostAsJsonAsync($"/api/sellers/{sellerId}/claims/{claimId}/filing", new { caseId = CaseId }, ct);
        Assert.Equal(HttpStatusCode.OK, filing.StatusCode);

        // Amazon pays all but one unit in cash at 7.31 each, and gives one back as inventory: a full payment.
        using var sandbox = new HttpClient { BaseAddress = api.Sandbox.BaseAddress };
        var payment = await sandbox.PostAsJsonAsync($"/sandbox/sellers/{Partner}/cases/{CaseId}/payment",
            new { fnsku = target.GetProperty("fnsku").GetString(), units = units - 1, amountPerUnit = 7.31m, inventoryUnits = 1 }, ct);
        payment.EnsureSuccessStatusCode();
        var paid = await payment.Content.ReadFromJsonAsync<JsonElement>(ct);
        var expectedCash = 7.31m * (units - 1);

        var syncedAt = DateTimeOffset.UtcNow;
        (await seller.PostAsync($"/api/sellers/{sellerId}/sync", null, ct)).EnsureSuccessStatusCode();
        await SyncSteps.WaitForSyncAsync(seller, sellerId, syncedAt);
        var claim = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/claims/{claimId}", ct);
        var after = await ClaimSteps.AllClaimsAsync(seller, sellerId);
        var summary = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/summary", ct);

        Assert.Equal("Reimbursed", claim.GetProperty("status").GetString());
        var recovered = claim.GetProperty("recovered");
        Assert.Equal(expectedCash, recovered.GetProperty("cash").GetProperty("amount").GetDecimal());
        Assert.Equal("USD", recovered.GetProperty("cash").GetProperty("currency").GetString());
        Assert.Equal(1, recovered.GetProperty("inventoryUnits").GetInt32());
        Assert.Equal([paid.GetProperty("reimbursementId").GetString()], recovered.GetProperty("reimbursementIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["Filed", "Reimbursed"], claim.GetProperty("history").EnumerateArray().Skip(claim.GetProperty("history").GetArrayLength() - 2)
            .Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("reconciler", claim.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString());
        // The case's payment paid that claim alone: every other claim is as the first sync left it.
        Assert.Equal(Statuses(before, except: claimId), Statuses(after, except: claimId));
        Assert.Equal(expectedCash, summary.GetProperty("recoveredToDate").GetProperty("amount").GetDecimal());
        Assert.Equal(1, summary.GetProperty("byStatus").GetProperty("Reimbursed").GetProperty("count").GetInt64());

        // Another sync re-fetches the same payment: nothing counts twice, nothing changes.
        var againAt = DateTimeOffset.UtcNow;
        (await seller.PostAsync($"/api/sellers/{sellerId}/sync", null, ct)).EnsureSuccessStatusCode();
        await SyncSteps.WaitForSyncAsync(seller, sellerId, againAt);
        var again = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/claims/{claimId}", ct);
        Assert.Equal(claim.GetProperty("history").GetArrayLength(), again.GetProperty("history").GetArrayLength());
        Assert.Equal(expectedCash, again.GetProperty("recovered").GetProperty("cash").GetProperty("amount").GetDecimal());

        // Billed once, at 20 % of the cash plus the unit given back at the claim's unit value, to the cent.
        var billed = Assert.Single(await LedgerAsync(sellerId));
        var unitValue = target.GetProperty("estimatedValue").GetProperty("amount").GetDecimal() / units;
        Assert.Equal(Math.Round(0.20m * (expectedCash + unitValue), 2, MidpointRounding.AwayFromZero), billed.Commission);
        Assert.Equal((LedgerKinds.Charge, claimId, CaseId, paid.GetProperty("reimbursementId").GetString()),
            (billed.Kind, billed.ClaimId, billed.CaseId, billed.ReimbursementId));
        Assert.Equal((expectedCash, 1, LedgerStates.Pending), (billed.Cash, billed.InventoryUnits, billed.State));

        // The month's statement itemises it by claim and case, with the totals, and says Stripe is not configured.
        var statement = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/billing/statement?month={billed.ApprovedAt:yyyy-MM}", ct);
        var item = Assert.Single(statement.GetProperty("items").EnumerateArray());
        Assert.Equal(($"{billed.ApprovedAt:yyyy-MM}", "USD", "NotConfigured"),
            (statement.GetProperty("month").GetString(), statement.GetProperty("currency").GetString(), statement.GetProperty("stripe").GetString()));
        Assert.Equal((claimId, CaseId, billed.ReimbursementId, "Charge"), (item.GetProperty("claimId").GetString(), item.GetProperty("caseId").GetString(),
            item.GetProperty("reimbursementId").GetString(), item.GetProperty("kind").GetString()));
        Assert.Equal(billed.Commission, item.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal(Math.Round(expectedCash + unitValue, 2, MidpointRounding.AwayFromZero), item.GetProperty("recovered").GetProperty("amount").GetDecimal());
        Assert.Equal(0.20m, item.GetProperty("rate").GetDecimal());
        Assert.Equal(billed.Commission, statement.GetProperty("totals").GetProperty("net").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, statement.GetProperty("totals").GetProperty("credits").GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("invoice").ValueKind);
    }

    [Fact]
    public async Task A_case_paid_in_a_sync_whose_ledger_failed_is_reimbursed_although_no_detection_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = fixture.Api;
        var (sellerId, seller) = await api.SellerAsync();
        using var _ = seller;
        const string partner = "A7CASEPAID0008";
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, api.Sandbox, sellerId, partner);
        await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);
        var target = (await ClaimSteps.AllClaimsAsync(seller, sellerId))
            .First(c => c.GetProperty("status").GetString() == "Claimable" && c.GetProperty("type").GetString() == "WarehouseLost");
        var claimId = target.GetProperty("id").GetString()!;
        var units = target.GetProperty("units").GetInt32();
        (await seller.PostAsJsonAsync($"/api/sellers/{sellerId}/claims/{claimId}/filing", new { caseId = "15678123458" }, ct)).EnsureSuccessStatusCode();
        using var sandbox = new HttpClient { BaseAddress = api.Sandbox.BaseAddress };
        (await sandbox.PostAsJsonAsync($"/sandbox/sellers/{partner}/cases/15678123458/payment",
            new { fnsku = target.GetProperty("fnsku").GetString(), units, amountPerUnit = 4.5m }, ct)).EnsureSuccessStatusCode();
        // The next ledger report fails in Amazon: the sync fails, and no detection follows it.
        (await sandbox.PostAsJsonAsync("/sandbox/faults", new { reportType = "GET_LEDGER_DETAIL_VIEW_DATA", processingStatus = "FATAL" }, ct)).EnsureSuccessStatusCode();

        try
        {
            var syncedAt = DateTimeOffset.UtcNow;
            (await seller.PostAsync($"/api/sellers/{sellerId}/sync", null, ct)).EnsureSuccessStatusCode();
            var status = await SyncSteps.WaitForSyncAsync(seller, sellerId, syncedAt);
            var claim = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/claims/{claimId}", ct);

            Assert.Equal("Failed", status.GetProperty("state").GetString());
            Assert.Contains("Ledger", status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Equal("Reimbursed", claim.GetProperty("status").GetString());
            Assert.Equal(4.5m * units, claim.GetProperty("recovered").GetProperty("cash").GetProperty("amount").GetDecimal());
        }
        finally
        {
            await sandbox.DeleteAsync("/sandbox/faults", ct);
        }
    }

    /// <summary>The seller's ledger: every entry of the last two years, as the store keeps it.</summary>
    private Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string sellerId) =>
        fixture.Api.Factory.Services.GetRequiredService<IBillingLedger>()
            .ListAsync(sellerId, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(1), "USD", 0, 100, TestContext.Current.CancellationToken);

    private static Dictionary<string, string?> Statuses(IEnumerable<JsonElement> claims, string except) =>
        claims.Where(c => c.GetProperty("id").GetString() != except)
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString());
}
