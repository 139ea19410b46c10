using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>
/// One pass over the ledger: the qualifying adjustment rows per FNSKU (losses, found units, damage, disposals) and each
/// shipment's latest Receipts row. Every other row costs two string comparisons, which keeps the pass near memory speed.
/// </summary>
internal sealed class LedgerIndex
{
    private enum Category
    {
        Lost,
        Found,
        Damaged,
        Disposal,
    }

    public LedgerIndex(IReadOnlyList<LedgerEvent> ledger, LedgerCodes codes, bool claimOptionalDamage)
    {
        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        Map(categories, codes.Lost, Category.Lost);
        Map(categories, codes.Found, Category.Found);
        Map(categories, codes.Damaged, Category.Damaged);
        if (claimOptionalDamage)
        {
            Map(categories, codes.OptionalDamaged, Category.Damaged);
        }
        Map(categories, codes.Disposal, Category.Disposal);

        var adjustments = codes.AdjustmentsEventType;
        var receipts = codes.ReceiptsEventType;
        for (var i = 0; i < ledger.Count; i++)
        {
            var row = ledger[i];
            if (string.Equals(row.EventType, adjustments, StringComparison.Ordinal))
            {
                if (row.Quantity != 0 && categories.TryGetValue(row.Reason, out var category))
                {
                    Classify(row, category);
                }
            }
            else if (string.Equals(row.EventType, receipts, StringComparison.Ordinal) && row.ReferenceId.Length > 0)
            {
                if (!LatestReceiptByShipment.TryGetValue(row.ReferenceId, out var latest) || row.Date > latest.Date)
                {
                    LatestReceiptByShipment[row.ReferenceId] = row;
                }
            }
        }
    }

    public Dictionary<string, FnskuAdjustments> ByFnsku { get; } = new(StringComparer.Ordinal);

    /// <summary>Per shipment id (the Receipts row's Reference ID), its latest Receipts row of any FNSKU.</summary>
    public Dictionary<string, LedgerEvent> LatestReceiptByShipment { get; } = new(StringComparer.Ordinal);

    private void Classify(LedgerEvent row, Category category)
    {
        // Losses, damage and disposals take units away; found units bring them back. A row of the other sign is a
        // correction of some other kind and is neither a lot nor an offset.
        var wanted = category == Category.Found ? row.Quantity > 0 : row.Quantity < 0;
        if (!wanted)
        {
            return;
        }
        if (!ByFnsku.TryGetValue(row.Fnsku, out var adjustments))
        {
            ByFnsku[row.Fnsku] = adjustments = new FnskuAdjustments();
        }
        var list = category switch
        {
            Category.Lost => adjustments.Lost,
            Category.Found => adjustments.Found,
            Category.Damaged => adjustments.Damaged,
            _ => adjustments.Disposal,
        };
        list.Add(row);
    }

    private static void Map(Dictionary<string, Category> categories, IReadOnlyList<string> codes, Category category)
    {
        foreach (var code in codes)
        {
            categories[code] = category;
        }
    }
}

/// <summary>One FNSKU's qualifying adjustment rows, in ledger order.</summary>
internal sealed class FnskuAdjustments
{
    public List<LedgerEvent> Lost { get; } = [];

    public List<LedgerEvent> Found { get; } = [];

    public List<LedgerEvent> Damaged { get; } = [];

    public List<LedgerEvent> Disposal { get; } = [];

    /// <summary>
    /// Resolved detail 3: a lot is the sum of one FNSKU's qualifying rows on one ledger Date (units = −Quantity);
    /// identical rows are separate events and all count. Oldest first.
    /// </summary>
    public static List<Lot> LotsPerDate(List<LedgerEvent> rows)
    {
        var sorted = rows.Count > 1 ? [.. rows.OrderBy(r => r.Date)] : rows;
        var lots = new List<Lot>();
        foreach (var row in sorted)
        {
            if (lots.Count == 0 || lots[^1].Date != row.Date)
            {
                lots.Add(new Lot(row.Date, row.Msku));
            }
            lots[^1].Add(-row.Quantity);
            lots[^1].Rows.Add(row);
        }
        return lots;
    }

    /// <summary>Found rows (positive Quantity) as offsets in date order.</summary>
    public static List<Offset> FoundOffsets(List<LedgerEvent> found)
    {
        var offsets = new List<Offset>(found.Count);
        foreach (var row in found)
        {
            offsets.Add(new Offset(row.Date, row.Quantity, OffsetKind.FoundUnits, row.ReferenceId, row.Reason, []));
        }
        offsets.Sort(Offset.Compare);
        return offsets;
    }
}
