namespace Opside.Detection;

/// <summary>An amount in a currency (ISO code as the report prints it).</summary>
public sealed record Money(decimal Amount, string Currency);
