namespace Opside.Grains.Claims;

[GenerateSerializer, Alias("opside.claims.claim-state")]
public sealed class ClaimGrainState
{
    /// <summary>Null until detection first finds the claim.</summary>
    [Id(0)] public ClaimSnapshot? Claim { get; set; }
}
