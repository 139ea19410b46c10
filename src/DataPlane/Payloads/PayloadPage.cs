namespace Opside.DataPlane.Payloads;

/// <summary>One page of an SP-API list operation.</summary>
/// <param name="NextToken">Pass it back (URL-encoded: it holds <c>+ / =</c>) for the next page; null on the last page.</param>
public sealed record PayloadPage<T>(IReadOnlyList<T> Items, string? NextToken);
