namespace Opside.Grains.Claims;

[GenerateSerializer, Alias("opside.claims.claim-state")]
public sealed class ClaimGrainState
{
    /// <summary>Null until detection first finds the claim.</summary>
    [Id(0)] public ClaimSnapshot? Claim { get; set; }

    /// <summary>The seller's scoring context the claim was last given, for scoring its own changes (filing, a decision).</summary>
    [Id(1)] public Scoring.ScoringContext? Scoring { get; set; }
}
