using System.Text.Json;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Payloads;

/// <summary>Fulfillment Inbound v0 <c>getShipments</c>: <c>payload.ShipmentData[]</c> and <c>payload.NextToken</c>.</summary>
public static class InboundShipmentsPayload
{
    private const string Operation = "getShipments";

    /// <exception cref="PayloadFormatException">An error body, malformed JSON, or a shipment without a ShipmentId.</exception>
    public static PayloadPage<InboundShipment> Parse(ReadOnlyMemory<byte> json)
    {
        using var document = SpApiJson.Parse(json);
        return Read(document);
    }

    /// <inheritdoc cref="Parse"/>
    public static async Task<PayloadPage<InboundShipment>> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        using var document = await SpApiJson.ParseAsync(json, cancellationToken);
        return Read(document);
    }

    private static PayloadPage<InboundShipment> Read(JsonDocument document)
    {
        var payload = SpApiJson.Payload(document, Operation);
        var shipments = new List<InboundShipment>();
        var index = 0;
        foreach (var shipment in SpApiJson.Array(payload, "ShipmentData", "payload"))
        {
            var path = $"payload.ShipmentData[{index++}]";
            shipments.Add(new InboundShipment(
                SpApiJson.RequiredString(shipment, "ShipmentId", path),
                SpApiJson.OptionalString(shipment, "ShipmentName", path) ?? "",
                SpApiJson.OptionalString(shipment, "ShipmentStatus", path) ?? "",
                SpApiJson.OptionalString(shipment, "DestinationFulfillmentCenterId", path) ?? ""));
        }
        return new PayloadPage<InboundShipment>(shipments, SpApiJson.NextToken(payload));
    }
}
