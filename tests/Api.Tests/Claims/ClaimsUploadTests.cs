using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;
using Opside.Sandbox.Synthetic;
using ClaimStatus = Opside.Sandbox.Synthetic.ClaimStatus;
using ReimbursementRow = Opside.DataPlane.Rows.ReimbursementRow;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// Detection end to end through uploads: the claim types the four uploadable reports and the cost catalog fully
/// cover match the Sandbox labels; uploading a report again changes nothing; a later payment resolves its claim.
/// </summary>
public sealed class ClaimsUploadTests : IAsyncLifetime
{
    // Refunds and inbound shipments come only from the APIs, so their claim types (and the return split that depends
    // on refunds) are checked through sync (ClaimsSyncTests).
    private static readonly string[] UploadCovered =
        [nameof(ClaimType.WarehouseLost), nameof(ClaimType.WarehouseDamaged), nameof(ClaimType.UnauthorizedDisposal),
         nameof(ClaimType.RemovalShortfall), nameof(ClaimType.UnderpaidReimbursement)];

    private OpsideApiFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = "8000000" });
        _anonymous = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Uploaded_reports_give_the_planted_claims_again_and_again_and_a_later_payment_resolves_one()
    {
        var ct = TestContext.Current.CancellationToken;
        // Labels as of today: detection uses today's UTC date.
        var synthetic = SellerGenerator.Generate("A1CLAIMSUPLOAD", DateOnly.FromDateTime(DateTime.UtcNow), SellerScale.Small);
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);
        using (var costs = new StringContent(CostCatalogCsv.Render(synthetic), Encoding.UTF8, "text/csv"))
            Assert.Equal(HttpStatusCode.OK, (await seller.PutAsync($"/api/sellers/{account.SellerId}/costs", costs, ct)).StatusCode);
        foreach (var reportType in ReportRenderer.ReportTypes)
            Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(seller, account.SellerId, synthetic, reportType)).StatusCode);

        var first = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(seller, account.SellerId, synthetic, ReportRenderer.ReportTypes[0])).StatusCode);
        var again = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        var expected = synthetic.Labels.Claims.Where(c => UploadCovered.Contains(c.Type.ToString())).Select(ClaimSteps.Describe).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        // Reports arrive one at a time: the ledger alone shows losses that the reimbursements uploaded next resolve,
        // so those claims stay listed as ResolvedByAmazon; the open ones are exactly the labels.
        Assert.Equal(expected, first.Where(c => UploadCovered.Contains(c.GetProperty("type").GetString()) && !IsResolved(c)).Select(ClaimSteps.Describe).Order(StringComparer.Ordinal));
        Assert.Equal(first.Select(c => c.GetRawText()), again.Select(c => c.GetRawText()));

        // Amazon pays the oldest lost lot of one FNSKU (in inventory, so no cash amount moves any claim's value).
        var lost = synthetic.Labels.Claims.Where(c => c.Type == ClaimType.WarehouseLost).ToList();
        var fnsku = lost.First(c => c.Status == ClaimStatus.Claimable).Fnsku;
        var oldest = lost.Where(c => c.Fnsku == fnsku).MinBy(c => c.AnchorDate)!;
        var paidAt = new DateTimeOffset(lost.Where(c => c.Fnsku == fnsku).Max(c => c.AnchorDate).ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        var payment = new ReimbursementRow(paidAt, "9999000001", "", "", "Lost_Warehouse", oldest.Sku, fnsku, "B000000000", "Test item", "NewItem", "USD",
            0m, 0m, 0, oldest.Units, oldest.Units, "", "");
        await _factory.Services.GetRequiredService<IDataPlaneStore>().ReplaceReimbursementsAsync(account.SellerId, paidAt, paidAt.AddTicks(10), [payment], ct);
        var summary = await _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISellerClaimsGrain>(account.SellerId).DetectAsync();
        var after = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        var paid = first.Single(c => ClaimSteps.Describe(c) == ClaimSteps.Describe(oldest));
        var resolved = Assert.Single(after, c => IsResolved(c) && !first.Any(f => f.GetProperty("id").GetString() == c.GetProperty("id").GetString() && IsResolved(f)));
        Assert.Equal(paid.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        Assert.Equal(1, summary.Resolved);
        Assert.Equal(first.Count, after.Count);
        Assert.Equal(paid.GetProperty("history").GetArrayLength() + 1, resolved.GetProperty("history").GetArrayLength());
    }

    private static bool IsResolved(JsonElement claim) => claim.GetProperty("status").GetString() == "ResolvedByAmazon";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient seller, string sellerId, SyntheticSeller synthetic, string reportType)
    {
        var document = ReportRenderer.Render(synthetic, reportType, synthetic.HistoryStart.ToDateTime(TimeOnly.MinValue), synthetic.AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue));
        using var body = new ByteArrayContent(document.Content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(document.ContentType);
        if (document.Gzip)
            body.Headers.ContentEncoding.Add("gzip");
        return await seller.PostAsync($"/api/sellers/{sellerId}/reports/{reportType}", body, TestContext.Current.CancellationToken);
    }
}
