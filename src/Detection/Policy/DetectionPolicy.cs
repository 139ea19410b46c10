namespace Opside.Detection;

/// <summary>
/// The policy numbers and vocabulary of docs/claim-rules.md for one marketplace, as data: windows per claim type, ledger
/// codes, reimbursement reasons, the statuses and dispositions rules key on, the manufacturing-cost era (from which
/// Amazon pays lost and damaged units at manufacturing cost) and the underpayment tolerance.
/// </summary>
public sealed record DetectionPolicy(
    string Marketplace,
    IReadOnlyDictionary<ClaimType, ClaimWindow> Windows,
    LedgerCodes Ledger,
    ReimbursementReasons Reasons,
    IReadOnlyList<string> TransitDamageDispositions,
    string ClosedShipmentStatus,
    string CompletedRemovalStatus,
    string DisposalOrderType,
    DateOnly ManufacturingCostEra,
    decimal UnderpaymentTolerance)
{
    /// <summary>The US marketplace, the default for every marketplace until another has its own numbers.</summary>
    public static DetectionPolicy UnitedStates { get; } = new(
        "ATVPDKIKX0DER",
        new Dictionary<ClaimType, ClaimWindow>
        {
            [ClaimType.WarehouseLost] = new(45, 60),
            [ClaimType.WarehouseDamaged] = new(45, 60),
            [ClaimType.UnauthorizedDisposal] = new(7, 60),
            [ClaimType.CustomerReturnNotReceived] = new(60, 120),
            [ClaimType.ReturnDamagedInTransit] = new(30, 90),
            [ClaimType.InboundShortage] = new(15, 60),
            [ClaimType.RemovalShortfall] = new(15, 75),
            [ClaimType.UnderpaidReimbursement] = new(0, 60),
        },
        new LedgerCodes(
            AdjustmentsEventType: "Adjustments",
            ReceiptsEventType: "Receipts",
            Lost: ["M", "5"],
            Found: ["F", "N"],
            Damaged: ["E", "6", "7"],
            OptionalDamaged: ["H", "K", "U"],
            Disposal: ["D"]),
        new ReimbursementReasons(
            LostWarehouse: "Lost_Warehouse",
            DamagedWarehouse: "Damaged_Warehouse",
            CustomerReturn: "CustomerReturn",
            CustomerServiceIssue: "CustomerServiceIssue",
            LostInbound: "Lost_Inbound",
            RemovalOrderLost: "Removal_Order_Lost",
            Reversal: "Reimbursement_Reversal"),
        TransitDamageDispositions: ["CARRIER_DAMAGED", "DAMAGED"],
        ClosedShipmentStatus: "CLOSED",
        CompletedRemovalStatus: "Completed",
        DisposalOrderType: "Disposal",
        ManufacturingCostEra: new DateOnly(2025, 3, 10),
        UnderpaymentTolerance: 0.95m);

    /// <summary>The policy of a marketplace id; the US policy for every marketplace that has none of its own yet.</summary>
    public static DetectionPolicy ForMarketplace(string marketplaceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(marketplaceId);
        return UnitedStates;
    }

    public ClaimWindow WindowOf(ClaimType type) =>
        Windows.TryGetValue(type, out var window) ? window : throw new ArgumentOutOfRangeException(nameof(type), type, $"No window for {type} in the {Marketplace} policy.");
}
