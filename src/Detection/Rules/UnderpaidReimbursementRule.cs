using Opside.DataPlane.Rows;
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
        // A reimbursement id with two item rows of one FNSKU is one claim: its rows are summed.
        var found = new Dictionary<string, Underpayment>(StringComparer.Ordinal);
        var order = new List<string>();
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

            var key = ClaimIdentity.Key(row.ReimbursementId, row.Fnsku);
            if (!found.TryGetValue(key, out var claim))
            {
                found[key] = claim = new Underpayment(netted, cost);
                order.Add(key);
            }
            claim.Add(netted, cost);
        }

        foreach (var key in order)
        {
            var claim = found[key];
            var row = claim.First.Row;
            context.AddClaim(
                ClaimType.UnderpaidReimbursement, key, row.Fnsku, row.Sku, claim.First.Day, claim.Units,
                DetectionContext.Cents(claim.Shortfall, claim.Currency), claim.Evidence, claim.Offsets, reimbursementId: row.ReimbursementId);
        }
    }

    private sealed class Underpayment(NettedReimbursement first, CostCatalogEntry cost)
    {
        public NettedReimbursement First { get; } = first;

        public string Currency { get; } = cost.Currency;

        public int Units { get; private set; }

        /// <summary>(C − amount-per-unit) × units, exact; rounded once when the claim is made.</summary>
        public decimal Shortfall { get; private set; }

        public List<EvidenceRow> Evidence { get; } = [];

        public List<AppliedOffset> Offsets { get; } = [];

        public void Add(NettedReimbursement netted, CostCatalogEntry cost)
        {
            var row = netted.Row;
            Units += netted.NetCash;
            Shortfall += (cost.UnitCost - row.AmountPerUnit) * netted.NetCash;
            Evidence.Add(EvidenceRows.Reimbursement(row));
            foreach (var reversal in netted.Reversals)
            {
                Evidence.Add(EvidenceRows.Reimbursement(reversal));
                Offsets.Add(new AppliedOffset(
                    OffsetKind.Reimbursement, Days.UtcDay(reversal.ApprovalDate), -reversal.QuantityReimbursedCash, reversal.ReimbursementId, reversal.Reason, []));
            }
            Evidence.Add(EvidenceRows.Cost(cost));
        }
    }
}
