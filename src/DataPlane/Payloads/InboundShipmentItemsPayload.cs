using System.Text.Json;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Payloads;

/// <summary>
/// Fulfillment Inbound v0 <c>getShipmentItemsByShipmentId</c> and <c>getShipmentItems</c>: <c>payload.ItemData[]</c>
/// and <c>payload.NextToken</c>. The shipped and received quantities are required: reading an absent received
/// quantity as 0 would invent a shortage.
/// </summary>
public static class InboundShipmentItemsPayload
{
    private const string Operation = "getShipmentItems";

    /// <exception cref="PayloadFormatException">An error body, malformed JSON, or an item without ShipmentId or quantities.</exception>
    public static PayloadPage<InboundShipmentItem> Parse(ReadOnlyMemory<byte> json)
    {
        using var document = SpApiJson.Parse(json);
        return Read(document);
    }

    /// <inheritdoc cref="Parse"/>
    public static async Task<PayloadPage<InboundShipmentItem>> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        using var document = await SpApiJson.ParseAsync(json, cancellationToken);
        return Read(document);
    }

    private static PayloadPage<InboundShipmentItem> Read(JsonDocument document)
    {
        var payload = SpApiJson.Payload(document, Operation);
        var items = new List<InboundShipmentItem>();
        var index = 0;
        foreach (var item in SpApiJson.Array(payload, "ItemData", "payload"))
        {
            var path = $"payload.ItemData[{index++}]";
            items.Add(new InboundShipmentItem(
                SpApiJson.RequiredString(item, "ShipmentId", path),
                SpApiJson.OptionalString(item, "SellerSKU", path) ?? "",
                SpApiJson.OptionalString(item, "FulfillmentNetworkSKU", path) ?? "",
                SpApiJson.RequiredInt(item, "QuantityShipped", path),
                SpApiJson.RequiredInt(item, "QuantityReceived", path),
                SpApiJson.OptionalInt(item, "QuantityInCase", path)));
        }
        return new PayloadPage<InboundShipmentItem>(items, SpApiJson.NextToken(payload));
    }
}
