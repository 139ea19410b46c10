using Opside.DataPlane.Storage;
using Orleans.Concurrency;

namespace Opside.Grains.Claims;

[StatelessWorker, GrainType("claims-reader")]
public sealed class ClaimsReaderGrain(IDataPlaneStore store) : Grain, IClaimsReaderGrain
{
    public async Task<ClaimPage> ListAsync(string sellerId, ClaimStatus? status, string? type, int page, int pageSize)
    {
        var result = await store.QueryClaimsAsync(sellerId, status?.ToString(), type, page, pageSize, CancellationToken.None);
        return new ClaimPage([.. result.Items.Select(ClaimJson.Read)], result.Total, page, pageSize);
    }

    public async Task<Claim?> GetAsync(string sellerId, string claimId) =>
        await store.GetClaimAsync(sellerId, claimId, CancellationToken.None) is { } record ? ClaimJson.Read(record) : null;
}
