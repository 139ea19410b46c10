namespace Opside.Detection;

/// <summary>The claim types of docs/claim-rules.md v1.</summary>
public enum ClaimType
{
    WarehouseLost,
    WarehouseDamaged,
    UnauthorizedDisposal,
    CustomerReturnNotReceived,
    ReturnDamagedInTransit,
    InboundShortage,
    RemovalShortfall,
    UnderpaidReimbursement,
}
