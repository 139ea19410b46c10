using System.Globalization;

namespace Opside.Sandbox.Synthetic;

/// <summary>
/// Collects one seller's events while the background and the plants are generated, hands out ids that never repeat,
/// and writes labels with the claim-rules arithmetic for windows, costs and rounding.
/// </summary>
internal sealed class SellerBuilder(string sellingPartnerId, DateOnly asOf, SeededRandom random)
{
    public static readonly IReadOnlyList<string> FulfillmentCenters = ["ONT8", "MDW2", "PHX7", "LGB8", "BFI4", "DTM2", "SDF8", "TPA1"];

    private static readonly string[] Brands = ["Acme", "Northwind", "Bluebird", "Cedar & Co", "Lumen", "Ridgeway", "Señor Sol", "Crème Maison"];
    private static readonly string[] Products = ["Widget", "Water Bottle", "Yoga Mat", "Café Mug", "Phone Stand", "Garlic Press", "Müsli Jar", "Desk Lamp", "Jalapeño Grinder", "Dog Leash"];
    private static readonly string[] Colors = ["Red", "Blue", "Black", "Sage", "Crème", "Navy", "Grey", "Olive"];
    private static readonly string[] ColorCodes = ["RED", "BLU", "BLK", "SGE", "CRM", "NVY", "GRY", "OLV"];

    private readonly HashSet<string> _issued = [];
    private readonly List<CostRow> _costs = [];

    public SeededRandom Random { get; } = random;

    public string SellingPartnerId { get; } = sellingPartnerId;

    public DateOnly AsOf { get; } = asOf;

    /// <summary>Every event lies strictly before the as-of day, so none is in the future of a sandbox whose clock is on it.</summary>
    public DateOnly LastDay => AsOf.AddDays(-1);

    public DateOnly HistoryStart => AsOf.AddMonths(-18);

    /// <summary>Catalog rows take effect before any event, and before the manufacturing-cost era, so the era rule decides alone.</summary>
    public DateOnly CatalogStart => HistoryStart.AddDays(-30) < new DateOnly(2025, 1, 1) ? HistoryStart.AddDays(-30) : new DateOnly(2025, 1, 1);

    public List<SyntheticSku> Skus { get; } = [];
    public List<LedgerRow> Ledger { get; } = [];
    public List<ReimbursementRow> Reimbursements { get; } = [];
    public List<CustomerReturnRow> Returns { get; } = [];
    public List<RemovalOrderRow> RemovalOrders { get; } = [];
    public List<InboundShipment> Shipments { get; } = [];
    public List<RefundEvent> Refunds { get; } = [];
    public List<ExpectedClaim> Claims { get; } = [];
    public List<DecoyLabel> Decoys { get; } = [];
    public List<NeedsReviewLabel> NeedsReview { get; } = [];

    public IReadOnlyList<CostRow> Costs => _costs;

    public SyntheticSku NewSku(bool inCatalog = true)
    {
        var color = Random.Between(0, Colors.Length - 1);
        var sku = Unique(() => $"{Random.Alphanumeric(2)}-{Random.Digits(4)}-{ColorCodes[color]}");
        var item = new SyntheticSku(
            sku,
            Unique(() => "X00" + Random.Alphanumeric(7)),
            Unique(() => "B0" + Random.Alphanumeric(8)),
            $"{Random.Pick(Brands)} {Random.Pick(Products)}, {Colors[color]}",
            Random.Money(8m, 120m),
            0m);
        item = item with { UnitCost = Math.Max(2m, Math.Round(item.Price * (decimal)(0.15 + (0.25 * Random.NextDouble())), 2)) };
        Skus.Add(item);
        if (inCatalog)
            AddCost(item, item.UnitCost, CatalogStart);
        return item;
    }

    public void AddCost(SyntheticSku item, decimal unitCost, DateOnly effective) =>
        _costs.Add(new CostRow(item.Sku, unitCost, SyntheticSeller.Currency, $"invoice-{Random.Digits(6)}.pdf", effective));

    public string OrderId() => Unique(() => $"{Random.Between(111, 114)}-{Random.Digits(7)}-{Random.Digits(7)}");

    public string ShipmentId() => Unique(() => "FBA" + Random.Alphanumeric(9));

    public string RemovalOrderId() => Unique(() => "RMV" + Random.Digits(7));

    public string Fc() => Random.Pick(FulfillmentCenters);

    public DateTimeOffset At(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue).AddSeconds(Random.Between(0, 86_399)), TimeSpan.Zero);

    public void AddLedger(DateOnly day, SyntheticSku item, string eventType, int quantity, string reason = "", string disposition = "SELLABLE", string? reference = null, string? fc = null)
    {
        var lost = reason is "M" or "5";
        Ledger.Add(new LedgerRow(
            day, item, eventType, reference ?? (eventType == "Shipments" ? "" : Unique(() => Random.Digits(11))), quantity, fc ?? Fc(), disposition, reason,
            lost ? "0" : "", lost ? Math.Abs(quantity).ToString(CultureInfo.InvariantCulture) : ""));
    }

    /// <summary>A damage row and its same-day P row into WAREHOUSE_DAMAGED, as Amazon always writes them.</summary>
    public void AddDamage(DateOnly day, SyntheticSku item, string code, int units)
    {
        var fc = Fc();
        AddLedger(day, item, "Adjustments", -units, code, "SELLABLE", fc: fc);
        AddLedger(day, item, "Adjustments", units, "P", "WAREHOUSE_DAMAGED", fc: fc);
    }

    public ReimbursementRow Reimburse(DateOnly day, string reason, SyntheticSku item, decimal amountPerUnit, int cash, int inventory = 0, string orderId = "", bool byCase = false)
    {
        var row = new ReimbursementRow(
            At(day), ReimbursementId(), byCase ? Random.Digits(11) : "", orderId, reason, item.Sku, item.Fnsku, item.Asin, item.Title,
            cash == 0 ? 0m : amountPerUnit, cash, inventory);
        Reimbursements.Add(row);
        return row;
    }

    /// <summary>A reversal in the shape real exports use: Amazon.Found.&lt;ASIN&gt;, the ASIN as FNSKU, no order id.</summary>
    public ReimbursementRow Reverse(DateOnly day, ReimbursementRow original, SyntheticSku item, int cash, int inventory)
    {
        var row = new ReimbursementRow(
            At(day), ReimbursementId(), "", "", "Reimbursement_Reversal", "Amazon.Found." + item.Asin, item.Asin, item.Asin, item.Title,
            -original.AmountPerUnit, cash, inventory, original.ReimbursementId, original.Reason);
        Reimbursements.Add(row);
        return row;
    }

    public void Refund(DateOnly day, string orderId, SyntheticSku item, int quantity, decimal principal) =>
        Refunds.Add(new RefundEvent(orderId, At(day), item, Random.Digits(14), quantity, principal));

    public void Return(DateOnly day, string orderId, SyntheticSku item, int quantity, string disposition, string reason = "UNWANTED_ITEM", string comments = "")
    {
        var fc = Fc();
        var status = disposition == "SELLABLE" ? "Unit returned to inventory" : "Unit returned to inventory (unsellable)";
        Returns.Add(new CustomerReturnRow(At(day), orderId, item, quantity, fc, disposition, reason, status, "LPN" + Random.Alphanumeric(2) + Random.Digits(9), comments));
        AddLedger(day, item, "CustomerReturns", quantity, "", disposition == "DAMAGED" ? "WAREHOUSE_DAMAGED" : disposition, reference: orderId, fc: fc);
    }

    public RemovalOrderRow Removal(
        DateOnly requested, string orderId, string orderType, string status, DateOnly lastUpdated, SyntheticSku item,
        int requestedUnits, int cancelled = 0, int disposed = 0, int shipped = 0, int inProcess = 0, string disposition = "Unsellable")
    {
        var row = new RemovalOrderRow(
            At(requested), orderId, orderType, status, At(lastUpdated), item, disposition, requestedUnits, cancelled, disposed, shipped, inProcess,
            Math.Round(0.97m * (requestedUnits - cancelled), 2));
        RemovalOrders.Add(row);
        return row;
    }

    public void Claim(ClaimType type, SyntheticSku item, DateOnly anchor, int units, Money? value, string scenario,
        string? orderId = null, string? shipmentId = null, string? removalOrderId = null, string? reimbursementId = null)
    {
        var (opens, closes) = ClaimWindows.Of(type);
        Claims.Add(new ExpectedClaim(
            type, item.Fnsku, item.Sku, orderId, shipmentId, removalOrderId, reimbursementId, anchor, anchor.AddDays(opens), anchor.AddDays(closes),
            units, value, ClaimWindows.StatusOf(type, anchor, AsOf), scenario));
    }

    public void Decoy(ClaimType type, SyntheticSku item, string why, string? orderId = null, string? shipmentId = null, string? removalOrderId = null, string? reimbursementId = null) =>
        Decoys.Add(new DecoyLabel(type, item.Fnsku, item.Sku, orderId, shipmentId, removalOrderId, reimbursementId, why));

    /// <summary>The catalog cost effective on <paramref name="day"/>: the row with the latest effective date on or before it.</summary>
    public decimal? CostOn(SyntheticSku item, DateOnly day) =>
        _costs.Where(c => c.Sku == item.Sku && c.EffectiveDate <= day).OrderBy(c => c.EffectiveDate).Select(c => (decimal?)c.UnitCost).LastOrDefault();

    /// <summary>
    /// "Value of a claim" for the unit-cost types: units × catalog cost, else units × the median amount-per-unit of the
    /// FNSKU's cash-paying non-reversal reimbursements, else unknown. Call after the plant's rows are added.
    /// </summary>
    public Money? CostValue(SyntheticSku item, DateOnly anchor, int units)
    {
        var perUnit = CostOn(item, anchor) ?? Median(item);
        return perUnit is { } amount ? Round(amount * units) : null;
    }

    public static Money Round(decimal amount) => new(Math.Round(amount, 2, MidpointRounding.AwayFromZero), SyntheticSeller.Currency);

    private decimal? Median(SyntheticSku item)
    {
        var paid = Reimbursements
            .Where(r => r.Fnsku == item.Fnsku && r.Reason != "Reimbursement_Reversal" && r.QuantityCash > 0 && r.AmountPerUnit > 0)
            .Select(r => r.AmountPerUnit).Order().ToList();
        if (paid.Count == 0)
            return null;
        var middle = paid.Count / 2;
        return paid.Count % 2 == 1 ? paid[middle] : (paid[middle - 1] + paid[middle]) / 2;
    }

    private string ReimbursementId() => Unique(() => Random.Digits(10));

    private string Unique(Func<string> next)
    {
        while (true)
        {
            var value = next();
            if (_issued.Add(value))
                return value;
        }
    }
}
