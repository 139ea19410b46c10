using Opside.DataPlane.Payloads;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Tests.Payloads;

public sealed class RefundEventsPayloadTests
{
    [Fact]
    public void Each_refunded_item_is_one_row_with_its_principal_summed()
    {
        var page = RefundEventsPayload.Parse(Samples.Read("refund-events__hand-written.json"));

        Assert.Equal(
            [
                new RefundItem("112-3456789-1234567", new DateTimeOffset(2026, 3, 20, 8, 14, 31, TimeSpan.Zero), "Amazon.com", "AB-1234-RED", "52410384738161", 1, -24.99m, "USD"),
                new RefundItem("112-3456789-1234567", new DateTimeOffset(2026, 3, 20, 8, 14, 31, TimeSpan.Zero), "Amazon.com", "AB-1234-BLU", "52410384738162", 2, -39.98m, "USD"),
                new RefundItem("305-1122334-5566778", new DateTimeOffset(2026, 4, 2, 17, 40, 5, TimeSpan.Zero), "Amazon.de", "DE-WIDGET-01", "63155570281021", 1, -19.95m, "EUR"),
            ],
            page.Items);
        Assert.Equal("e3F1ZXJ5UGFnaW5hdGlvblRva2VuOiJvcHNpZGUtdGVzdCJ9", page.NextToken);
    }

    [Fact]
    public void The_eolabs_fixture_yields_no_refund_items_from_its_itemless_refund_event_and_ignores_the_other_lists()
    {
        var page = RefundEventsPayload.Parse(Samples.Read("FINANCES_V0_listFinancialEvents__eolabs-sp-api-response-parser.json"));

        Assert.Empty(page.Items);
        Assert.StartsWith("e3F1ZXJ5UGFnaW5hdGlvblRva2Vu", page.NextToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_reads_like_the_bytes()
    {
        var bytes = Samples.Read("refund-events__hand-written.json");
        await using var stream = new MemoryStream(bytes);

        var page = await RefundEventsPayload.ParseAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(RefundEventsPayload.Parse(bytes).Items, page.Items);
    }

    [Fact]
    public void Optional_fields_may_be_missing_and_amounts_may_arrive_as_strings()
    {
        var json = Samples.Utf8("""
            {"payload":{"FinancialEvents":{"RefundEventList":[{"PostedDate":"2026-03-20T08:14:31Z","ShipmentItemAdjustmentList":[
              {"QuantityShipped":1,"ItemChargeAdjustmentList":[{"ChargeType":"Principal","ChargeAmount":{"CurrencyCode":"GBP","CurrencyAmount":"-12.50"}}]},
              {"QuantityShipped":1,"ItemChargeAdjustmentList":[{"ChargeType":"Tax","ChargeAmount":{"CurrencyCode":"GBP","CurrencyAmount":-2.5}}]}
            ]}]}}}
            """);

        var page = RefundEventsPayload.Parse(json);

        Assert.Equal(
            [
                new RefundItem("", new DateTimeOffset(2026, 3, 20, 8, 14, 31, TimeSpan.Zero), "", "", "", 1, -12.50m, "GBP"),
                new RefundItem("", new DateTimeOffset(2026, 3, 20, 8, 14, 31, TimeSpan.Zero), "", "", "", 1, 0m, "GBP"),
            ],
            page.Items);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public void A_refund_item_without_a_posted_date_is_refused_with_its_path()
    {
        var json = Samples.Utf8("""{"payload":{"FinancialEvents":{"RefundEventList":[{"AmazonOrderId":"1","ShipmentItemAdjustmentList":[{"QuantityShipped":1}]}]}}}""");

        var error = Assert.Throws<PayloadFormatException>(() => RefundEventsPayload.Parse(json));

        Assert.Contains("payload.FinancialEvents.RefundEventList[0].PostedDate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_body_is_not_a_payload()
    {
        var json = Samples.Utf8("""{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""");

        var error = Assert.Throws<PayloadFormatException>(() => RefundEventsPayload.Parse(json));

        Assert.Contains("QuotaExceeded", error.Message, StringComparison.Ordinal);
    }
}
