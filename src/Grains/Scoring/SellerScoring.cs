using Opside.DataPlane.Storage;
using Opside.Grains.Amazon;
using Opside.Grains.Claims;

namespace Opside.Grains.Scoring;

/// <summary>The seller's scoring context (docs/model-card.md, "Features"), counted from the seller's claims read model.</summary>
public static class SellerScoring
{
    public static async Task<ScoringContext> ContextAsync(IDataPlaneStore store, string sellerId, string? marketplaceId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(store);
        var tallies = await store.TallyClaimsAsync(sellerId, today, today, CancellationToken.None);
        var byType = tallies
            .GroupBy(t => t.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new TypeHistory(
                (int)g.Where(t => IsApproved(t.Status)).Sum(t => t.Count),
                (int)g.Where(t => IsApproved(t.Status) || t.Status == nameof(ClaimStatus.Denied)).Sum(t => t.Count)), StringComparer.Ordinal);
        return new ScoringContext(AmazonMarketplaces.CountryOf(marketplaceId), byType);
    }

    /// <summary>Approved in full or in part; a Reimbursed claim was paid, so approved whether or not the decision was recorded.</summary>
    private static bool IsApproved(string status) =>
        status is nameof(ClaimStatus.Approved) or nameof(ClaimStatus.PartiallyApproved) or nameof(ClaimStatus.Reimbursed);
}
