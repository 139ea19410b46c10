using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Opside.Sandbox.Synthetic;

namespace Opside.Detection.Tests;

public sealed class IdentityAndDeterminismTests
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public void The_claim_id_is_the_sha256_prefix_of_seller_type_and_key()
    {
        var data = new TestData().Adjust(Day, -1, "M");

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        var text = $"{TestData.Seller}\u001fWarehouseLost\u001f{TestData.Fnsku}|2026-07-01";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        Assert.Equal(expected, claim.ClaimId);
    }

    [Fact]
    public void The_claim_id_survives_more_data_and_differs_by_seller_and_type()
    {
        var before = Assert.Single(new TestData().Adjust(Day, -2, "M").Claims(ClaimType.WarehouseLost));
        var more = new TestData().Adjust(Day, -2, "M").Adjust(Day.AddDays(3), 1, "F").Adjust(Day.AddDays(9), -1, "E");

        var after = Assert.Single(more.Claims(ClaimType.WarehouseLost));
        var other = ClaimDetector.Detect("A2OTHERSELLER", more.ToSellerData(), DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, TestData.AsOf);

        Assert.Equal(before.ClaimId, after.ClaimId);
        Assert.Equal(1, after.Units);
        Assert.NotEqual(after.ClaimId, Assert.Single(more.Claims(ClaimType.WarehouseDamaged)).ClaimId);
        Assert.NotEqual(after.ClaimId, other.Claims.Single(c => c.Type == ClaimType.WarehouseLost).ClaimId);
    }

    [Fact]
    public void Detecting_twice_gives_equal_results_and_the_same_ids()
    {
        var (seller, data) = SandboxSellers.Load("A1SELLERSMALL01", new DateOnly(2026, 11, 20), SellerScale.Small);

        var first = ClaimDetector.Detect(seller.SellingPartnerId, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, seller.AsOf);
        var second = ClaimDetector.Detect(seller.SellingPartnerId, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, seller.AsOf);

        Assert.NotEmpty(first.Claims);
        Assert.Equal(first.Claims.Select(c => c.ClaimId), second.Claims.Select(c => c.ClaimId));
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
    }

    [Fact]
    public void Row_order_does_not_change_the_result()
    {
        var (seller, data) = SandboxSellers.Load("A2DETECTSEED002", new DateOnly(2026, 6, 15), SellerScale.Small);
        var shuffled = data with
        {
            Ledger = [.. data.Ledger.Reverse()],
            Reimbursements = [.. data.Reimbursements.Reverse()],
            CustomerReturns = [.. data.CustomerReturns.Reverse()],
            RemovalOrders = [.. data.RemovalOrders.Reverse()],
            ShipmentItems = [.. data.ShipmentItems.Reverse()],
            Refunds = [.. data.Refunds.Reverse()],
            CostCatalog = [.. data.CostCatalog.Reverse()],
        };

        var first = ClaimDetector.Detect(seller.SellingPartnerId, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, seller.AsOf);
        var second = ClaimDetector.Detect(seller.SellingPartnerId, shuffled, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, seller.AsOf);

        Assert.Equal(
            first.Claims.Select(c => (c.ClaimId, c.Units, c.EstimatedValue, c.Status)),
            second.Claims.Select(c => (c.ClaimId, c.Units, c.EstimatedValue, c.Status)));
    }
}
