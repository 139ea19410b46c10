namespace Opside.Detection;

/// <summary>
/// One claim Amazon owes by the rules. <see cref="ClaimId"/> is a stable hash of seller, type and <see cref="Key"/>,
/// so the same discrepancy always has the same id. <see cref="EstimatedValue"/> is null when no cost is known; then
/// <see cref="NeedsCostDocument"/> asks the seller for one (a price is never invented).
/// </summary>
public sealed record ClaimCandidate(
    string ClaimId,
    ClaimType Type,
    string Key,
    string Fnsku,
    string Sku,
    string? OrderId,
    string? ShipmentId,
    string? RemovalOrderId,
    string? ReimbursementId,
    DateOnly AnchorDate,
    DateOnly WindowOpens,
    DateOnly WindowCloses,
    int Units,
    Money? EstimatedValue,
    ClaimStatus Status,
    ClaimEvidence Evidence)
{
    public bool NeedsCostDocument => EstimatedValue is null;
}
