using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// UnderpaidReimbursement: Lost_Warehouse and Damaged_Warehouse rows without an order id (pre-order losses), approved
/// in the manufacturing-cost era, whose cash units netted with their reversals stay positive, paid below the tolerance
/// (95 %) of the catalog cost C effective on the approval date. Units = netted cash units; value = (C − paid) × units.
/// </summary>
internal static class UnderpaidReimbursementRule
{
    public static void Detect(DetectionContext context)
    {
        var policy = context.Policy;
        foreach (var netted in context.Reimbursements.All)
        {
            var row = netted.Row;
            if (row.AmazonOrderId.Length > 0
                || row.QuantityReimbursedCash <= 0
                || netted.NetCash <= 0
                || netted.Day < policy.ManufacturingCostEra
                || !(string.Equals(row.Reason, policy.Reasons.LostWarehouse, StringComparison.Ordinal)
                    || string.Equals(row.Reason, policy.Reasons.DamagedWarehouse, StringComparison.Ordinal)))
            {
                continue;
            }
            // A cost in another currency cannot be compared with the payment.
            if (context.Costs.On(row.Sku, netted.Day) is not { } cost
                || !string.Equals(cost.Currency, row.Currency, StringComparison.OrdinalIgnoreCase)
                || row.AmountPerUnit >= policy.UnderpaymentTolerance * cost.UnitCost)
            {
                continue;
            }

            var units = netted.NetCash;
            List<EvidenceRow> evidence = [EvidenceRows.Reimbursement(row)];
            foreach (var reversal in netted.Reversals)
            {
                evidence.Add(EvidenceRows.Reimbursement(reversal));
            }
            evidence.Add(EvidenceRows.Cost(cost));
            var value = DetectionContext.Cents((cost.UnitCost - row.AmountPerUnit) * units, cost.Currency);
            IReadOnlyList<AppliedOffset> offsets = netted.Reversals.Count == 0
                ? []
                : [.. netted.Reversals.Select(r => new AppliedOffset(
                    OffsetKind.Reimbursement, Days.UtcDay(r.ApprovalDate), -r.QuantityReimbursedCash, r.ReimbursementId, r.Reason, []))];
            context.AddClaim(
                ClaimType.UnderpaidReimbursement, ClaimIdentity.Key(row.ReimbursementId, row.Fnsku), row.Fnsku, row.Sku, netted.Day, units, value,
                evidence, offsets, reimbursementId: row.ReimbursementId);
        }
    }
}
