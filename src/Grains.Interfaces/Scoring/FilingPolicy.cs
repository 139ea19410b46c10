namespace Opside.Grains.Scoring;

/// <summary>
/// How many claims a seller's filing plan may hold a week and the approval probability below which a claim is shown
/// but not planned (docs/model-card.md, "Filing plan"); null keeps the defaults (<c>Filing:MaxPerWeek</c>, 25, and 0.5).
/// Ops set it per seller.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.filing-policy")]
public sealed record FilingPolicy(
    [property: Id(0)] int? MaxPerWeek = null,
    [property: Id(1)] double? Threshold = null)
{
    public const int DefaultMaxPerWeek = 25;

    public const double DefaultThreshold = 0.5;

    public const int MostPerWeek = 1_000;

    public static FilingPolicy Default { get; } = new();
}
