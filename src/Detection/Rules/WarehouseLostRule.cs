using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// WarehouseLost: lots of M/5 losses per FNSKU and ledger Date, netted by FIFO against found units (F/N) and
/// Lost_Warehouse reimbursements (netted with their reversals) at their dates. Each lot with units left is a claim.
/// </summary>
internal static class WarehouseLostRule
{
    public static void Detect(DetectionContext context)
    {
        foreach (var (fnsku, adjustments) in context.Ledger.ByFnsku)
        {
            if (adjustments.Lost.Count == 0)
            {
                continue;
            }
            var lots = FnskuAdjustments.LotsPerDate(adjustments.Lost);
            var offsets = FnskuAdjustments.FoundOffsets(adjustments.Found);
            offsets.AddRange(ReimbursementIndex.Offsets(context.Reimbursements.LostWarehouseByFnsku.GetValueOrDefault(fnsku)));
            offsets.Sort(Offset.Compare);
            Fifo.Apply(lots, offsets);
            LedgerLots.Claim(context, ClaimType.WarehouseLost, fnsku, lots);
        }
    }
}
