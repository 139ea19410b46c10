using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;
using Opside.Grains.Scoring;
using Orleans.Concurrency;

namespace Opside.Grains.Claims;

[StatelessWorker, GrainType("claims-reader")]
public sealed class ClaimsReaderGrain(IDataPlaneStore store, TimeProvider time) : Grain, IClaimsReaderGrain
{
    /// <summary>Pending: found and not yet paid, dismissed or lost (open or in the hands of Amazon).</summary>
    private static readonly HashSet<string> Pending =
        [.. new[] { ClaimStatus.Watching, ClaimStatus.Claimable, ClaimStatus.Filed, ClaimStatus.Approved, ClaimStatus.PartiallyApproved }.Select(s => s.ToString())];

    private const int PlanPageSize = 500;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<ClaimPage> ListAsync(ClaimFilter filter, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = Today;
        var query = new ClaimQuery(filter.SellerId, page, pageSize, filter.Status?.ToString(), filter.Type,
            filter.DueSoon ? today : null, filter.DueSoon ? ClaimDeadlines.DueSoonUntil(today) : null,
            filter.AnchorFrom, filter.AnchorTo, filter.Search, Enum.Parse<ClaimSort>(filter.Order.ToString()), filter.Descending);
        var result = await store.QueryClaimsAsync(query, CancellationToken.None);
        return new ClaimPage([.. result.Items.Select(r => ClaimJson.Read(r).AsOf(today))], result.Total, page, pageSize);
    }

    public async Task<Claim?> GetAsync(string sellerId, string claimId) =>
        await store.GetClaimAsync(sellerId, claimId, CancellationToken.None) is { } record ? ClaimJson.Read(record).AsOf(Today) : null;

    public async Task<FilingPlan> PlanFilingAsync(string sellerId, string week, DateOnly plannedFor, int cap, double threshold)
    {
        // Every Claimable claim of the seller, a page at a time: at most its open claims, which the plan orders as a whole.
        var claimable = new List<Claim>();
        for (var page = 1; ; page++)
        {
            var records = await store.QueryClaimsAsync(new ClaimQuery(sellerId, page, PlanPageSize, nameof(ClaimStatus.Claimable), null), CancellationToken.None);
            claimable.AddRange(records.Items.Select(ClaimJson.Read));
            if (records.Items.Count < PlanPageSize)
                break;
        }

        return FilingPlanner.Plan(claimable, week, plannedFor, cap, threshold);
    }

    public async Task<ClaimSummary> SummarizeAsync(string sellerId)
    {
        var today = Today;
        var tallies = await store.TallyClaimsAsync(sellerId, today, ClaimDeadlines.DueSoonUntil(today), CancellationToken.None);
        // One currency per seller region in practice; with several, the one most claims carry is summed.
        var currency = tallies.Where(t => t.Currency is not null).GroupBy(t => t.Currency!)
            .OrderByDescending(g => g.Sum(t => t.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? "USD";
        var main = tallies.Where(t => t.Currency is null || t.Currency == currency).ToList();
        return new ClaimSummary(
            Totals(main, t => t.Status, currency),
            Totals(main, t => t.Type, currency),
            new ClaimMoney(main.Sum(t => t.Recovered), currency),
            new ClaimMoney(main.Where(t => Pending.Contains(t.Status)).Sum(t => t.Value), currency),
            (int)tallies.Sum(t => t.DueSoon),
            [.. tallies.Select(t => t.Currency).OfType<string>().Where(c => c != currency).Distinct().Order(StringComparer.Ordinal)]);
    }

    private static Dictionary<string, ClaimTotal> Totals(IEnumerable<ClaimTally> tallies, Func<ClaimTally, string> by, string currency) =>
        tallies.GroupBy(by).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ClaimTotal(g.Sum(t => t.Count), new ClaimMoney(g.Sum(t => t.Value), currency)), StringComparer.Ordinal);
}
