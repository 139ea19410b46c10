using Opside.DataPlane.Billing;
using Opside.Grains.Billing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// Ledger entries become Stripe invoice items (docs/billing.md, "Stripe"): one per entry, of the commission in the
/// currency's smallest unit, with the entry's ids as metadata and an idempotency key derived from the entry, so that a
/// lost response, retried by Stripe.net or by the next push, never makes a second item.
/// </summary>
public sealed class StripeInvoiceItemTests(StripeBilledApiFixture fixture) : IClassFixture<StripeBilledApiFixture>
{
    [Fact]
    public async Task Each_entry_is_one_invoice_item_of_its_commission_to_the_cent_with_its_ids()
    {
        var (sellerId, _) = await fixture.Api.SellerAsync();
        await fixture.RecordAsync(sellerId, "claim-usd", "1111111111",
            StripeBilledApiFixture.Payment("r-usd", "1111111111", 14.62m, 2, 1), StripeBilledApiFixture.Payment("r-auto", "", 50m, 5));
        await fixture.RecordAsync(sellerId, "claim-jpy", "2222222222", StripeBilledApiFixture.Payment("r-jpy", "2222222222", 1234m, 1, currency: "JPY"));

        await StripeBilledApiFixture.EventuallyAsync(async () => fixture.InvoiceItemsOf(sellerId).Count == 2
            && (await fixture.EntriesAsync(sellerId)).All(e => e.State == LedgerStates.Pushed), "both entries are pushed");

        var items = fixture.InvoiceItemsOf(sellerId).ToDictionary(i => (string)i["metadata"]!["reimbursement_id"]!);
        // 20 % of (14.62 + 1 unit × 7.31) = 4.386: 4.39 dollars is 439 cents. 20 % of 1,234 yen is 247 yen.
        Assert.Equal((439L, "usd"), ((long)items["r-usd"]["amount"]!, (string)items["r-usd"]["currency"]!));
        Assert.Equal((247L, "jpy"), ((long)items["r-jpy"]["amount"]!, (string)items["r-jpy"]["currency"]!));
        // The automatic payment (no case id) is never billed.
        Assert.False(items.ContainsKey("r-auto"));
        var metadata = items["r-usd"]["metadata"]!;
        Assert.Equal((sellerId, "claim-usd", "1111111111", "Charge"),
            ((string)metadata["seller_id"]!, (string)metadata["claim_id"]!, (string)metadata["case_id"]!, (string)metadata["kind"]!));

        var customer = Assert.Single(fixture.Stripe.Objects("customer"), c => (string?)c["metadata"]![StripeBilling.SellerMetadata] == sellerId);
        Assert.All(items.Values, i => Assert.Equal((string)customer["id"]!, (string)i["customer"]!));
        var entry = Assert.Single(await fixture.EntriesAsync(sellerId));
        Assert.Equal((string)items["r-usd"]["id"]!, entry.StripeInvoiceItemId);

        // Every creating request carried an idempotency key, a different one per entry.
        var posts = fixture.Stripe.Requests.Where(r => r.Path == "/v1/invoiceitems" && r.Fields.GetValueOrDefault("metadata[seller_id]") == sellerId).ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.StartsWith("opside-invoice-item-", p.IdempotencyKey, StringComparison.Ordinal));
        Assert.NotEqual(posts[0].IdempotencyKey, posts[1].IdempotencyKey);
    }

    [Fact]
    public async Task A_lost_response_then_success_makes_one_invoice_item_under_the_same_key()
    {
        var (sellerId, _) = await fixture.Api.SellerAsync();
        await fixture.RecordAsync(sellerId, "claim-warmup", "3333333333", StripeBilledApiFixture.Payment("r-warm", "3333333333", 5m, 1));
        await StripeBilledApiFixture.EventuallyAsync(() => Task.FromResult(fixture.InvoiceItemsOf(sellerId).Count == 1), "the first entry is pushed");

        // Stripe makes the item, and the answer is lost: Stripe.net retries with the same key and gets the item back.
        fixture.Stripe.FailNext("POST", "/v1/invoiceitems", afterProcessing: true);
        await fixture.RecordAsync(sellerId, "claim-lost", "4444444444", StripeBilledApiFixture.Payment("r-lost", "4444444444", 10m, 1));
        await StripeBilledApiFixture.EventuallyAsync(async () => (await fixture.EntriesAsync(sellerId)).All(e => e.State == LedgerStates.Pushed),
            "the second entry is pushed");

        var made = fixture.InvoiceItemsOf(sellerId).Where(i => (string?)i["metadata"]!["reimbursement_id"] == "r-lost").ToList();
        var item = Assert.Single(made);
        var attempts = fixture.Stripe.Requests.Where(r => r.Path == "/v1/invoiceitems" && r.Fields.GetValueOrDefault("metadata[reimbursement_id]") == "r-lost").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].IdempotencyKey, attempts[1].IdempotencyKey);
        Assert.Equal((string)item["id"]!, (await fixture.EntriesAsync(sellerId)).Single(e => e.ReimbursementId == "r-lost").StripeInvoiceItemId);
    }

    [Fact]
    public async Task An_entry_Stripe_keeps_failing_stays_pending_and_the_next_push_makes_it_once()
    {
        var (sellerId, _) = await fixture.Api.SellerAsync();
        await fixture.RecordAsync(sellerId, "claim-warmup", "5555555555", StripeBilledApiFixture.Payment("r-warm", "5555555555", 5m, 1));
        await StripeBilledApiFixture.EventuallyAsync(() => Task.FromResult(fixture.InvoiceItemsOf(sellerId).Count == 1), "the first entry is pushed");

        // More failures than Stripe.net retries: the item exists at Stripe, Opside never heard so.
        fixture.Stripe.FailNext("POST", "/v1/invoiceitems", afterProcessing: true, times: 3);
        await fixture.RecordAsync(sellerId, "claim-down", "6666666666", StripeBilledApiFixture.Payment("r-down", "6666666666", 10m, 1));
        await StripeBilledApiFixture.EventuallyAsync(() => Task.FromResult(
            fixture.Stripe.Requests.Count(r => r.Fields.GetValueOrDefault("metadata[reimbursement_id]") == "r-down") == 3), "Stripe.net gives up");
        Assert.Equal(LedgerStates.Pending, (await fixture.EntriesAsync(sellerId)).Single(e => e.ReimbursementId == "r-down").State);

        // The next reconciliation hands the same claims over again, and the push tries again with the same key.
        await fixture.RecordAsync(sellerId, "claim-down", "6666666666", StripeBilledApiFixture.Payment("r-down", "6666666666", 10m, 1));
        await StripeBilledApiFixture.EventuallyAsync(async () => (await fixture.EntriesAsync(sellerId)).All(e => e.State == LedgerStates.Pushed),
            "the entry is pushed");

        Assert.Single(fixture.InvoiceItemsOf(sellerId), i => (string?)i["metadata"]!["reimbursement_id"] == "r-down");
        var keys = fixture.Stripe.Requests.Where(r => r.Fields.GetValueOrDefault("metadata[reimbursement_id]") == "r-down").Select(r => r.IdempotencyKey).Distinct();
        Assert.Single(keys);
    }
}
