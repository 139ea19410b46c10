using System.ComponentModel.DataAnnotations;
using Opside.Grains.Scoring;

namespace Opside.Api.Filing;

/// <summary>The filing plan's defaults, bound from <c>Filing</c>; ops override them per seller.</summary>
public sealed class FilingOptions
{
    public const string Section = "Filing";

    /// <summary>The most claims a seller's plan holds a week unless ops set another cap for the seller.</summary>
    [Range(1, FilingPolicy.MostPerWeek)]
    public int MaxPerWeek { get; set; } = FilingPolicy.DefaultMaxPerWeek;
}
