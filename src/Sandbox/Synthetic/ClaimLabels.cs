namespace Opside.Sandbox.Synthetic;

public enum ClaimType
{
    WarehouseLost,
    WarehouseDamaged,
    UnauthorizedDisposal,
    CustomerReturnNotReceived,
    ReturnDamagedInTransit,
    InboundShortage,
    RemovalShortfall,
    UnderpaidReimbursement,
}

public enum ClaimStatus
{
    Watching,
    Claimable,
    Expired,
}

/// <summary>The US claim windows of docs/claim-rules.md: days after the anchor, both ends inclusive.</summary>
public static class ClaimWindows
{
    public static (int OpensAfter, int ClosesAfter) Of(ClaimType type) => type switch
    {
        ClaimType.WarehouseLost or ClaimType.WarehouseDamaged => (45, 60),
        ClaimType.UnauthorizedDisposal => (7, 60),
        ClaimType.CustomerReturnNotReceived => (60, 120),
        ClaimType.ReturnDamagedInTransit => (30, 90),
        ClaimType.InboundShortage => (15, 60),
        ClaimType.RemovalShortfall => (15, 75),
        ClaimType.UnderpaidReimbursement => (0, 60),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static ClaimStatus StatusOf(ClaimType type, DateOnly anchor, DateOnly asOf)
    {
        var (opens, closes) = Of(type);
        return asOf < anchor.AddDays(opens) ? ClaimStatus.Watching
            : asOf <= anchor.AddDays(closes) ? ClaimStatus.Claimable
            : ClaimStatus.Expired;
    }
}

public sealed record Money(decimal Amount, string Currency);

/// <summary>A claim the detector must find, derived from the plant (never from a detector).</summary>
public sealed record ExpectedClaim(
    ClaimType Type,
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
    string Scenario);

/// <summary>Rows that look like a claim of <paramref name="Type"/> but must not be claimed, and why.</summary>
public sealed record DecoyLabel(ClaimType Type, string Fnsku, string Sku, string? OrderId, string? ShipmentId, string? RemovalOrderId, string? ReimbursementId, string Why);

/// <summary>A CLOSED shipment with a shortage and no ledger receipt: reported for review, never claimed.</summary>
public sealed record NeedsReviewLabel(string ShipmentId, string Fnsku, string Sku, int Shortage, string Why);

public sealed record SellerLabels(
    string SellingPartnerId,
    DateOnly AsOf,
    IReadOnlyList<ExpectedClaim> Claims,
    IReadOnlyList<DecoyLabel> Decoys,
    IReadOnlyList<NeedsReviewLabel> NeedsReview);
