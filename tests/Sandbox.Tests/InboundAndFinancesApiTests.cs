using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Opside.Sandbox.SpApi.Finances;
using Opside.Sandbox.Synthetic;
using Opside.Testing;
using static Opside.Sandbox.Tests.SpApiCalls;

namespace Opside.Sandbox.Tests;

public sealed class InboundAndFinancesApiTests
{
    private const string Partner = "A1INBOUNDFIN01";
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Inbound_shipments_and_their_items_page_with_base64_next_tokens_until_all_are_served()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:InboundPageSize"] = "2" }, new FakeTimeProvider(Now), Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        var seller = SellerGenerator.Generate(Partner, DateOnly.FromDateTime(Now.UtcDateTime), SellerScale.Small);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/fba/inbound/v0/shipments?QueryType=DATE_RANGE", Ct)).StatusCode);
        var shipments = new List<JsonElement>();
        var tokens = new List<string>();
        var url = $"/fba/inbound/v0/shipments?QueryType=DATE_RANGE&MarketplaceId={Marketplace}&LastUpdatedAfter={Q("2024-01-01T00:00:00Z")}&LastUpdatedBefore={Q(Now.ToString("O"))}";
        while (true)
        {
            var payload = (await (await http.GetAsync(url, Ct)).JsonAsync()).GetProperty("payload");
            shipments.AddRange(payload.GetProperty("ShipmentData").EnumerateArray());
            if (!payload.TryGetProperty("NextToken", out var next))
                break;
            tokens.Add(next.GetString()!);
            url = $"/fba/inbound/v0/shipments?QueryType=NEXT_TOKEN&MarketplaceId={Marketplace}&NextToken={Q(next.GetString()!)}";
        }

        Assert.Equal(seller.Shipments.Select(s => s.ShipmentId), shipments.Select(s => s.GetProperty("ShipmentId").GetString()));
        Assert.All(tokens, t => Assert.True(t.Contains('+', StringComparison.Ordinal) && t.Contains('/', StringComparison.Ordinal) && t.EndsWith('='), t));

        var closed = await (await http.GetAsync($"/fba/inbound/v0/shipments?QueryType=SHIPMENT&MarketplaceId={Marketplace}&ShipmentIdList={string.Join(',', seller.Shipments.Take(2).Select(s => s.ShipmentId))}&ShipmentStatusList=CLOSED", Ct)).JsonAsync();
        Assert.Equal(seller.Shipments.Take(2).Count(s => s.Status == "CLOSED"), closed.GetProperty("payload").GetProperty("ShipmentData").GetArrayLength());

        // Items of the planted two-item shipment, and a multi-page one.
        var shipment = seller.Shipments.First(s => s.Items.Count > 2);
        var items = new List<JsonElement>();
        var itemsUrl = $"/fba/inbound/v0/shipments/{shipment.ShipmentId}/items?MarketplaceId={Marketplace}";
        while (true)
        {
            var payload = (await (await http.GetAsync(itemsUrl, Ct)).JsonAsync()).GetProperty("payload");
            items.AddRange(payload.GetProperty("ItemData").EnumerateArray());
            if (!payload.TryGetProperty("NextToken", out var next))
                break;
            itemsUrl = $"/fba/inbound/v0/shipments/{shipment.ShipmentId}/items?MarketplaceId={Marketplace}&NextToken={Q(next.GetString()!)}";
        }

        Assert.Equal(shipment.Items.Select(i => (i.Item.Fnsku, i.QuantityShipped, i.QuantityReceived)),
            items.Select(i => (i.GetProperty("FulfillmentNetworkSKU").GetString()!, i.GetProperty("QuantityShipped").GetInt32(), i.GetProperty("QuantityReceived").GetInt32())));
        Assert.Equal(shipment.ShipmentId, items[0].GetProperty("ShipmentId").GetString());
        Assert.Equal(JsonValueKind.String, items[0].GetProperty("SellerSKU").ValueKind);
    }

    [Fact]
    public async Task Financial_events_enforce_the_two_minute_and_180_day_rules_and_page_refunds_with_empty_pages()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await SandboxServer.StartAsync(time: time, cancellationToken: Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        var seller = SellerGenerator.Generate(Partner, DateOnly.FromDateTime(Now.UtcDateTime), SellerScale.Small);

        var late = await http.GetAsync($"/finances/v0/financialEvents?PostedAfter={Q(Now.AddDays(-1).ToString("O"))}&PostedBefore={Q(Now.AddMinutes(-1).ToString("O"))}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("InvalidInput", ErrorCode(await late.JsonAsync()));

        var wide = (await (await http.GetAsync($"/finances/v0/financialEvents?PostedAfter={Q(Now.AddDays(-200).ToString("O"))}&PostedBefore={Q(Now.AddDays(-10).ToString("O"))}", Ct)).JsonAsync()).GetProperty("payload");
        Assert.False(wide.TryGetProperty("NextToken", out _));
        var lists = wide.GetProperty("FinancialEvents").EnumerateObject().ToList();
        Assert.Equal(FinancesEndpoints.EventLists, lists.Select(l => l.Name));
        Assert.Equal(34, lists.Count);
        Assert.All(lists, l => Assert.Equal(0, l.Value.GetArrayLength()));

        var refunds = new List<JsonElement>();
        var emptyPagesWithToken = 0;
        for (var after = Now.AddMonths(-19); after < Now; after = after.AddDays(180))
        {
            var before = after.AddDays(180) < Now.AddMinutes(-2) ? after.AddDays(180) : Now.AddMinutes(-2);
            var url = $"/finances/v0/financialEvents?PostedAfter={Q(after.ToString("O"))}&PostedBefore={Q(before.ToString("O"))}&MaxResultsPerPage=5";
            while (true)
            {
                time.Advance(TimeSpan.FromSeconds(2)); // listFinancialEvents refills at 0.5 per second
                var payload = (await (await http.GetAsync(url, Ct)).JsonAsync()).GetProperty("payload");
                var page = payload.GetProperty("FinancialEvents").GetProperty("RefundEventList").EnumerateArray().ToList();
                refunds.AddRange(page);
                if (!payload.TryGetProperty("NextToken", out var next))
                    break;
                if (page.Count == 0)
                    emptyPagesWithToken++;
                url = $"/finances/v0/financialEvents?NextToken={Q(next.GetString()!)}";
            }
        }

        Assert.True(emptyPagesWithToken > 0);
        Assert.Equal(seller.Refunds.Count, refunds.Count);
        Assert.Equal(seller.Refunds.Select(r => r.OrderId).Order(), refunds.Select(r => r.GetProperty("AmazonOrderId").GetString()!).Order());
        var refund = refunds[0];
        Assert.EndsWith("Z", refund.GetProperty("PostedDate").GetString(), StringComparison.Ordinal);
        Assert.Equal("Amazon.com", refund.GetProperty("MarketplaceName").GetString());
        var item = refund.GetProperty("ShipmentItemAdjustmentList")[0];
        Assert.Equal(JsonValueKind.Number, item.GetProperty("QuantityShipped").ValueKind);
        Assert.NotEmpty(item.GetProperty("OrderAdjustmentItemId").GetString()!);
        var principal = item.GetProperty("ItemChargeAdjustmentList").EnumerateArray().Single(c => c.GetProperty("ChargeType").GetString() == "Principal").GetProperty("ChargeAmount");
        Assert.Equal("USD", principal.GetProperty("CurrencyCode").GetString());
        Assert.True(principal.GetProperty("CurrencyAmount").GetDecimal() < 0);
    }
}
