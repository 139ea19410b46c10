using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Storage;
using Opside.Api.Tests.Uploads;
using Opside.Grains.Pipeline;
using Opside.Sandbox.Synthetic;
using ClaimStatus = Opside.Sandbox.Synthetic.ClaimStatus;
using ReimbursementRow = Opside.DataPlane.Rows.ReimbursementRow;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// Detection end to end through uploads, for several sellers (seeds): the claim types the four uploadable reports and
/// the cost catalog fully cover match the Sandbox labels and no decoy is claimed; uploading every report and the catalog
/// again, or detecting again, changes nothing; a later payment resolves its claim.
/// </summary>
public sealed class ClaimsUploadTests(ClaimsUploadTests.Api api) : IClassFixture<ClaimsUploadTests.Api>
{
    [Theory]
    [InlineData("A1CLAIMSUPLOAD", SellerScale.Small)]
    [InlineData("A2UPLOADSEED7Q", SellerScale.Small)]
    [InlineData("AX3UPLOADSEED3", SellerScale.Small)]
    [InlineData("A4UPLOADDEMO04", SellerScale.Demo)]
    public async Task Uploaded_reports_give_the_planted_claims_again_and_again_and_a_later_payment_resolves_one(string partner, SellerScale scale)
    {
        var ct = TestContext.Current.CancellationToken;
        // Labels as of today: detection uses today's UTC date.
        var synthetic = SellerGenerator.Generate(partner, DateOnly.FromDateTime(DateTime.UtcNow), scale);
        var (account, token) = await AccountSteps.RegisterSellerAsync(api.Anonymous);
        using var seller = api.Factory.CreateClientWithToken(token);
        await SellerUploadSteps.UploadCostsAsync(seller, account.SellerId, synthetic);
        foreach (var reportType in ReportRenderer.ReportTypes)
            await SellerUploadSteps.UploadReportAsync(seller, account.SellerId, synthetic, reportType);
        var first = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        // The same files again, each one detecting again, then one more detection on the same data.
        foreach (var reportType in ReportRenderer.ReportTypes)
            await SellerUploadSteps.UploadReportAsync(seller, account.SellerId, synthetic, reportType);
        await SellerUploadSteps.UploadCostsAsync(seller, account.SellerId, synthetic);
        var again = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);
        var claims = api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISellerPipelineGrain>(account.SellerId);
        var redetected = (await claims.DetectNowAsync())!;
        var third = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        Assert.Contains(synthetic.Labels.Claims, c => SellerUploadSteps.UploadCovered.Contains(c.Type.ToString()));
        // Reports arrive one at a time, the ledger first: its losses are withheld until the reimbursements that paid
        // them are in, so no claim was ever raised and then resolved, and every claim ever listed is a label.
        Assert.DoesNotContain(first, IsResolved);
        ClaimSteps.AssertExactly(synthetic.Labels.Claims.Where(c => SellerUploadSteps.UploadCovered.Contains(c.Type.ToString())),
            first.Where(c => SellerUploadSteps.UploadCovered.Contains(c.GetProperty("type").GetString())));
        ClaimSteps.AssertNoDecoyClaimed(synthetic.Labels.Decoys, first);
        ClaimSteps.AssertDistinctIds(first);
        // No inbound shipments without the API, so no shipment needs review.
        Assert.Equal((first.Count, 0, 0), (redetected.Claims, redetected.Resolved, redetected.NeedsReview));
        Assert.Equal(first.Select(c => c.GetRawText()), again.Select(c => c.GetRawText()));
        Assert.Equal(first.Select(c => c.GetRawText()), third.Select(c => c.GetRawText()));

        // Amazon pays the oldest lost lot of one FNSKU (in inventory, so no cash amount moves any claim's value).
        var lost = synthetic.Labels.Claims.Where(c => c.Type == ClaimType.WarehouseLost).ToList();
        var fnsku = lost.First(c => c.Status == ClaimStatus.Claimable).Fnsku;
        var oldest = lost.Where(c => c.Fnsku == fnsku).MinBy(c => c.AnchorDate)!;
        var paidAt = new DateTimeOffset(lost.Where(c => c.Fnsku == fnsku).Max(c => c.AnchorDate).ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        var payment = new ReimbursementRow(paidAt, "9999000001", "", "", "Lost_Warehouse", oldest.Sku, fnsku, "B000000000", "Test item", "NewItem", "USD",
            0m, 0m, 0, oldest.Units, oldest.Units, "", "");
        await api.Factory.Services.GetRequiredService<IDataPlaneStore>().ReplaceReimbursementsAsync(account.SellerId, paidAt, paidAt.AddTicks(10), [payment], ct);
        var summary = (await claims.DetectNowAsync())!;
        var after = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        var paid = first.Single(c => ClaimSteps.Describe(c) == ClaimSteps.Describe(oldest));
        var resolved = Assert.Single(after, c => IsResolved(c) && !first.Any(f => f.GetProperty("id").GetString() == c.GetProperty("id").GetString() && IsResolved(f)));
        Assert.Equal(paid.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        Assert.Equal(1, summary.Resolved);
        Assert.Equal(first.Count, after.Count);
        Assert.Equal(paid.GetProperty("history").GetArrayLength() + 1, resolved.GetProperty("history").GetArrayLength());
    }

    /// <summary>One API for the class; each test registers a seller of its own.</summary>
    public sealed class Api : IAsyncLifetime
    {
        public OpsideApiFactory Factory { get; } = new(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = "8000000" });

        public HttpClient Anonymous { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            Anonymous = Factory.CreateClient();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            Anonymous.Dispose();
            await Factory.DisposeAsync();
        }
    }

    private static bool IsResolved(JsonElement claim) => claim.GetProperty("status").GetString() == "ResolvedByAmazon";
}
