namespace Opside.Detection;

/// <summary>The ledger vocabulary detection keys on: event types and the adjustment reason codes per claim type.</summary>
public sealed record LedgerCodes(
    string AdjustmentsEventType,
    string ReceiptsEventType,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Damaged,
    IReadOnlyList<string> OptionalDamaged,
    IReadOnlyList<string> Disposal)
{
    /// <summary>
    /// The event types whose rows detection reads (adjustments and receipts); every other row serves only to name an
    /// MSKU's FNSKU, which <see cref="SellerData.LedgerFnskuByMsku"/> can carry instead.
    /// </summary>
    public IReadOnlyList<string> EventTypesRead => [AdjustmentsEventType, ReceiptsEventType];
}
