using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// ReturnDamagedInTransit, per (order id, SKU): units of returns rows whose detailed-disposition is damage in transit
/// (anchor: the earliest of their return-dates), minus Damaged_Warehouse payments for the order and the
/// CustomerReturn/CustomerServiceIssue units left after the unreturned units took theirs. Valued at the refunded
/// principal per unit, or the cost fallback when no refund is known.
/// </summary>
internal static class ReturnDamagedInTransitRule
{
    public static void Detect(DetectionContext context)
    {
        var orders = context.OrderReturns;
        foreach (var (key, returns) in orders.Returns)
        {
            if (returns.Damaged.Count == 0 || key.OrderId.Length == 0)
            {
                continue;
            }
            var damagedUnits = 0;
            var anchor = DateOnly.MaxValue;
            var evidence = new List<EvidenceRow>();
            foreach (var row in returns.Damaged)
            {
                damagedUnits += row.Quantity;
                var day = Days.UtcDay(row.ReturnDate);
                anchor = day < anchor ? day : anchor;
                evidence.Add(EvidenceRows.Return(row));
            }

            var applied = new List<AppliedOffset>();
            var units = OrderReturns.Apply(
                damagedUnits, ReimbursementIndex.Offsets(context.Reimbursements.ReturnDamageByOrder.GetValueOrDefault(key)), applied);
            var (_, leftover) = orders.SplitCustomerReturnPayments(context, key);
            units = OrderReturns.Apply(units, leftover, applied);
            if (units <= 0)
            {
                continue;
            }

            var refunds = orders.Refunds.GetValueOrDefault(key);
            foreach (var item in refunds?.Items ?? [])
            {
                evidence.Add(EvidenceRows.Refund(item));
            }
            var fnsku = returns.Damaged[0].Fnsku;
            var value = refunds?.PerUnit is { } perUnit
                ? DetectionContext.Cents(perUnit.Amount * units, perUnit.Currency)
                : context.CostValue(key.Sku, fnsku, anchor, units, evidence);
            context.AddClaim(
                ClaimType.ReturnDamagedInTransit, ClaimIdentity.Key(key.OrderId, key.Sku), fnsku, key.Sku, anchor, units, value, evidence, applied,
                orderId: key.OrderId);
        }
    }
}
