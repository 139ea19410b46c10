using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Opside.DataPlane.Billing;
using Opside.Testing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// Stripe's webhooks (docs/billing.md, "Webhooks"): a verified event is applied once; a tampered body, a wrong secret,
/// a stale or missing signature answer 400 and change nothing; a replay answers 200 and changes nothing; events in any
/// order leave the state the latest says; a failed payment makes the seller PastDue for ops, a paid invoice pays its
/// entries, and a completed Checkout saves the card as the customer's default.
/// </summary>
public sealed class StripeWebhookTests(StripeBilledApiFixture fixture) : IClassFixture<StripeBilledApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_invoice_pays_its_entries_and_its_replay_is_acknowledged_and_changes_nothing()
    {
        var (sellerId, seller, invoice) = await InvoicedSellerAsync("8000000001");
        var paid = StripeFake.Event($"evt_paid_{sellerId}", "invoice.paid", With(invoice, "paid"), DateTimeOffset.UtcNow);

        Assert.Equal("Applied", await OutcomeAsync(await fixture.DeliverAsync(paid)));
        Assert.Equal("Replayed", await OutcomeAsync(await fixture.DeliverAsync(paid)));

        Assert.Equal("Paid", await InvoiceStatusAsync(seller, sellerId));
        Assert.Equal(LedgerStates.Paid, Assert.Single(await fixture.EntriesAsync(sellerId)).State);
    }

    [Fact]
    public async Task A_tampered_body_a_wrong_secret_a_stale_or_missing_signature_answer_400_and_change_nothing()
    {
        var (sellerId, seller, invoice) = await InvoicedSellerAsync("8000000002");
        var paid = StripeFake.Event($"evt_forged_{sellerId}", "invoice.paid", With(invoice, "paid"), DateTimeOffset.UtcNow);
        var tampered = paid.Replace("\"paid\"", "\"paid\" ", StringComparison.Ordinal);

        var refused = new[]
        {
            await fixture.DeliverAsync(paid, sentBody: tampered),
            await fixture.DeliverAsync(paid, secret: "whsec_someone_else"),
            await fixture.DeliverAsync(paid, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)),
            await StripeBilledApiFixture.Deliver(fixture.Api.Anonymous, paid, signature: null),
            await StripeBilledApiFixture.Deliver(fixture.Api.Anonymous, paid, signature: "t=1,v1=00"),
        };

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.All(refused, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Contains("tolerance", (await refused[2].Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Open", await InvoiceStatusAsync(seller, sellerId));
        Assert.Equal(LedgerStates.Invoiced, Assert.Single(await fixture.EntriesAsync(sellerId)).State);
        // Nothing of the forged event was recorded: delivered properly now, it is applied, not taken for a replay.
        Assert.Equal("Applied", await OutcomeAsync(await fixture.DeliverAsync(paid)));
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_before_its_signature_is_checked()
    {
        var huge = StripeFake.Event("evt_huge", "invoice.paid", new JsonObject { ["padding"] = new string('x', 300 * 1024) }, DateTimeOffset.UtcNow);

        var response = await fixture.DeliverAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_failed_payment_makes_the_seller_PastDue_for_ops_until_the_invoice_is_paid()
    {
        var (sellerId, seller, invoice) = await InvoicedSellerAsync("8000000003");
        using var ops = fixture.Api.Factory.CreateClientWithToken(TestAuth.Ops());
        var now = DateTimeOffset.UtcNow;

        Assert.Equal("Applied", await OutcomeAsync(await fixture.DeliverAsync(
            StripeFake.Event($"evt_failed_{sellerId}", "invoice.payment_failed", With(invoice, "open"), now))));
        Assert.Equal("PastDue", await InvoiceStatusAsync(seller, sellerId));
        Assert.Contains(sellerId, await SellersInAsync(ops, "PastDue"));

        Assert.Equal("Applied", await OutcomeAsync(await fixture.DeliverAsync(
            StripeFake.Event($"evt_retried_{sellerId}", "invoice.paid", With(invoice, "paid"), now.AddSeconds(5)))));
        Assert.DoesNotContain(sellerId, await SellersInAsync(ops, "PastDue"));
        Assert.Equal("Paid", await InvoiceStatusAsync(seller, sellerId));
    }

    [Fact]
    public async Task Events_delivered_out_of_order_leave_what_the_latest_says()
    {
        var (sellerId, seller, invoice) = await InvoicedSellerAsync("8000000004");
        using var ops = fixture.Api.Factory.CreateClientWithToken(TestAuth.Ops());
        var now = DateTimeOffset.UtcNow;

        // Stripe's order: finalized, a failed attempt, then paid. Delivered: paid first, the others after.
        await fixture.DeliverAsync(StripeFake.Event($"evt_paid_{sellerId}", "invoice.paid", With(invoice, "paid"), now.AddSeconds(10)));
        await fixture.DeliverAsync(StripeFake.Event($"evt_failed_{sellerId}", "invoice.payment_failed", With(invoice, "open"), now.AddSeconds(5)));
        await fixture.DeliverAsync(StripeFake.Event($"evt_final_{sellerId}", "invoice.finalized", With(invoice, "open"), now));

        Assert.Equal("Paid", await InvoiceStatusAsync(seller, sellerId));
        Assert.DoesNotContain(sellerId, await SellersInAsync(ops, "PastDue"));

        // The card: removed, then set again in the same second; the removal's replay is recognised, not re-applied.
        var customer = fixture.Stripe.Get((string)invoice["customer"]!);
        var removed = StripeFake.Event($"evt_card_off_{sellerId}", "customer.updated", WithCard(customer, null), now);
        await fixture.DeliverAsync(removed);
        await fixture.DeliverAsync(StripeFake.Event($"evt_card_on_{sellerId}", "customer.updated", WithCard(customer, "pm_later"), now));
        // An older event never overwrites a newer one, and a replay is not applied again.
        await fixture.DeliverAsync(StripeFake.Event($"evt_card_old_{sellerId}", "customer.updated", WithCard(customer, null), now.AddMinutes(-1)));
        Assert.Equal("Replayed", await OutcomeAsync(await fixture.DeliverAsync(removed)));

        Assert.Contains(sellerId, await SellersInAsync(ops, "Active"));
    }

    [Fact]
    public async Task A_completed_Checkout_saves_the_card_as_the_customers_default_and_the_seller_is_Active()
    {
        var (sellerId, seller) = await fixture.Api.SellerAsync();
        using var ops = fixture.Api.Factory.CreateClientWithToken(TestAuth.Ops());

        var first = await seller.PostAsync($"/api/sellers/{sellerId}/billing/payment-method", null, Ct);
        var second = await seller.PostAsync($"/api/sellers/{sellerId}/billing/payment-method", null, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var url = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("checkoutUrl").GetString()!;
        Assert.StartsWith(fixture.Stripe.BaseAddress.ToString(), url, StringComparison.Ordinal);
        var secondUrl = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("checkoutUrl").GetString()!;
        Assert.NotEqual(url, secondUrl);
        // One customer however often the seller asks; its creation is keyed by the seller.
        var customer = Assert.Single(fixture.Stripe.Objects("customer"), c => (string?)c["metadata"]!["seller_id"] == sellerId);
        Assert.StartsWith("opside-customer-", fixture.Stripe.Requests.First(r => r.Path == "/v1/customers" && r.Fields.GetValueOrDefault("metadata[seller_id]") == sellerId).IdempotencyKey, StringComparison.Ordinal);
        var session = fixture.Stripe.Objects("checkout.session").Last(s => (string?)s["customer"] == (string)customer["id"]!);
        Assert.Equal(("setup", secondUrl), ((string)session["mode"]!, (string)session["url"]!));
        Assert.Contains(sellerId, await SellersInAsync(ops, "NoPaymentMethod"));

        var completed = fixture.Stripe.CompleteCheckout((string)session["id"]!);
        Assert.Equal("Applied", await OutcomeAsync(await fixture.DeliverAsync(
            StripeFake.Event($"evt_checkout_{sellerId}", "checkout.session.completed", completed, DateTimeOffset.UtcNow))));

        var card = (string?)fixture.Stripe.Get((string)completed["setup_intent"]!)["payment_method"];
        Assert.NotNull(card);
        Assert.Equal(card, (string?)fixture.Stripe.Get((string)customer["id"]!)["invoice_settings"]!["default_payment_method"]);
        Assert.Contains(sellerId, await SellersInAsync(ops, "Active"));
        Assert.DoesNotContain(sellerId, await SellersInAsync(ops, "NoPaymentMethod"));
    }

    [Fact]
    public async Task An_event_of_another_customer_or_type_is_acknowledged_and_changes_nothing()
    {
        var (sellerId, seller, invoice) = await InvoicedSellerAsync("8000000005");
        var foreign = With(invoice, "paid");
        foreign["customer"] = "cus_someone_else";

        Assert.Equal("Ignored", await OutcomeAsync(await fixture.DeliverAsync(StripeFake.Event($"evt_foreign_{sellerId}", "invoice.paid", foreign, DateTimeOffset.UtcNow))));
        Assert.Equal("Ignored", await OutcomeAsync(await fixture.DeliverAsync(StripeFake.Event($"evt_other_{sellerId}", "invoice.voided", With(invoice, "void"), DateTimeOffset.UtcNow))));
        Assert.Equal("Open", await InvoiceStatusAsync(seller, sellerId));
    }

    /// <summary>A seller with one billed entry, invoiced by ops' run: the invoice as the Stripe fake holds it.</summary>
    private async Task<(string SellerId, HttpClient Seller, JsonObject Invoice)> InvoicedSellerAsync(string caseId)
    {
        var (sellerId, seller) = await fixture.Api.SellerAsync();
        using var ops = fixture.Api.Factory.CreateClientWithToken(TestAuth.Ops());
        await fixture.RecordAsync(sellerId, $"claim-{caseId}", caseId, StripeBilledApiFixture.Payment($"r-{caseId}", caseId, 12m, 1));
        var run = await ops.PostAsync($"/api/ops/billing/sellers/{sellerId}/invoice", null, Ct);
        Assert.True(run.StatusCode == HttpStatusCode.OK, await run.Content.ReadAsStringAsync(Ct));
        var invoiceId = (await run.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("invoiceId").GetString()!;
        Assert.Equal("Open", await InvoiceStatusAsync(seller, sellerId));
        return (sellerId, seller, fixture.Stripe.Get(invoiceId));
    }

    private static JsonObject With(JsonObject invoice, string status)
    {
        var copy = (JsonObject)invoice.DeepClone();
        copy["status"] = status;
        return copy;
    }

    private static JsonObject WithCard(JsonObject customer, string? card)
    {
        var copy = (JsonObject)customer.DeepClone();
        copy["invoice_settings"] = new JsonObject { ["default_payment_method"] = card };
        return copy;
    }

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString()!;
    }

    private static async Task<string?> InvoiceStatusAsync(HttpClient seller, string sellerId)
    {
        var statement = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/billing/statement", Ct);
        return statement.GetProperty("invoice").ValueKind == JsonValueKind.Null ? null : statement.GetProperty("invoice").GetProperty("status").GetString();
    }

    private static async Task<List<string>> SellersInAsync(HttpClient ops, string status)
    {
        var page = await ops.GetFromJsonAsync<JsonElement>($"/api/ops/billing/sellers?status={status}&pageSize=1000", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sellerId").GetString()!)];
    }
}
