using System.Globalization;

namespace Opside.Grains.Claims;

/// <summary>
/// The pure part of reconciliation (docs/claim-workflow.md, "Reconciliation"): merging the rows a sync brought into
/// the rows a claim already counted, and what they add up to.
/// </summary>
internal static class CaseRecovery
{
    /// <summary>
    /// The counted rows plus the new ones, each report row once by its key: a re-fetched row replaces itself, a row
    /// missing from a later fetch (an older report range) stays counted, so nothing counts twice and nothing is lost.
    /// </summary>
    public static IReadOnlyList<CasePayment> Merge(IReadOnlyList<CasePayment>? counted, IEnumerable<CasePayment> incoming)
    {
        var rows = new Dictionary<(string, string, string, string), CasePayment>();
        foreach (var row in (counted ?? []).Concat(incoming))
            rows[row.Key] = row;
        return [.. rows.Values.OrderBy(r => r.ReimbursementId, StringComparer.Ordinal).ThenBy(r => r.Fnsku, StringComparer.Ordinal)
            .ThenBy(r => r.Reason, StringComparer.Ordinal).ThenBy(r => r.OriginalReimbursementId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Payments and reversals summed as signed: "−1 cash, +1 inventory" swaps cash for a unit in kind, "−1 cash" alone
    /// takes the unit and its money back. Null when no row was counted.
    /// </summary>
    public static ClaimRecovery? Sum(IReadOnlyList<CasePayment> rows)
    {
        if (rows.Count == 0)
            return null;
        var currency = rows.Where(r => !r.IsReversal).Select(r => r.Currency).FirstOrDefault() ?? rows[0].Currency;
        return new ClaimRecovery(
            new ClaimMoney(rows.Sum(r => r.AmountTotal), currency),
            rows.Sum(r => r.QuantityCash),
            rows.Sum(r => r.QuantityInventory),
            [.. rows.Where(r => !r.IsReversal).Select(r => r.ReimbursementId).Distinct().Order(StringComparer.Ordinal)],
            [.. rows.Where(r => r.IsReversal).Select(r => r.ReimbursementId).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Whether a payment falls short of the claim: fewer units than claimed (cash and in kind), or for an underpaid
    /// reimbursement, whose units were already paid once, less cash than the shortfall claimed.
    /// </summary>
    public static bool IsPartial(ClaimFacts facts, ClaimRecovery recovery) =>
        facts.Type == nameof(Detection.ClaimType.UnderpaidReimbursement)
            ? facts.EstimatedValue is { } owed && recovery.Cash.Amount < owed.Amount
            : recovery.CashUnits + recovery.InventoryUnits < facts.Units;

    public static string Describe(ClaimRecovery r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Cash.Amount:0.00} {r.Cash.Currency} for {r.CashUnits} units in cash and {r.InventoryUnits} units returned to inventory (reimbursement {string.Join(", ", r.ReimbursementIds)}{(r.ReversalIds.Count > 0 ? $"; reversals {string.Join(", ", r.ReversalIds)}" : "")})");
}
