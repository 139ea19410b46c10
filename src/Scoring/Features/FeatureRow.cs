namespace Opside.Scoring.Features;

/// <summary>
/// One claim as ML.NET reads it: <see cref="ClaimFeatures"/> as floats and categories, with the outcome columns
/// training reads (<see cref="Label"/>, <see cref="Fraction"/>) and scoring leaves unset. The value enters as its
/// logarithm, so a claim of $400 is not a hundred times one of $4 to the trees' split search.
/// </summary>
public sealed class FeatureRow
{
    public string Type { get; set; } = "";
    public string ReasonCode { get; set; } = "";
    public string Marketplace { get; set; } = "";
    public float Units { get; set; }
    public float LogValue { get; set; }
    public float ValueKnown { get; set; }
    public float ValueDocumented { get; set; }
    public float DaysAnchorToFiling { get; set; }
    public float DaysLeftAtFiling { get; set; }
    public float SellerTypeApprovalRate { get; set; }
    public float SellerTypeDecided { get; set; }
    public float FnskuPastReimbursements { get; set; }
    public float EvidenceCompleteness { get; set; }
    public bool Label { get; set; }
    public float Fraction { get; set; }

    public static FeatureRow From(ClaimFeatures features, bool approved = false, double fraction = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new FeatureRow
        {
            Type = features.Type,
            ReasonCode = features.ReasonCode,
            Marketplace = features.Marketplace,
            Units = features.Units,
            LogValue = features.EstimatedValue is { } value ? (float)Math.Log(1 + (double)Math.Max(0m, value)) : 0f,
            ValueKnown = features.EstimatedValue is null ? 0f : 1f,
            ValueDocumented = features.ValueDocumented ? 1f : 0f,
            DaysAnchorToFiling = features.DaysAnchorToFiling,
            DaysLeftAtFiling = features.DaysLeftAtFiling,
            SellerTypeApprovalRate = (float)features.SellerTypeApprovalRate,
            SellerTypeDecided = features.SellerTypeDecided,
            FnskuPastReimbursements = features.FnskuPastReimbursements,
            EvidenceCompleteness = (float)features.EvidenceCompleteness,
            Label = approved,
            Fraction = (float)fraction,
        };
    }
}
