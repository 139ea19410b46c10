namespace Opside.Grains.Claims;

/// <summary>
/// Reads claims from the read model on a silo, so an API running as a cluster client (no data plane of its own)
/// serves them too. Stateless and local: any silo answers, with as many activations as the load needs; key 0.
/// Callers check tenancy first: the seller id given is the one whose claims are read.
/// </summary>
[Alias("opside.claims.reader")]
public interface IClaimsReaderGrain : IGrainWithIntegerKey
{
    /// <summary>A page (from 1) of the seller's claims, optionally of one status and one claim type (its contract name).</summary>
    [Alias("list")]
    Task<ClaimPage> ListAsync(string sellerId, ClaimStatus? status, string? type, int page, int pageSize);

    /// <summary>The seller's claim, or null when the seller has no claim of that id.</summary>
    [Alias("get")]
    Task<Claim?> GetAsync(string sellerId, string claimId);
}
