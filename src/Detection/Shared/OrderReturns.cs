using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>
/// Refunds, returns and the post-order reimbursements per (order id, SKU), shared by the two customer-return rules,
/// with the split of resolved detail 6: CustomerReturn and CustomerServiceIssue units go first to the units never
/// returned, and only the rest to units returned damaged.
/// </summary>
internal sealed class OrderReturns
{
    public OrderReturns(DetectionContext context)
    {
        foreach (var refund in context.Data.Refunds)
        {
            var key = new OrderSku(refund.AmazonOrderId, refund.SellerSku);
            if (!Refunds.TryGetValue(key, out var group))
            {
                Refunds[key] = group = new RefundGroup();
            }
            group.Add(refund);
        }
        var damaged = context.Policy.TransitDamageDispositions;
        foreach (var row in context.Data.CustomerReturns)
        {
            var key = new OrderSku(row.OrderId, row.Sku);
            if (!Returns.TryGetValue(key, out var group))
            {
                Returns[key] = group = new ReturnGroup();
            }
            group.Add(row, IsAny(damaged, row.DetailedDisposition));
        }
    }

    public Dictionary<OrderSku, RefundGroup> Refunds { get; } = [];

    public Dictionary<OrderSku, ReturnGroup> Returns { get; } = [];

    /// <summary>Refunded units not returned (resolved detail 7: every returns row of the order and SKU counts).</summary>
    public int NotReturned(OrderSku key) =>
        Refunds.TryGetValue(key, out var refunds)
            ? Math.Max(0, refunds.Quantity - (Returns.TryGetValue(key, out var returns) ? returns.Returned : 0))
            : 0;

    /// <summary>
    /// The CustomerReturn/CustomerServiceIssue offsets of an order and SKU in date order, split into what pays units
    /// never returned (up to <see cref="NotReturned"/>) and what is left for damaged returns.
    /// </summary>
    public (List<Offset> NotReceived, List<Offset> Damaged) SplitCustomerReturnPayments(DetectionContext context, OrderSku key)
    {
        var notReceived = new List<Offset>();
        var damaged = new List<Offset>();
        var budget = NotReturned(key);
        foreach (var offset in ReimbursementIndex.Offsets(context.Reimbursements.CustomerReturnByOrder.GetValueOrDefault(key)))
        {
            var first = Math.Min(budget, offset.Units);
            budget -= first;
            if (first > 0)
            {
                notReceived.Add(offset with { Units = first });
            }
            if (offset.Units - first > 0)
            {
                damaged.Add(offset with { Units = offset.Units - first });
            }
        }
        return (notReceived, damaged);
    }

    /// <summary>Takes <paramref name="offsets"/> from <paramref name="units"/> in order; returns the units left and what was applied.</summary>
    public static int Apply(int units, List<Offset> offsets, List<AppliedOffset> applied)
    {
        foreach (var offset in offsets)
        {
            var taken = Math.Min(units, offset.Units);
            if (taken <= 0)
            {
                break;
            }
            units -= taken;
            applied.Add(new AppliedOffset(offset.Kind, offset.Date, taken, offset.Reference, offset.Reason, offset.NettedReversalIds));
        }
        return units;
    }

    private static bool IsAny(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The refund items of one order and SKU (resolved detail 11).</summary>
internal sealed class RefundGroup
{
    public List<RefundItem> Items { get; } = [];

    public int Quantity { get; private set; }

    public decimal Principal { get; private set; }

    public DateOnly FirstPosted { get; private set; } = DateOnly.MaxValue;

    public string Currency { get; private set; } = "";

    public bool MixedCurrency { get; private set; }

    /// <summary>|Σ Principal| ÷ Σ quantity, or null when it cannot be known.</summary>
    public Money? PerUnit => Quantity > 0 && !MixedCurrency ? new Money(Math.Abs(Principal) / Quantity, Currency) : null;

    public void Add(RefundItem item)
    {
        if (Items.Count == 0)
        {
            Currency = item.Currency;
        }
        else if (!string.Equals(Currency, item.Currency, StringComparison.OrdinalIgnoreCase))
        {
            MixedCurrency = true;
        }
        Items.Add(item);
        Quantity += item.QuantityShipped;
        Principal += item.Principal;
        var posted = Days.UtcDay(item.PostedDate);
        if (posted < FirstPosted)
        {
            FirstPosted = posted;
        }
    }
}

/// <summary>The customer returns rows of one order and SKU, and those damaged in transit.</summary>
internal sealed class ReturnGroup
{
    public List<CustomerReturnRow> Rows { get; } = [];

    public List<CustomerReturnRow> Damaged { get; } = [];

    public int Returned { get; private set; }

    public void Add(CustomerReturnRow row, bool damagedInTransit)
    {
        Rows.Add(row);
        Returned += row.Quantity;
        if (damagedInTransit)
        {
            Damaged.Add(row);
        }
    }
}
