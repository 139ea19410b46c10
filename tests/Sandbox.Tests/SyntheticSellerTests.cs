using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.Tests;

public sealed class SyntheticSellerTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 15);

    [Fact]
    public void The_same_partner_and_as_of_give_byte_identical_documents_and_other_partners_differ()
    {
        var first = SellerGenerator.Generate("A1SEED0000001", AsOf, SellerScale.Small);
        var again = SellerGenerator.Generate("A1SEED0000001", AsOf, SellerScale.Small);
        var other = SellerGenerator.Generate("A1SEED0000002", AsOf, SellerScale.Small);
        var (start, end) = WholeHistory(first);
        foreach (var type in ReportRenderer.ReportTypes)
        {
            Assert.Equal(ReportRenderer.Render(first, type, start, end).Content, ReportRenderer.Render(again, type, start, end).Content);
            Assert.NotEqual(ReportRenderer.Render(first, type, start, end).Content, ReportRenderer.Render(other, type, start, end).Content);
        }

        Assert.Equal(CostCatalogCsv.Render(first), CostCatalogCsv.Render(again));
        Assert.Equal(first.Labels.Claims, again.Labels.Claims);
        Assert.NotEqual(first.Labels.Claims.Select(c => c.Fnsku), other.Labels.Claims.Select(c => c.Fnsku));
    }

    [Fact]
    public void Labels_cover_every_claim_type_in_every_window_state_that_can_exist()
    {
        var labels = SellerGenerator.Generate("A1COVERAGE0001", AsOf, SellerScale.Small).Labels;
        foreach (var type in Enum.GetValues<ClaimType>())
        {
            foreach (var status in Enum.GetValues<ClaimStatus>())
            {
                // An underpayment's window opens on its approval day, and no row is dated after the as-of day.
                if (type == ClaimType.UnderpaidReimbursement && status == ClaimStatus.Watching)
                    continue;
                Assert.Contains(labels.Claims, c => c.Type == type && c.Status == status);
            }

            if (type != ClaimType.UnderpaidReimbursement)
                Assert.Contains(labels.Claims, c => c.Type == type && c.Status == ClaimStatus.Claimable && c.WindowOpens == AsOf);
            Assert.Contains(labels.Claims, c => c.Type == type && c.Status == ClaimStatus.Claimable && c.WindowCloses == AsOf);
            Assert.Contains(labels.Decoys, d => d.Type == type);
        }

        Assert.Contains(labels.Claims, c => c.Type == ClaimType.UnderpaidReimbursement && c.WindowOpens == AsOf.AddDays(-1));
        Assert.Single(labels.NeedsReview);
        Assert.Contains(labels.Claims, c => c.EstimatedValue is null);
        Assert.All(labels.Claims, c => Assert.Equal(ClaimWindows.StatusOf(c.Type, c.AnchorDate, AsOf), c.Status));
    }

    [Theory]
    [InlineData("A1SANDBOXDEMO01", SellerScale.Small)]
    [InlineData("A2SECONDSELLER9", SellerScale.Small)]
    [InlineData("A3THIRDSELLERX", SellerScale.Small)]
    [InlineData("A1SANDBOXDEMO01", SellerScale.Demo)]
    public void The_claims_in_the_data_are_exactly_the_labelled_ones(string partner, SellerScale scale)
    {
        var seller = SellerGenerator.Generate(partner, AsOf, scale);
        var (found, review) = ReferenceDetector.Detect(seller);

        var expected = seller.Labels.Claims.Select(c => new ReferenceDetector.Found(c.Type, KeyOf(c), c.AnchorDate, c.Units)).OrderBy(Text).ToList();
        Assert.Equal(expected.Select(Text), found.OrderBy(Text).Select(Text));
        Assert.Equal(seller.Labels.NeedsReview.Select(n => n.ShipmentId + "|" + n.Fnsku), review);
        foreach (var decoy in seller.Labels.Decoys)
            Assert.DoesNotContain(found, f => f.Type == decoy.Type && f.Key.Contains(decoy.OrderId ?? decoy.Fnsku, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_follow_catalog_cost_median_refund_principal_and_half_away_from_zero_rounding()
    {
        var seller = SellerGenerator.Generate("A1VALUES000001", AsOf, SellerScale.Small);
        var claims = seller.Labels.Claims;

        // Two refunds of 19.99 and 20.00 for one unit owed: 19.995 rounds to 20.00.
        var rounded = Assert.Single(claims, c => c.Type == ClaimType.CustomerReturnNotReceived && c.Scenario.Contains("half-cent", StringComparison.Ordinal));
        Assert.Equal(new Money(20.00m, "USD"), rounded.EstimatedValue);

        // No catalog row: the mean of the two middle cash payments of the FNSKU.
        var median = Assert.Single(claims, c => c.Scenario.Contains("median", StringComparison.Ordinal));
        Assert.DoesNotContain(seller.Costs, c => c.Sku == median.Sku);
        var paid = seller.Reimbursements.Where(r => r.Fnsku == median.Fnsku && r.QuantityCash > 0 && r.AmountPerUnit > 0).Select(r => r.AmountPerUnit).Order().ToList();
        Assert.Equal(2, paid.Count);
        Assert.Equal(Math.Round((paid[0] + paid[1]) / 2 * median.Units, 2, MidpointRounding.AwayFromZero), median.EstimatedValue!.Amount);

        // A cost catalog row effective on the anchor date multiplies the units.
        var lost = claims.First(c => c.Type == ClaimType.WarehouseLost && c.Status == ClaimStatus.Watching);
        var cost = seller.Costs.Where(c => c.Sku == lost.Sku && c.EffectiveDate <= lost.AnchorDate).MaxBy(c => c.EffectiveDate)!;
        Assert.Equal(cost.UnitCost * lost.Units, lost.EstimatedValue!.Amount);

        // The underpayment uses the catalog row effective on the approval date, not the earlier nor the later one.
        var changed = Assert.Single(claims, c => c.Scenario.Contains("effective on the approval date", StringComparison.Ordinal));
        var rows = seller.Costs.Where(c => c.Sku == changed.Sku).OrderBy(c => c.EffectiveDate).ToList();
        Assert.Equal(3, rows.Count);
        var payment = seller.Reimbursements.Single(r => r.ReimbursementId == changed.ReimbursementId);
        Assert.Equal(rows[1].UnitCost - payment.AmountPerUnit, changed.EstimatedValue!.Amount);
    }

    [Fact]
    public void Planted_rows_sum_as_their_labels_say()
    {
        var seller = SellerGenerator.Generate("A1ROWSUMS00001", AsOf, SellerScale.Small);
        foreach (var claim in seller.Labels.Claims.Where(c => c.Type is ClaimType.WarehouseLost or ClaimType.WarehouseDamaged or ClaimType.UnauthorizedDisposal))
        {
            string[] codes = claim.Type switch { ClaimType.WarehouseLost => ["M", "5"], ClaimType.WarehouseDamaged => ["E", "6", "7"], _ => ["D"] };
            var lot = -seller.Ledger.Where(r => r.Item.Fnsku == claim.Fnsku && r.Date == claim.AnchorDate && codes.Contains(r.Reason)).Sum(r => r.Quantity);
            Assert.InRange(claim.Units, 1, lot);
        }

        foreach (var claim in seller.Labels.Claims.Where(c => c.Type == ClaimType.InboundShortage))
        {
            var item = seller.Shipments.Single(s => s.ShipmentId == claim.ShipmentId).Items.Single(i => i.Item.Fnsku == claim.Fnsku);
            Assert.InRange(claim.Units, 1, item.QuantityShipped - item.QuantityReceived);
            Assert.Equal(claim.AnchorDate, seller.Ledger.Where(r => r.EventType == "Receipts" && r.ReferenceId == claim.ShipmentId).Max(r => r.Date));
        }

        // Every plant has SKUs of its own: no background row touches a labelled FNSKU.
        var planted = seller.Labels.Claims.Select(c => c.Fnsku).Concat(seller.Labels.Decoys.Select(d => d.Fnsku)).ToHashSet();
        var shared = seller.Shipments.Where(s => s.Items.Any(i => planted.Contains(i.Item.Fnsku)) && s.Items.Any(i => !planted.Contains(i.Item.Fnsku)));
        Assert.All(shared, s => Assert.Equal("CLOSED", s.Status)); // only the planted two-item shipment mixes in its own extra SKU
        Assert.Equal(planted.Count, seller.Labels.Claims.Select(c => c.Fnsku).Concat(seller.Labels.Decoys.Select(d => d.Fnsku)).Distinct().Count());
    }

    internal static (DateTimeOffset Start, DateTimeOffset End) WholeHistory(SyntheticSeller seller) =>
        (new DateTimeOffset(seller.HistoryStart.AddYears(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
         new DateTimeOffset(seller.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private static string KeyOf(ExpectedClaim c) => c.Type switch
    {
        ClaimType.CustomerReturnNotReceived or ClaimType.ReturnDamagedInTransit => c.OrderId + "|" + c.Sku,
        ClaimType.InboundShortage => c.ShipmentId + "|" + c.Fnsku,
        ClaimType.RemovalShortfall => c.RemovalOrderId + "|" + c.Fnsku,
        ClaimType.UnderpaidReimbursement => c.ReimbursementId + "|" + c.Fnsku,
        _ => c.Fnsku + "|" + c.AnchorDate,
    };

    private static string Text(ReferenceDetector.Found f) => $"{f.Type} {f.Key} {f.Anchor:yyyy-MM-dd} {f.Units}";
}
