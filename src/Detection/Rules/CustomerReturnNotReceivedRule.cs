using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// CustomerReturnNotReceived, per (order id, SKU): refunded units (anchor: the earliest refund PostedDate) minus every
/// returned unit, minus the CustomerReturn/CustomerServiceIssue units that go to unreturned units first. A positive
/// remainder is claimed at the refunded principal per unit.
/// </summary>
internal static class CustomerReturnNotReceivedRule
{
    public static void Detect(DetectionContext context)
    {
        var orders = context.OrderReturns;
        foreach (var (key, refunds) in orders.Refunds)
        {
            var notReturned = orders.NotReturned(key);
            if (notReturned <= 0 || key.OrderId.Length == 0)
            {
                continue;
            }
            var applied = new List<AppliedOffset>();
            var returns = orders.Returns.GetValueOrDefault(key);
            foreach (var row in returns?.Rows ?? [])
            {
                applied.Add(new AppliedOffset(OffsetKind.ReturnedUnits, Days.UtcDay(row.ReturnDate), row.Quantity, row.OrderId, row.DetailedDisposition, []));
            }
            var (payments, _) = orders.SplitCustomerReturnPayments(context, key);
            var units = OrderReturns.Apply(notReturned, payments, applied);
            if (units <= 0)
            {
                continue;
            }

            var evidence = new List<EvidenceRow>();
            foreach (var item in refunds.Items)
            {
                evidence.Add(EvidenceRows.Refund(item));
            }
            var fnsku = context.FnskuOf(key.Sku);
            var anchor = refunds.FirstPosted;
            var value = refunds.PerUnit is { } perUnit
                ? DetectionContext.Cents(perUnit.Amount * units, perUnit.Currency)
                : context.CostValue(key.Sku, fnsku, anchor, units, evidence);
            context.AddClaim(
                ClaimType.CustomerReturnNotReceived, ClaimIdentity.Key(key.OrderId, key.Sku), fnsku, key.Sku, anchor, units, value, evidence, applied,
                orderId: key.OrderId);
        }
    }
}
