namespace Opside.Grains.Claims;

/// <summary>
/// What Amazon paid on a claim's case, net of reversals (docs/claim-workflow.md, "Reconciliation"): the cash, the units
/// it paid in cash and the units given back as inventory, the reimbursement ids that paid it and the reversal ids
/// netted in, each list in id order.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.recovery")]
public sealed record ClaimRecovery(
    [property: Id(0)] ClaimMoney Cash,
    [property: Id(1)] int CashUnits,
    [property: Id(2)] int InventoryUnits,
    [property: Id(3)] IReadOnlyList<string> ReimbursementIds,
    [property: Id(4)] IReadOnlyList<string> ReversalIds)
{
    /// <summary>Value by value, lists by their items (records compare lists by reference).</summary>
    public bool SameAs(ClaimRecovery? other) =>
        other is not null && Cash == other.Cash && CashUnits == other.CashUnits && InventoryUnits == other.InventoryUnits
        && ReimbursementIds.SequenceEqual(other.ReimbursementIds) && ReversalIds.SequenceEqual(other.ReversalIds);
}
