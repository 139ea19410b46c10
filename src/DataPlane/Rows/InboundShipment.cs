namespace Opside.DataPlane.Rows;

/// <summary>An inbound shipment from Fulfillment Inbound v0 <c>getShipments</c>, identified by its shipment id.</summary>
public sealed record InboundShipment(
    string ShipmentId,
    string ShipmentName,
    string ShipmentStatus,
    string DestinationFulfillmentCenterId);

/// <summary>One SKU line of an inbound shipment (v0 shipment items): what the seller sent and what Amazon received.</summary>
public sealed record InboundShipmentItem(
    string ShipmentId,
    string SellerSku,
    string FulfillmentNetworkSku,
    int QuantityShipped,
    int QuantityReceived,
    int? QuantityInCase);
