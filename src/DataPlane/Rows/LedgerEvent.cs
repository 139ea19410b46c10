namespace Opside.DataPlane.Rows;

/// <summary>
/// One row of GET_LEDGER_DETAIL_VIEW_DATA. Identical rows are separate events, so a row has no identity of its
/// own: a fetched date range replaces the seller's rows in that range as a whole.
/// </summary>
/// <param name="Date">The printed <c>Date</c>: Amazon's Pacific calendar day.</param>
/// <param name="Quantity">Signed: losses are negative.</param>
public sealed record LedgerEvent(
    DateOnly Date,
    string Fnsku,
    string Asin,
    string Msku,
    string Title,
    string EventType,
    string ReferenceId,
    int Quantity,
    string FulfillmentCenter,
    string Disposition,
    string Reason,
    string Country,
    int? ReconciledQuantity,
    int? UnreconciledQuantity,
    DateTimeOffset? DateAndTime,
    string Store);
