namespace Opside.Grains.Claims;

/// <summary>
/// What detection found for one claim, as the grain receives it: everything but the status (which the grain derives
/// from the window and the day) and the history. <see cref="Type"/> is the docs/claim-rules.md name (e.g. <c>WarehouseLost</c>);
/// <see cref="EstimatedValue"/> is null when no cost is known.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.facts")]
public sealed record ClaimFacts(
    [property: Id(0)] string SellerId,
    [property: Id(1)] string Type,
    [property: Id(2)] string Key,
    [property: Id(3)] string Fnsku,
    [property: Id(4)] string Sku,
    [property: Id(5)] string? OrderId,
    [property: Id(6)] string? ShipmentId,
    [property: Id(7)] string? RemovalOrderId,
    [property: Id(8)] string? ReimbursementId,
    [property: Id(9)] DateOnly AnchorDate,
    [property: Id(10)] DateOnly WindowOpens,
    [property: Id(11)] DateOnly WindowCloses,
    [property: Id(12)] int Units,
    [property: Id(13)] ClaimMoney? EstimatedValue,
    [property: Id(14)] IReadOnlyList<ClaimEvidenceRow> Evidence,
    [property: Id(15)] IReadOnlyList<ClaimOffset> Offsets)
{
    /// <summary>Status by date (docs/claim-rules.md): before the window Watching, inside it (both ends inclusive) Claimable, after it Expired.</summary>
    public ClaimStatus StatusOn(DateOnly asOf) =>
        asOf < WindowOpens ? ClaimStatus.Watching : asOf <= WindowCloses ? ClaimStatus.Claimable : ClaimStatus.Expired;

    /// <summary>Field by field, lists by their items: records compare lists by reference, which would call every re-detection a change.</summary>
    public bool SameAs(ClaimFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { Evidence = [], Offsets = [] } == other with { Evidence = [], Offsets = [] }
            && Evidence.Count == other.Evidence.Count
            && Evidence.Zip(other.Evidence).All(p => p.First.Source == p.Second.Source && p.First.Fields.SequenceEqual(p.Second.Fields))
            && Offsets.Count == other.Offsets.Count
            && Offsets.Zip(other.Offsets).All(p => (p.First with { NettedReversalIds = [] }) == (p.Second with { NettedReversalIds = [] })
                && p.First.NettedReversalIds.SequenceEqual(p.Second.NettedReversalIds));
    }
}
