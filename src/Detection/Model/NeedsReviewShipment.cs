namespace Opside.Detection;

/// <summary>A CLOSED inbound shipment item with a shortage but no ledger Receipts row: no anchor, so never claimed.</summary>
public sealed record NeedsReviewShipment(string ShipmentId, string Fnsku, string Sku, int Shortage, string Reason);
