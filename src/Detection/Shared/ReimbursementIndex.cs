using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>
/// The reimbursements report netted and routed once per detection run: reversals netted into the row they name, each
/// row routed to the one claim type it can offset (resolved detail 6), and the cash payments per FNSKU that the
/// median value fallback reads.
/// </summary>
internal sealed class ReimbursementIndex
{
    private readonly Dictionary<string, List<decimal>> _cashPerUnitByFnsku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _currencyByFnsku = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mixedCurrency = new(StringComparer.Ordinal);

    public ReimbursementIndex(IReadOnlyList<ReimbursementRow> rows, ReimbursementReasons reasons, DateOnly asOf)
    {
        var originals = new Dictionary<string, List<NettedReimbursement>>(StringComparer.Ordinal);
        List<ReimbursementRow>? reversals = null;
        foreach (var row in rows)
        {
            if (string.Equals(row.Reason, reasons.Reversal, StringComparison.Ordinal))
            {
                (reversals ??= []).Add(row);
                continue;
            }
            var netted = new NettedReimbursement(row);
            All.Add(netted);
            if (!originals.TryGetValue(row.ReimbursementId, out var items))
            {
                originals[row.ReimbursementId] = items = [];
            }
            items.Add(netted);
            if (row.QuantityReimbursedCash > 0 && row.AmountPerUnit > 0 && netted.Day <= asOf)
            {
                AddCashPayment(row);
            }
        }

        foreach (var reversal in reversals ?? [])
        {
            if (originals.TryGetValue(reversal.OriginalReimbursementId, out var items) && OriginalOf(items, reversal) is { } original)
            {
                original.Net(reversal);
            }
        }

        foreach (var netted in All)
        {
            Route(netted, reasons);
        }
    }

    /// <summary>Every non-reversal row, netted, in report order.</summary>
    public List<NettedReimbursement> All { get; } = [];

    public Dictionary<string, List<NettedReimbursement>> LostWarehouseByFnsku { get; } = new(StringComparer.Ordinal);

    /// <summary>Damaged_Warehouse without an order id: a warehouse damage payment.</summary>
    public Dictionary<string, List<NettedReimbursement>> WarehouseDamageByFnsku { get; } = new(StringComparer.Ordinal);

    /// <summary>Damaged_Warehouse with an order id: a post-order payment for a return.</summary>
    public Dictionary<OrderSku, List<NettedReimbursement>> ReturnDamageByOrder { get; } = [];

    /// <summary>CustomerReturn and CustomerServiceIssue, per order and SKU.</summary>
    public Dictionary<OrderSku, List<NettedReimbursement>> CustomerReturnByOrder { get; } = [];

    public Dictionary<string, List<NettedReimbursement>> LostInboundByFnsku { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<NettedReimbursement>> RemovalLostByFnsku { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Resolved detail 10: the median amount-per-unit of the FNSKU's cash payments (any reason but reversal, approved
    /// on or before asOf); an even count takes the mean of the middle two. Null when there is none, or when they are
    /// in more than one currency (no single price to quote).
    /// </summary>
    public Money? MedianCashPerUnit(string fnsku)
    {
        if (!_cashPerUnitByFnsku.TryGetValue(fnsku, out var amounts) || _mixedCurrency.Contains(fnsku))
        {
            return null;
        }
        amounts.Sort();
        var middle = amounts.Count / 2;
        var median = amounts.Count % 2 == 1 ? amounts[middle] : (amounts[middle - 1] + amounts[middle]) / 2;
        return new Money(median, _currencyByFnsku[fnsku]);
    }

    /// <summary>Positive net units of <paramref name="payments"/> as offsets in date order.</summary>
    public static List<Offset> Offsets(List<NettedReimbursement>? payments)
    {
        var offsets = new List<Offset>();
        foreach (var payment in payments ?? [])
        {
            if (payment.NetUnits > 0)
            {
                offsets.Add(payment.ToOffset(payment.NetUnits));
            }
        }
        offsets.Sort(Offset.Compare);
        return offsets;
    }

    /// <summary>
    /// The item row a reversal nets into: the only row of its original, or, when the original has several, the one
    /// whose FNSKU or ASIN is the reversal's FNSKU or ASIN (real reversals carry the ASIN as FNSKU). Ambiguous: none.
    /// </summary>
    private static NettedReimbursement? OriginalOf(List<NettedReimbursement> items, ReimbursementRow reversal)
    {
        if (items.Count == 1)
        {
            return items[0];
        }
        NettedReimbursement? match = null;
        foreach (var item in items)
        {
            if (Names(item.Row, reversal.Fnsku) || Names(item.Row, reversal.Asin))
            {
                if (match is not null)
                {
                    return null;
                }
                match = item;
            }
        }
        return match;
    }

    private static bool Names(ReimbursementRow row, string id) =>
        id.Length > 0 && (string.Equals(row.Fnsku, id, StringComparison.Ordinal) || string.Equals(row.Asin, id, StringComparison.Ordinal));

    private void AddCashPayment(ReimbursementRow row)
    {
        if (!_cashPerUnitByFnsku.TryGetValue(row.Fnsku, out var amounts))
        {
            _cashPerUnitByFnsku[row.Fnsku] = amounts = [];
            _currencyByFnsku[row.Fnsku] = row.Currency;
        }
        else if (!string.Equals(_currencyByFnsku[row.Fnsku], row.Currency, StringComparison.OrdinalIgnoreCase))
        {
            _mixedCurrency.Add(row.Fnsku);
        }
        amounts.Add(row.AmountPerUnit);
    }

    private void Route(NettedReimbursement netted, ReimbursementReasons reasons)
    {
        var row = netted.Row;
        var reason = row.Reason;
        var hasOrder = row.AmazonOrderId.Length > 0;
        if (string.Equals(reason, reasons.LostWarehouse, StringComparison.Ordinal))
        {
            Add(LostWarehouseByFnsku, row.Fnsku, netted);
        }
        else if (string.Equals(reason, reasons.DamagedWarehouse, StringComparison.Ordinal))
        {
            if (hasOrder)
            {
                Add(ReturnDamageByOrder, new OrderSku(row.AmazonOrderId, row.Sku), netted);
            }
            else
            {
                Add(WarehouseDamageByFnsku, row.Fnsku, netted);
            }
        }
        else if (string.Equals(reason, reasons.CustomerReturn, StringComparison.Ordinal)
            || string.Equals(reason, reasons.CustomerServiceIssue, StringComparison.Ordinal))
        {
            if (hasOrder)
            {
                Add(CustomerReturnByOrder, new OrderSku(row.AmazonOrderId, row.Sku), netted);
            }
        }
        else if (string.Equals(reason, reasons.LostInbound, StringComparison.Ordinal))
        {
            Add(LostInboundByFnsku, row.Fnsku, netted);
        }
        else if (string.Equals(reason, reasons.RemovalOrderLost, StringComparison.Ordinal))
        {
            Add(RemovalLostByFnsku, row.Fnsku, netted);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<NettedReimbursement>> index, TKey key, NettedReimbursement netted)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(netted);
    }
}
