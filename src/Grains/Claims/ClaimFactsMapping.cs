using Opside.Detection;

namespace Opside.Grains.Claims;

/// <summary>A detection candidate as the claim grain's serializable facts (types and statuses by their docs/claim-rules.md names).</summary>
internal static class ClaimFactsMapping
{
    public static ClaimFacts ToFacts(string sellerId, ClaimCandidate c) => new(
        sellerId, c.Type.ToString(), c.Key, c.Fnsku, c.Sku, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReimbursementId,
        c.AnchorDate, c.WindowOpens, c.WindowCloses, c.Units,
        c.EstimatedValue is { } value ? new ClaimMoney(value.Amount, value.Currency) : null,
        [.. c.Evidence.Rows.Select(r => new ClaimEvidenceRow(r.Source, [.. r.Values.Select(v => new ClaimField(v.Key, v.Value))]))],
        [.. c.Evidence.Offsets.Select(o => new ClaimOffset(o.Kind.ToString(), o.Date, o.Units, o.Reference, o.Reason, [.. o.NettedReversalIds]))]);
}
