namespace Opside.Detection;

/// <summary>The ledger vocabulary detection keys on: event types and the adjustment reason codes per claim type.</summary>
public sealed record LedgerCodes(
    string AdjustmentsEventType,
    string ReceiptsEventType,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Damaged,
    IReadOnlyList<string> OptionalDamaged,
    IReadOnlyList<string> Disposal);
