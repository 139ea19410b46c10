using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>
/// A reimbursement item row with the reversals that name it netted in (resolved detail 1): it offsets
/// <see cref="NetUnits"/> (its quantity-reimbursed-total plus the reversals') at its own approval day.
/// </summary>
internal sealed class NettedReimbursement(ReimbursementRow row)
{
    private List<ReimbursementRow>? _reversals;

    public ReimbursementRow Row { get; } = row;

    public DateOnly Day { get; } = Days.UtcDay(row.ApprovalDate);

    public int NetUnits { get; private set; } = row.QuantityReimbursedTotal;

    public int NetCash { get; private set; } = row.QuantityReimbursedCash;

    public IReadOnlyList<ReimbursementRow> Reversals => _reversals ?? (IReadOnlyList<ReimbursementRow>)[];

    public void Net(ReimbursementRow reversal)
    {
        NetUnits += reversal.QuantityReimbursedTotal;
        NetCash += reversal.QuantityReimbursedCash;
        (_reversals ??= []).Add(reversal);
    }

    public Offset ToOffset(int units) =>
        new(Day, units, OffsetKind.Reimbursement, Row.ReimbursementId, Row.Reason, [.. Reversals.Select(r => r.ReimbursementId)]);
}
