namespace Opside.Grains.Scoring;

/// <summary>
/// A seller's past decisions on claims of one type, as the refund model reads them: how many Amazon decided and how many
/// of those it approved, fully or in part.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.type-history")]
public sealed record TypeHistory([property: Id(0)] int Approved, [property: Id(1)] int Decided)
{
    public static TypeHistory None { get; } = new(0, 0);
}
