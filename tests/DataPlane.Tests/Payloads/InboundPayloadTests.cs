using Opside.DataPlane.Payloads;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Tests.Payloads;

public sealed class InboundPayloadTests
{
    [Fact]
    public void GetShipments_sandbox_response_reads_the_shipment_and_the_next_token()
    {
        var page = InboundShipmentsPayload.Parse(Samples.Read("FBA_INBOUND_V0_getShipments__peddler-vcr-sandbox.json"));

        Assert.Equal(new InboundShipment("FBA15DJ9S3J5", "FBA (2/11/20, 11:18 AM) - 1", "SHIPPED", "MKC6"), Assert.Single(page.Items));
        Assert.StartsWith("AAAAAAAAAADwtRhf", page.NextToken, StringComparison.Ordinal);
        Assert.EndsWith("S5c=", page.NextToken, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FBA_INBOUND_V0_getShipmentItems__peddler-vcr-sandbox.json")]
    [InlineData("FBA_INBOUND_V0_getShipmentItemsByShipmentId__peddler-vcr-sandbox.json")]
    public void Shipment_items_sandbox_responses_read_the_quantities(string sample)
    {
        var page = InboundShipmentItemsPayload.Parse(Samples.Read(sample));

        Assert.Equal(new InboundShipmentItem("FBA15DF2763D", "CR-47K6-H6QN", "X0014BIZ8T", 4, 0, 0), Assert.Single(page.Items));
        Assert.NotNull(page.NextToken);
    }

    [Fact]
    public async Task Items_read_from_a_stream_match_the_bytes()
    {
        var bytes = Samples.Read("FBA_INBOUND_V0_getShipmentItems__peddler-vcr-sandbox.json");
        await using var stream = new MemoryStream(bytes);

        var page = await InboundShipmentItemsPayload.ParseAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(InboundShipmentItemsPayload.Parse(bytes).Items, page.Items);
    }

    [Fact]
    public void Missing_optional_fields_read_as_empty_and_the_last_page_has_no_token()
    {
        var page = InboundShipmentsPayload.Parse(Samples.Utf8("""{"payload":{"ShipmentData":[{"ShipmentId":"FBA17ABCD123"}]}}"""));

        Assert.Equal(new InboundShipment("FBA17ABCD123", "", "", ""), Assert.Single(page.Items));
        Assert.Null(page.NextToken);
    }

    [Fact]
    public void An_item_without_a_received_quantity_is_refused_with_its_path_rather_than_read_as_a_shortage()
    {
        var json = Samples.Utf8("""{"payload":{"ItemData":[{"ShipmentId":"FBA1","SellerSKU":"A","FulfillmentNetworkSKU":"X","QuantityShipped":4,"QuantityReceived":4},{"ShipmentId":"FBA1","SellerSKU":"B","QuantityShipped":2}]}}""");

        var error = Assert.Throws<PayloadFormatException>(() => InboundShipmentItemsPayload.Parse(json));

        Assert.Contains("payload.ItemData[1].QuantityReceived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_body_is_not_a_payload()
    {
        var json = Samples.Utf8("""{"errors":[{"code":"InvalidInput","message":"Invalid Marketplace ID","details":""}]}""");

        var error = Assert.Throws<PayloadFormatException>(() => InboundShipmentsPayload.Parse(json));

        Assert.Contains("InvalidInput: Invalid Marketplace ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_payload_format_error()
    {
        Assert.Throws<PayloadFormatException>(() => InboundShipmentsPayload.Parse(Samples.Utf8("""{"payload":{"ShipmentData":[""")));
    }
}
