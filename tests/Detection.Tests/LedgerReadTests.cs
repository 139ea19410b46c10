using Opside.DataPlane.Rows;
using Opside.Sandbox.Synthetic;

namespace Opside.Detection.Tests;

/// <summary>
/// The claims grain loads only the ledger rows detection reads (<see cref="LedgerCodes.EventTypesRead"/>) and each
/// MSKU's FNSKU from the whole ledger: detection on that must equal detection on every row.
/// </summary>
public sealed class LedgerReadTests
{
    private const string Order = "111-2223334-4445556";
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Theory]
    [InlineData("A1SELLERSMALL01", "2026-11-20", false)]
    [InlineData("A1SELLERSMALL01", "2026-11-20", true)]
    [InlineData("A2DETECTSEED002", "2026-06-15", false)]
    public void Detection_on_the_rows_it_reads_equals_detection_on_the_whole_ledger(string partnerId, string asOfText, bool hku)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var (seller, data) = SandboxSellers.Load(partnerId, asOf, SellerScale.Small);
        var read = AsLoaded(data);
        var settings = new SellerDetectionSettings(hku);

        var whole = ClaimDetector.Detect(partnerId, data, DetectionPolicy.UnitedStates, settings, seller.AsOf);
        var loaded = ClaimDetector.Detect(partnerId, read, DetectionPolicy.UnitedStates, settings, seller.AsOf);

        // The sellers' ledgers are mostly shipments, which the load leaves out.
        Assert.True(read.Ledger.Count * 2 < data.Ledger.Count, $"{read.Ledger.Count} of {data.Ledger.Count} rows read");
        Assert.NotEmpty(whole.Claims);
        Assert.Equal(
            whole.Claims.Select(c => (c.ClaimId, c.Fnsku, c.Units, c.EstimatedValue, c.Status, c.Evidence.Rows.Count)),
            loaded.Claims.Select(c => (c.ClaimId, c.Fnsku, c.Units, c.EstimatedValue, c.Status, c.Evidence.Rows.Count)));
        Assert.Equal(whole.NeedsReview, loaded.NeedsReview);
    }

    [Fact]
    public void A_refunded_sku_named_only_by_a_ledger_shipment_takes_its_fnsku_from_the_msku_map()
    {
        var data = new TestData().Refund(Day, Order, 1, 24.99m);
        data.Ledger.Add(new LedgerEvent(Day.AddDays(-9), "X00SHIPPED1", TestData.Asin, TestData.Sku, "Test Widget", "Shipments", "", -1, "ONT8",
            "SELLABLE", "", "US", null, null, null, ""));

        var whole = data.ToSellerData();
        var claim = Assert.Single(Detect(whole).Claims);
        var loaded = Assert.Single(Detect(AsLoaded(whole)).Claims);

        Assert.Equal("X00SHIPPED1", claim.Fnsku);
        Assert.Equal("X00SHIPPED1", loaded.Fnsku);
        // Without the map, the rows read alone would not name it.
        Assert.Equal("", Assert.Single(Detect(AsLoaded(whole) with { LedgerFnskuByMsku = null }).Claims).Fnsku);
    }

    private static DetectionResult Detect(SellerData data) =>
        ClaimDetector.Detect(TestData.Seller, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, TestData.AsOf);

    /// <summary>What the stores return: the rows of the event types read, and the first FNSKU per MSKU by date (the rows are in date order).</summary>
    private static SellerData AsLoaded(SellerData data)
    {
        var types = DetectionPolicy.UnitedStates.Ledger.EventTypesRead;
        var fnskus = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in data.Ledger.OrderBy(r => r.Date))
            fnskus.TryAdd(row.Msku, row.Fnsku);
        return data with { Ledger = [.. data.Ledger.Where(r => types.Contains(r.EventType))], LedgerFnskuByMsku = fnskus };
    }
}
