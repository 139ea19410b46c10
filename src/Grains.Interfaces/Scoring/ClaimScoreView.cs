using Opside.Grains.Claims;

namespace Opside.Grains.Scoring;

/// <summary>
/// A claim's score as the API shows it (docs/api.md, "Scores"): the calibrated probability that Amazon approves it, the
/// expected recovery (probability × estimated value × expected paid share; null when the value is unknown), the model
/// version that scored it and whether that model was trained on bootstrap data, and the three features that moved the
/// score most, in words.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.claim-score")]
public sealed record ClaimScoreView(
    [property: Id(0)] double ApprovalProbability,
    [property: Id(1)] ClaimMoney? ExpectedRecovery,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] bool Bootstrap,
    [property: Id(4)] IReadOnlyList<string> TopFactors)
{
    /// <summary>Value by value, factors by their items (records compare lists by reference).</summary>
    public bool SameAs(ClaimScoreView? other) =>
        other is not null && ApprovalProbability == other.ApprovalProbability && ExpectedRecovery == other.ExpectedRecovery
        && ModelVersion == other.ModelVersion && Bootstrap == other.Bootstrap && TopFactors.SequenceEqual(other.TopFactors);
}
