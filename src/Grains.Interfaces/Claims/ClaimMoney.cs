namespace Opside.Grains.Claims;

/// <summary>An amount in a currency, exact (ISO code as the report prints it).</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.money")]
public sealed record ClaimMoney(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Currency);
