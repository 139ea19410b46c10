namespace Opside.DataPlane.Rows;

/// <summary>One row of GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: a returned unit that arrived at a fulfilment centre.</summary>
public sealed record CustomerReturnRow(
    DateTimeOffset ReturnDate,
    string OrderId,
    string Sku,
    string Asin,
    string Fnsku,
    string ProductName,
    int Quantity,
    string FulfillmentCenterId,
    string DetailedDisposition,
    string Reason,
    string Status,
    string LicensePlateNumber,
    string CustomerComments);
