using System.Globalization;

namespace Opside.Scoring.Features;

/// <summary>
/// A feature's pull on one claim's score in words a seller understands (docs/model-card.md, "Factors"): what the claim
/// shows, and whether it raised or lowered the chance of approval. A feature is named by its <see cref="FeatureRow"/>
/// column, the group its slots belong to.
/// </summary>
public static class FactorWords
{
    public static string For(string feature, ClaimFeatures claim, bool raises)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var type = TypeWords(claim.Type);
        return feature switch
        {
            nameof(FeatureRow.Type) => raises ? $"{type} claims are usually approved" : $"{type} claims are often denied",
            nameof(FeatureRow.ValueDocumented) => claim.ValueDocumented
                ? (raises ? "your cost catalog documents the unit cost" : "the documented unit cost invites a closer review")
                : (raises ? "the value does not rest on a cost document" : "no cost document backs the unit cost"),
            nameof(FeatureRow.ValueKnown) or nameof(FeatureRow.LogValue) => claim.EstimatedValue is not null
                ? (raises ? "claims of this value are usually paid" : "claims of this value get a closer review")
                : (raises ? "the value is left for Amazon to set" : "the claim's value is unknown"),
            nameof(FeatureRow.DaysAnchorToFiling) => raises
                ? $"filed {Days(claim.DaysAnchorToFiling)} after the event"
                : $"{Days(claim.DaysAnchorToFiling)} have passed since the event",
            nameof(FeatureRow.DaysLeftAtFiling) => raises
                ? $"{Days(claim.DaysLeftAtFiling)} left in the claim window"
                : $"only {Days(claim.DaysLeftAtFiling)} left in the claim window",
            nameof(FeatureRow.SellerTypeApprovalRate) => claim.SellerTypeDecided == 0
                ? "no past decision on your " + type + " claims yet"
                : raises ? $"your past {type} claims were mostly approved" : $"your past {type} claims were often denied",
            nameof(FeatureRow.SellerTypeDecided) => $"{Count(claim.SellerTypeDecided, "past decision")} on your {type} claims",
            nameof(FeatureRow.FnskuPastReimbursements) => claim.FnskuPastReimbursements == 0
                ? (raises ? "Amazon has not reimbursed this FNSKU before" : "this FNSKU has no reimbursement history")
                : (raises ? $"Amazon has reimbursed this FNSKU {Count(claim.FnskuPastReimbursements, "time")} before"
                    : $"Amazon has already reimbursed this FNSKU {Count(claim.FnskuPastReimbursements, "time")}"),
            nameof(FeatureRow.EvidenceCompleteness) => raises
                ? (claim.EvidenceCompleteness >= 1 ? "the evidence for the case is complete" : "most of the evidence for the case is there")
                : $"the case lacks documents ({Percent(claim.EvidenceCompleteness)} of what it needs)",
            nameof(FeatureRow.ReasonCode) => claim.ReasonCode.Length == 0
                ? (raises ? "no reason code weighs against it" : "Amazon gave no reason code")
                : raises ? $"reason code {claim.ReasonCode} is usually paid" : $"reason code {claim.ReasonCode} is often denied",
            nameof(FeatureRow.Marketplace) => raises
                ? $"claims in the {claim.Marketplace} marketplace are usually approved"
                : $"claims in the {claim.Marketplace} marketplace are often denied",
            nameof(FeatureRow.Units) => raises ? $"{Count(claim.Units, "unit")} claimed" : $"{Count(claim.Units, "unit")} claimed invites a closer review",
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Not a feature of the refund model."),
        };
    }

    /// <summary>The claim-rules type name in words: <c>WarehouseLost</c> → <c>warehouse lost</c>.</summary>
    public static string TypeWords(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var words = new System.Text.StringBuilder(type.Length + 4);
        foreach (var c in type)
        {
            if (char.IsUpper(c) && words.Length > 0)
                words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private static string Days(int days) => Count(days, "day");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
