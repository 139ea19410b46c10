using Opside.Grains.Claims;

namespace Opside.Benchmarks.Claims;

/// <summary>
/// A lost-units claim that is Claimable today (window opened 5 days ago, closes in 10), as the claim workflow tests
/// build it (<c>ClaimWorkflowTests.Facts</c>), so filing it today is on time. One FNSKU per claim keeps keys apart.
/// </summary>
internal static class ClaimTransitionFacts
{
    public static ClaimFacts Claimable(string sellerId, int index, DateOnly today)
    {
        var fnsku = $"X00T{index:D6}";
        return new ClaimFacts(sellerId, "WarehouseLost", $"{fnsku}|{today.AddDays(-50):yyyy-MM-dd}", fnsku, $"TR-{index:D6}", null, null, null, null,
            today.AddDays(-50), today.AddDays(-5), today.AddDays(10), 2, new ClaimMoney(12.24m, "USD"),
            [new ClaimEvidenceRow("GET_LEDGER_DETAIL_VIEW_DATA", [new ClaimField("Reason", "M"), new ClaimField("Quantity", "-2")])], []);
    }
}
