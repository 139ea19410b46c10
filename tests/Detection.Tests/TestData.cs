using Opside.DataPlane.Rows;

namespace Opside.Detection.Tests;

/// <summary>Row builders for hand-written cases: only the columns a rule reads vary, the rest are plausible constants.</summary>
internal sealed class TestData
{
    public const string Seller = "A1TESTSELLER01";
    public const string Fnsku = "X00TEST0001";
    public const string Sku = "TS-0001-RED";
    public const string Asin = "B0TEST00001";

    public static readonly DateOnly AsOf = new(2026, 10, 1);

    public List<LedgerEvent> Ledger { get; } = [];
    public List<ReimbursementRow> Reimbursements { get; } = [];
    public List<CustomerReturnRow> Returns { get; } = [];
    public List<RemovalOrderRow> Removals { get; } = [];
    public List<InboundShipment> Shipments { get; } = [];
    public List<InboundShipmentItem> ShipmentItems { get; } = [];
    public List<RefundItem> Refunds { get; } = [];
    public List<CostCatalogEntry> Costs { get; } = [];

    public static DateTimeOffset At(DateOnly day, int hour = 12) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public TestData Adjust(DateOnly day, int quantity, string reason, string fnsku = Fnsku, string sku = Sku, string reference = "1234567890")
    {
        Ledger.Add(new LedgerEvent(day, fnsku, Asin, sku, "Test Widget", "Adjustments", reference, quantity, "ONT8", "SELLABLE", reason, "US", null, null, null, ""));
        return this;
    }

    public TestData Receipt(DateOnly day, string shipmentId, int quantity, string fnsku = Fnsku, string sku = Sku)
    {
        Ledger.Add(new LedgerEvent(day, fnsku, Asin, sku, "Test Widget", "Receipts", shipmentId, quantity, "ONT8", "SELLABLE", "", "US", null, null, null, ""));
        return this;
    }

    public ReimbursementRow Reimburse(DateOnly day, string id, string reason, decimal perUnit, int cash, int inventory = 0, string orderId = "", string fnsku = Fnsku, string sku = Sku, string asin = Asin)
    {
        var row = new ReimbursementRow(At(day), id, "", orderId, reason, sku, fnsku, asin, "Test Widget", "NewItem", "USD",
            perUnit, perUnit * cash, cash, inventory, cash + inventory, "", "");
        Reimbursements.Add(row);
        return row;
    }

    /// <summary>The shape real exports use: sku Amazon.Found.&lt;ASIN&gt;, the ASIN as FNSKU, no order id.</summary>
    public ReimbursementRow Reverse(DateOnly day, string id, ReimbursementRow original, int cash, int inventory)
    {
        var row = new ReimbursementRow(At(day), id, "", "", "Reimbursement_Reversal", "Amazon.Found." + original.Asin, original.Asin, original.Asin, "Test Widget",
            "NewItem", "USD", -original.AmountPerUnit, -original.AmountPerUnit * Math.Abs(cash), cash, inventory, cash + inventory, original.ReimbursementId, original.Reason);
        Reimbursements.Add(row);
        return row;
    }

    public TestData Refund(DateOnly day, string orderId, int quantity, decimal principal, string sku = Sku)
    {
        Refunds.Add(new RefundItem(orderId, At(day), "Amazon.com", sku, "55500011122233", quantity, -principal, "USD"));
        return this;
    }

    public TestData Return(DateOnly day, string orderId, int quantity, string disposition, string fnsku = Fnsku, string sku = Sku)
    {
        Returns.Add(new CustomerReturnRow(At(day), orderId, sku, Asin, fnsku, "Test Widget", quantity, "ONT8", disposition, "UNWANTED_ITEM", "Unit returned to inventory", "LPN0001", ""));
        return this;
    }

    public TestData Removal(DateOnly requested, string orderId, string type, string status, DateOnly updated, int requestedUnits,
        int cancelled = 0, int disposed = 0, int shipped = 0, int inProcess = 0, string fnsku = Fnsku, string sku = Sku)
    {
        Removals.Add(new RemovalOrderRow(At(requested), orderId, type, "Standard", status, At(updated), sku, fnsku, "Unsellable",
            requestedUnits, cancelled, disposed, shipped, inProcess, 0.97m, "USD"));
        return this;
    }

    public TestData Shipment(string shipmentId, string status, params (string Fnsku, string Sku, int Shipped, int Received)[] items)
    {
        Shipments.Add(new InboundShipment(shipmentId, "FBA (test) - 1", status, "ONT8"));
        foreach (var (fnsku, sku, shipped, received) in items)
        {
            ShipmentItems.Add(new InboundShipmentItem(shipmentId, sku, fnsku, shipped, received, 12));
        }
        return this;
    }

    public TestData Cost(decimal unitCost, DateOnly effective, string sku = Sku)
    {
        Costs.Add(new CostCatalogEntry(sku, unitCost, "USD", "invoice-1.pdf", effective));
        return this;
    }

    public SellerData ToSellerData() => new(Ledger, Reimbursements, Returns, Removals, Shipments, ShipmentItems, Refunds, Costs);

    public DetectionResult Detect(DateOnly? asOf = null, bool hku = false) =>
        ClaimDetector.Detect(Seller, ToSellerData(), DetectionPolicy.UnitedStates, new SellerDetectionSettings(hku), asOf ?? AsOf);

    public IReadOnlyList<ClaimCandidate> Claims(ClaimType type, DateOnly? asOf = null, bool hku = false) =>
        [.. Detect(asOf, hku).Claims.Where(c => c.Type == type)];
}
