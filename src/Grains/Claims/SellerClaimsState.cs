namespace Opside.Grains.Claims;

[GenerateSerializer, Alias("opside.claims.seller-claims-state")]
public sealed class SellerClaimsState
{
    /// <summary>The claims the last run found (any status by date): the ones to resolve if a later run no longer finds them, and to re-evaluate daily.</summary>
    [Id(0)] public List<string> OpenClaimIds { get; set; } = [];

    [Id(1)] public DateTimeOffset? LastDetectedAt { get; set; }

    /// <summary>Whether the last run claimed damage codes H, K and U: a run that no longer does tells withdrawn claims from paid ones.</summary>
    [Id(2)] public bool ClaimedDamageCodesHku { get; set; }

    /// <summary>
    /// Every claim detection ever made for the seller, in id order, whatever became of it: the grains the read model's
    /// rebuild reads (a claim resolved or paid long ago is no longer in <see cref="OpenClaimIds"/>).
    /// </summary>
    [Id(3)] public List<string> KnownClaimIds { get; set; } = [];
}
