using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// WarehouseDamaged: lots of E/6/7 damage (and H/K/U when the seller opts in) per FNSKU and ledger Date, netted by
/// FIFO against Damaged_Warehouse reimbursements without an order id only (with one, it paid a return: detail 6).
/// The paired P rows are the same units moved to WAREHOUSE_DAMAGED, not offsets.
/// </summary>
internal static class WarehouseDamagedRule
{
    public static void Detect(DetectionContext context)
    {
        foreach (var (fnsku, adjustments) in context.Ledger.ByFnsku)
        {
            if (adjustments.Damaged.Count == 0)
            {
                continue;
            }
            var lots = FnskuAdjustments.LotsPerDate(adjustments.Damaged);
            Fifo.Apply(lots, ReimbursementIndex.Offsets(context.Reimbursements.WarehouseDamageByFnsku.GetValueOrDefault(fnsku)));
            LedgerLots.Claim(context, ClaimType.WarehouseDamaged, fnsku, lots);
        }
    }
}
