using Opside.Sandbox.Synthetic;
using Synthetic = Opside.Sandbox.Synthetic;

namespace Opside.Detection.Tests;

/// <summary>
/// The detector against the Sandbox's planted claims: every label found exactly (type, keys, anchor, window, units,
/// value, status), nothing else claimed (the background is claim-free by construction), no decoy claimed, and the
/// needs-review shipments equal.
/// </summary>
public sealed class SandboxLabelTests
{
    public static TheoryData<string, string, SellerScale> Sellers => new()
    {
        { "A1SELLERSMALL01", "2026-11-20", SellerScale.Small },
        { "A2DETECTSEED002", "2026-06-15", SellerScale.Small },
        { "A3QZ7KP0WXM1R9", "2025-09-01", SellerScale.Small },
        { "AHX4TT2NB8V5LQ", "2027-02-28", SellerScale.Small },
        { "A5LEAPYEAR00005", "2028-03-01", SellerScale.Small },
        { "ADEMOSELLER0001", "2026-11-20", SellerScale.Demo },
    };

    [Theory]
    [MemberData(nameof(Sellers))]
    public void Every_planted_claim_is_found_exactly_and_nothing_else(string partnerId, string asOfText, SellerScale scale)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var (seller, data) = SandboxSellers.Load(partnerId, asOf, scale);

        var result = ClaimDetector.Detect(partnerId, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, seller.AsOf);

        var expected = seller.Labels.Claims.Select(Describe).Order(StringComparer.Ordinal).ToList();
        // Four plants per type in each window state; underpayment has no "opens tomorrow" (its window opens on the anchor).
        Assert.Equal((Enum.GetValues<Synthetic.ClaimType>().Length * 4) - 1, expected.Count);
        var found = result.Claims.Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, found);

        // A refund names only the SKU. Where no report pairs that SKU with an FNSKU the claim's FNSKU is empty (the
        // key is order id + SKU); where one does, it must be the label's.
        foreach (var claim in result.Claims.Where(c => c.Type == ClaimType.CustomerReturnNotReceived && c.Fnsku.Length > 0))
        {
            Assert.Equal(seller.Labels.Claims.Single(l => l.OrderId == claim.OrderId && l.Sku == claim.Sku).Fnsku, claim.Fnsku);
        }

        foreach (var decoy in seller.Labels.Decoys)
        {
            Assert.DoesNotContain(result.Claims, c => IsClaimOf(c, decoy));
        }

        Assert.Equal(result.Claims.Count, result.Claims.Select(c => c.ClaimId).Distinct().Count());
        var review = seller.Labels.NeedsReview.Select(n => $"{n.ShipmentId} {n.Fnsku} {n.Sku} {n.Shortage}").Order(StringComparer.Ordinal);
        Assert.Equal(review, result.NeedsReview.Select(n => $"{n.ShipmentId} {n.Fnsku} {n.Sku} {n.Shortage}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hku_opt_in_claims_the_planted_customer_damage_decoy_too()
    {
        var (seller, data) = SandboxSellers.Load("A1SELLERSMALL01", new DateOnly(2026, 11, 20), SellerScale.Small);

        var result = ClaimDetector.Detect("A1SELLERSMALL01", data, DetectionPolicy.UnitedStates, new SellerDetectionSettings(ClaimDamageCodesHKU: true), seller.AsOf);

        var hku = seller.Labels.Decoys.Single(d => d.Type == Synthetic.ClaimType.WarehouseDamaged && d.Why.Contains("H, K and U", StringComparison.Ordinal));
        var claim = Assert.Single(result.Claims, c => c.Type == ClaimType.WarehouseDamaged && c.Fnsku == hku.Fnsku);
        Assert.Equal(3, claim.Units);
    }

    private static string Describe(ExpectedClaim c) =>
        Line(c.Type.ToString(), c.Type == Synthetic.ClaimType.CustomerReturnNotReceived ? "(fnsku)" : c.Fnsku, c.Sku, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReimbursementId, c.AnchorDate, c.WindowOpens, c.WindowCloses,
            c.Units, c.EstimatedValue is { } v ? $"{v.Amount:0.00} {v.Currency}" : "unknown", c.Status.ToString());

    private static string Describe(ClaimCandidate c) =>
        Line(c.Type.ToString(), c.Type == ClaimType.CustomerReturnNotReceived ? "(fnsku)" : c.Fnsku, c.Sku, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReimbursementId, c.AnchorDate, c.WindowOpens, c.WindowCloses,
            c.Units, c.EstimatedValue is { } v ? $"{v.Amount:0.00} {v.Currency}" : "unknown", c.Status.ToString());

    private static string Line(string type, string fnsku, string sku, string? order, string? shipment, string? removal, string? reimbursement,
        DateOnly anchor, DateOnly opens, DateOnly closes, int units, string value, string status) =>
        string.Join(' ', type, fnsku, sku, order ?? "-", shipment ?? "-", removal ?? "-", reimbursement ?? "-",
            anchor.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            opens.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            units.ToString(System.Globalization.CultureInfo.InvariantCulture), value, status);

    private static bool IsClaimOf(ClaimCandidate claim, DecoyLabel decoy) =>
        claim.Type.ToString() == decoy.Type.ToString()
        && claim.Fnsku == decoy.Fnsku
        && (decoy.OrderId is null || claim.OrderId == decoy.OrderId)
        && (decoy.ShipmentId is null || claim.ShipmentId == decoy.ShipmentId)
        && (decoy.RemovalOrderId is null || claim.RemovalOrderId == decoy.RemovalOrderId)
        && (decoy.Type != Synthetic.ClaimType.UnderpaidReimbursement || claim.ReimbursementId == decoy.ReimbursementId);
}
