using System.Text.Json;
using Opside.DataPlane.Claims;

namespace Opside.Grains.Claims;

/// <summary>
/// A claim as the read model stores it: the columns it filters, sorts and sums on, and the <see cref="Claim"/> JSON the
/// API answers (docs/api.md, "Claims"), written once when the grain projects it.
/// </summary>
internal static class ClaimJson
{
    public static ClaimRecord ToRecord(ClaimSnapshot claim)
    {
        var f = claim.Facts;
        return new ClaimRecord(f.SellerId, claim.ClaimId, f.Type, claim.Status.ToString(), f.AnchorDate, f.WindowCloses,
            f.EstimatedValue?.Amount, f.EstimatedValue?.Currency, claim.Version, Write(claim), claim.Filing?.CaseId,
            ClaimRecord.SearchOf(f.Fnsku, f.Sku, f.OrderId, f.ShipmentId, f.RemovalOrderId, claim.Filing?.CaseId),
            claim.Recovered?.Cash.Amount, claim.Recovered?.Cash.Currency, claim.Score?.ExpectedRecovery?.Amount);
    }

    public static string Write(ClaimSnapshot claim) => JsonSerializer.Serialize(Claim.From(claim), ClaimJsonContext.Default.Claim);

    public static Claim Read(ClaimRecord record) =>
        JsonSerializer.Deserialize(record.Json, ClaimJsonContext.Default.Claim)
        ?? throw new JsonException($"The read model holds no claim JSON for {record.ClaimId}.");
}
