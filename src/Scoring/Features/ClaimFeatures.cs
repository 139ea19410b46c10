namespace Opside.Scoring.Features;

/// <summary>
/// What the refund model knows of one claim when it scores it (docs/model-card.md, "Features"): the claim itself and its
/// seller's history before it, never its outcome. <see cref="DaysAnchorToFiling"/> and <see cref="DaysLeftAtFiling"/>
/// count to the filing day, or to the scoring day for a claim not yet filed. <see cref="SellerTypeApprovalRate"/> is the
/// seller's past approvals of the type over its past decisions of the type, smoothed toward one half (see
/// <see cref="SmoothedRate"/>); <see cref="EvidenceCompleteness"/> is the share of the documents the case needs that it
/// has (0 to 1).
/// </summary>
public sealed record ClaimFeatures(
    string Type,
    int Units,
    decimal? EstimatedValue,
    bool ValueDocumented,
    int DaysAnchorToFiling,
    int DaysLeftAtFiling,
    string ReasonCode,
    string Marketplace,
    double SellerTypeApprovalRate,
    int SellerTypeDecided,
    int FnskuPastReimbursements,
    double EvidenceCompleteness)
{
    /// <summary>
    /// Approvals over decisions with one of each added (Laplace), so a seller with no history of the type reads 0.5
    /// and one decision does not read 0 or 1.
    /// </summary>
    public static double SmoothedRate(int approved, int decided)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(approved);
        ArgumentOutOfRangeException.ThrowIfLessThan(decided, approved);
        return (approved + 1.0) / (decided + 2.0);
    }
}
