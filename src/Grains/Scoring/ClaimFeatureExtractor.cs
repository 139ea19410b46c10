using Opside.Detection;
using Opside.Grains.Claims;
using Opside.Scoring.Features;

namespace Opside.Grains.Scoring;

/// <summary>
/// The refund model's features of one claim (docs/model-card.md, "Features"), from the claim as the API shows it, the day
/// it is scored, its seller's marketplace and the seller's decisions of its type before then. Nothing of its own outcome
/// enters: filing counts from the day it was filed (or the scoring day, not yet filed), recovery and decisions are not read.
/// </summary>
public static class ClaimFeatureExtractor
{
    public static ClaimFeatures From(Claim claim, DateOnly asOf, string? sellerCountry, TypeHistory history)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(history);
        var filedOn = claim.FiledAt is { } filedAt ? DateOnly.FromDateTime(filedAt.UtcDateTime) : asOf;
        return new ClaimFeatures(
            claim.Type,
            claim.Units,
            claim.EstimatedValue?.Amount,
            ValueDocumented: Has(claim, EvidenceSources.CostCatalog),
            DaysAnchorToFiling: Math.Max(0, filedOn.DayNumber - claim.AnchorDate.DayNumber),
            DaysLeftAtFiling: Math.Max(0, claim.WindowCloses.DayNumber - filedOn.DayNumber),
            ReasonCode: ReasonCode(claim),
            Marketplace: Field(claim, EvidenceSources.LedgerReport, "Country") ?? sellerCountry ?? "",
            SellerTypeApprovalRate: ClaimFeatures.SmoothedRate(history.Approved, history.Decided),
            SellerTypeDecided: history.Decided,
            FnskuPastReimbursements: claim.Evidence.Count(e => e.Source == EvidenceSources.ReimbursementsReport),
            EvidenceCompleteness: EvidenceCompleteness(claim));
    }

    /// <summary>Amazon's code for what happened: the ledger's reason, else the return's detailed disposition; empty when neither.</summary>
    private static string ReasonCode(Claim claim) =>
        Field(claim, EvidenceSources.LedgerReport, "Reason")
        ?? Field(claim, EvidenceSources.ReturnsReport, "detailed-disposition")
        ?? "";

    /// <summary>
    /// The share of what a case needs that the claim holds: Amazon's own row of the event, a value (documented by the
    /// seller's cost catalog, where the type is valued by cost), and the order, shipment or removal order id the types
    /// about one need.
    /// </summary>
    internal static double EvidenceCompleteness(Claim claim)
    {
        var needed = 2;
        var held = (claim.Evidence.Any(e => e.Source != EvidenceSources.CostCatalog) ? 1 : 0)
            + (ValuedByCost(claim.Type) ? (Has(claim, EvidenceSources.CostCatalog) ? 1 : 0) : (claim.EstimatedValue is null ? 0 : 1));
        if (ReferenceOf(claim) is { } reference)
        {
            needed++;
            held += string.IsNullOrEmpty(reference) ? 0 : 1;
        }

        return held / (double)needed;
    }

    /// <summary>The id a type of claim is about, empty when missing; null for types about units in a warehouse.</summary>
    private static string? ReferenceOf(Claim claim) => claim.Type switch
    {
        nameof(ClaimType.CustomerReturnNotReceived) or nameof(ClaimType.ReturnDamagedInTransit) => claim.OrderId ?? "",
        nameof(ClaimType.InboundShortage) => claim.ShipmentId ?? "",
        nameof(ClaimType.RemovalShortfall) => claim.RemovalOrderId ?? "",
        _ => null,
    };

    /// <summary>The types whose value is the seller's unit cost (docs/claim-rules.md); the others are valued by a refund or a payment.</summary>
    private static bool ValuedByCost(string type) =>
        type is not (nameof(ClaimType.CustomerReturnNotReceived) or nameof(ClaimType.ReturnDamagedInTransit));

    private static bool Has(Claim claim, string source) => claim.Evidence.Any(e => e.Source == source);

    private static string? Field(Claim claim, string source, string name) =>
        claim.Evidence.Where(e => e.Source == source).Select(e => e.Row.GetValueOrDefault(name)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
