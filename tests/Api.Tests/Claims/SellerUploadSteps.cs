using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opside.Api.Tests.Uploads;
using ClaimType = Opside.Detection.ClaimType;
using Opside.Sandbox.Synthetic;

namespace Opside.Api.Tests.Claims;

/// <summary>A synthetic seller's exports and cost catalog uploaded as the seller would, each waited for through the pipeline.</summary>
internal static class SellerUploadSteps
{
    /// <summary>
    /// The claim types the four uploadable reports and the cost catalog fully cover. Refunds and inbound shipments come
    /// only from the APIs, so their claim types (and the return split that depends on refunds) need a sync.
    /// </summary>
    public static readonly string[] UploadCovered =
        [nameof(ClaimType.WarehouseLost), nameof(ClaimType.WarehouseDamaged), nameof(ClaimType.UnauthorizedDisposal),
         nameof(ClaimType.RemovalShortfall), nameof(ClaimType.UnderpaidReimbursement)];

    /// <summary>The cost catalog, then every uploadable report.</summary>
    public static async Task UploadEverythingAsync(HttpClient seller, string sellerId, SyntheticSeller synthetic)
    {
        await UploadCostsAsync(seller, sellerId, synthetic);
        foreach (var reportType in ReportRenderer.ReportTypes)
            await UploadReportAsync(seller, sellerId, synthetic, reportType);
    }

    public static async Task UploadCostsAsync(HttpClient seller, string sellerId, SyntheticSeller synthetic)
    {
        using var costs = new StringContent(CostCatalogCsv.Render(synthetic), Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await seller.PutAsync($"/api/sellers/{sellerId}/costs", costs, TestContext.Current.CancellationToken)).StatusCode);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
    }

    /// <summary>The whole history of one report, as the seller would export it; every row read, none rejected.</summary>
    public static async Task UploadReportAsync(HttpClient seller, string sellerId, SyntheticSeller synthetic, string reportType)
    {
        var document = ReportRenderer.Render(synthetic, reportType, synthetic.HistoryStart.ToDateTime(TimeOnly.MinValue), synthetic.AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue));
        using var body = new ByteArrayContent(document.Content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(document.ContentType);
        if (document.Gzip)
            body.Headers.ContentEncoding.Add("gzip");
        var response = await seller.PostAsync($"/api/sellers/{sellerId}/reports/{reportType}", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((document.Rows, 0), (result.GetProperty("rows").GetInt32(), result.GetProperty("rejectedRows").GetInt32()));
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
    }
}
