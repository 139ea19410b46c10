namespace Opside.Grains.Scoring;

/// <summary>
/// What the refund model needs of a claim's seller (docs/model-card.md, "Features"): the marketplace's country (for a
/// claim whose rows do not name one) and, per claim type, the seller's decided claims so far. The seller's claims grain
/// counts it once per detection and daily run and hands it to each claim, which keeps the last one for its own changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.context")]
public sealed record ScoringContext(
    [property: Id(0)] string? Country,
    [property: Id(1)] IReadOnlyDictionary<string, TypeHistory> ByType)
{
    public static ScoringContext Unknown { get; } = new(null, new Dictionary<string, TypeHistory>());

    public TypeHistory For(string type) => ByType.GetValueOrDefault(type) ?? TypeHistory.None;
}
