namespace Opside.Grains.Claims;

/// <summary>
/// Reads claims from the read model on a silo, so an API running as a cluster client (no data plane of its own)
/// serves them too. Stateless and local: any silo answers, with as many activations as the load needs; key 0.
/// Callers check tenancy first: the seller id given is the one whose claims are read (null in a filter: every seller's,
/// for ops only).
/// </summary>
[Alias("opside.claims.reader")]
public interface IClaimsReaderGrain : IGrainWithIntegerKey
{
    /// <summary>A page (from 1) of claims the filter selects, in its order; <c>dueSoon</c> as of today (UTC).</summary>
    [Alias("list")]
    Task<ClaimPage> ListAsync(ClaimFilter filter, int page, int pageSize);

    /// <summary>The seller's claim, or null when the seller has no claim of that id.</summary>
    [Alias("get")]
    Task<Claim?> GetAsync(string sellerId, string claimId);

    /// <summary>The seller's claims counted and valued by status and by type (docs/claim-workflow.md, "Summary").</summary>
    [Alias("summary")]
    Task<ClaimSummary> SummarizeAsync(string sellerId);

    /// <summary>
    /// The seller's filing plan for <paramref name="week"/> (ISO <c>YYYY-Www</c>) from its Claimable claims, planned for
    /// <paramref name="plannedFor"/>, with the cap and threshold given (docs/model-card.md, "Filing plan").
    /// </summary>
    [Alias("filing-plan")]
    Task<Opside.Grains.Scoring.FilingPlan> PlanFilingAsync(string sellerId, string week, DateOnly plannedFor, int cap, double threshold);
}

/// <summary>Which claims to list and how to order them (docs/claim-workflow.md, "Lists"); null fields do not filter.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.filter")]
public sealed record ClaimFilter(
    [property: Id(0)] string? SellerId,
    [property: Id(1)] ClaimStatus? Status = null,
    [property: Id(2)] string? Type = null,
    [property: Id(3)] bool DueSoon = false,
    [property: Id(4)] DateOnly? AnchorFrom = null,
    [property: Id(5)] DateOnly? AnchorTo = null,
    [property: Id(6)] string? Search = null,
    [property: Id(7)] ClaimOrder Order = ClaimOrder.WindowCloses,
    [property: Id(8)] bool Descending = false);

/// <summary>A claims list's order; <see cref="Queue"/> is the ops queue's (soonest close, most expected recovery, id).</summary>
[GenerateSerializer, Alias("opside.claims.order")]
public enum ClaimOrder
{
    WindowCloses,
    Value,
    AnchorDate,
    Queue,
}

/// <summary>
/// The seller's view of its claims (docs/api.md, "Claim workflow"): count and estimated value by status and by type,
/// what Amazon paid on filed cases, the value still to recover (open and filed, not yet paid), and how many claims are
/// due soon. Values are in the seller's main currency (the one most claims carry); <see cref="OtherCurrencies"/> names
/// any left out of the sums.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.summary")]
public sealed record ClaimSummary(
    [property: Id(0)] IReadOnlyDictionary<string, ClaimTotal> ByStatus,
    [property: Id(1)] IReadOnlyDictionary<string, ClaimTotal> ByType,
    [property: Id(2)] ClaimMoney RecoveredToDate,
    [property: Id(3)] ClaimMoney PendingValue,
    [property: Id(4)] int DueSoon,
    [property: Id(5)] IReadOnlyList<string> OtherCurrencies);

[GenerateSerializer, Immutable, Alias("opside.claims.total")]
public sealed record ClaimTotal(
    [property: Id(0)] long Count,
    [property: Id(1)] ClaimMoney Value);
