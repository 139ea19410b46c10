using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>
/// Units that may be owed, dated (a ledger day, a shipment's last receipt, a removal's last update), with what FIFO
/// netting has taken from it. <see cref="Reference"/> is the shipment or removal order id for the lots that have one.
/// </summary>
internal sealed class Lot(DateOnly date, string sku, string reference = "")
{
    private List<AppliedOffset>? _applied;

    public DateOnly Date { get; } = date;

    public string Sku { get; } = sku;

    public string Reference { get; } = reference;

    public int Units { get; private set; }

    public int Remaining { get; private set; }

    /// <summary>The ledger rows summed into this lot, for evidence.</summary>
    public List<LedgerEvent> Rows { get; } = [];

    public IReadOnlyList<AppliedOffset> Applied => _applied ?? (IReadOnlyList<AppliedOffset>)[];

    public void Add(int units)
    {
        Units += units;
        Remaining += units;
    }

    /// <summary>Takes up to <paramref name="units"/> for <paramref name="offset"/>; returns how many were taken.</summary>
    public int Take(in Offset offset, int units)
    {
        var taken = Math.Min(units, Remaining);
        if (taken <= 0)
        {
            return 0;
        }
        Remaining -= taken;
        (_applied ??= []).Add(new AppliedOffset(offset.Kind, offset.Date, taken, offset.Reference, offset.Reason, offset.NettedReversalIds));
        return taken;
    }
}
