namespace Opside.Detection;

/// <summary>
/// Which claim types cannot be trusted yet because a source that could show them paid, found or covered holds no
/// rows at all: a seller who has uploaded the ledger but not yet the reimbursements would otherwise see every paid
/// loss as owed. Claims are withheld, not guessed (a bad claim costs the seller more than a late one). Sync loads
/// every source, so this bites only between a seller's uploads. The lots' own source is not checked: without it a
/// rule finds nothing anyway.
/// </summary>
public static class OffsetSources
{
    /// <summary>The claim types to withhold: those with an offsetting source that holds no rows in <paramref name="data"/>.</summary>
    public static IReadOnlySet<ClaimType> Missing(SellerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var paid = data.Reimbursements.Count > 0;
        var withheld = new HashSet<ClaimType>();
        void Need(ClaimType type, bool present)
        {
            if (!present)
                withheld.Add(type);
        }

        Need(ClaimType.WarehouseLost, paid);
        Need(ClaimType.WarehouseDamaged, paid);
        Need(ClaimType.UnauthorizedDisposal, data.RemovalOrders.Count > 0);
        Need(ClaimType.CustomerReturnNotReceived, paid && data.CustomerReturns.Count > 0);
        Need(ClaimType.ReturnDamagedInTransit, paid);
        Need(ClaimType.InboundShortage, paid);
        Need(ClaimType.RemovalShortfall, paid);
        return withheld;
    }
}
