using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Sandbox.Synthetic;

namespace Opside.Api.Tests.Uploads;

/// <summary>Reports uploaded as Seller Central exports them: read whole, then written, or refused with nothing written.</summary>
public sealed class ReportUploadTests : IAsyncLifetime
{
    private const string Ledger = "GET_LEDGER_DETAIL_VIEW_DATA";
    private static readonly SyntheticSeller Seller = SellerGenerator.Generate("A1UPLOADS", new DateOnly(2026, 11, 1), SellerScale.Small);

    private OpsideApiFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = "4000000" });
        _anonymous = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_ledger_export_is_stored_and_uploading_it_again_changes_nothing()
    {
        var (sellerId, seller) = await SellerAsync();
        var document = ReportRenderer.Render(Seller, Ledger, Seller.HistoryStart.ToDateTime(TimeOnly.MinValue), Seller.AsOf.ToDateTime(TimeOnly.MinValue));

        var first = await UploadAsync(seller, sellerId, Ledger, document.Content, document.ContentType, document.Gzip);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        var counted = await CountAsync(sellerId, DataSource.Ledger);
        var again = await UploadAsync(seller, sellerId, Ledger, document.Content, document.ContentType, document.Gzip);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(document.Rows, result.GetProperty("rows").GetInt32());
        Assert.Equal(0, result.GetProperty("rejectedRows").GetInt32());
        Assert.Equal(document.Rows, counted);
        var upload = await PipelineSteps.UploadAsync(seller, sellerId, result.GetProperty("uploadId").GetString()!);
        Assert.Equal(("Completed", Ledger, (long)document.Rows), (upload.GetProperty("status").GetString(), upload.GetProperty("reportType").GetString(), upload.GetProperty("rows").GetInt64()));
        Assert.Equal(JsonValueKind.String, upload.GetProperty("completedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(counted, await CountAsync(sellerId, DataSource.Ledger));
    }

    [Fact]
    public async Task Rows_that_cannot_be_read_are_listed_with_their_line_and_the_rest_is_stored()
    {
        var (sellerId, seller) = await SellerAsync();
        var text = string.Join('\n',
            "approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type",
            "2026-10-05T09:59:13+00:00\t7384512390\t\t\tLost_Warehouse\tAB-1234-RED\tX001ABC123\tB0ABCDEF12\tAcme Widget\tNewItem\tUSD\t6.12\t6.12\t1\t0\t1\t\t",
            "not a date\t7384512391\t\t\tLost_Warehouse\tAB-1234-RED\tX001ABC123\tB0ABCDEF12\tAcme Widget\tNewItem\tUSD\t6.12\t6.12\t1\t0\t1\t\t");
        var gzipped = Gzip(Encoding.UTF8.GetBytes(text));

        var answer = await UploadAsync(seller, sellerId, "GET_FBA_REIMBURSEMENTS_DATA", gzipped, "text/tab-separated-values; charset=UTF-8", gzip: true);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(1, result.GetProperty("rows").GetInt32());
        Assert.Equal(1, result.GetProperty("rejectedRows").GetInt32());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("approval-date", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(sellerId, DataSource.Reimbursements));
    }

    [Fact]
    public async Task A_missing_column_an_unknown_report_and_an_oversized_file_are_refused_and_change_nothing()
    {
        var (sellerId, seller) = await SellerAsync();
        var noReason = "\"Date\"\t\"FNSKU\"\t\"MSKU\"\t\"Event Type\"\t\"Reference ID\"\t\"Quantity\"\t\"Fulfillment Center\"\t\"Disposition\"\n" +
            "\"10/05/2026\"\t\"X001ABC123\"\t\"AB-1\"\t\"Adjustments\"\t\"1\"\t\"-1\"\t\"ONT8\"\t\"SELLABLE\"\n";
        var huge = new byte[4_000_001];

        var missing = await UploadAsync(seller, sellerId, Ledger, Encoding.UTF8.GetBytes(noReason), "text/tab-separated-values", gzip: false);
        var unknown = await UploadAsync(seller, sellerId, "GET_MERCHANT_LISTINGS_ALL_DATA", Encoding.UTF8.GetBytes(noReason), "text/tab-separated-values", gzip: false);
        var tooLarge = await UploadAsync(seller, sellerId, Ledger, huge, "text/tab-separated-values", gzip: false);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Reason", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("GET_MERCHANT_LISTINGS_ALL_DATA", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(0, await CountAsync(sellerId, DataSource.Ledger));
    }

    private async Task<(string SellerId, HttpClient Seller)> SellerAsync()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        return (account.SellerId, _factory.CreateClientWithToken(token));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient seller, string sellerId, string reportType, byte[] content, string contentType, bool gzip)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (gzip)
            body.Headers.ContentEncoding.Add("gzip");
        return await seller.PostAsync($"/api/sellers/{sellerId}/reports/{reportType}", body, TestContext.Current.CancellationToken);
    }

    private async Task<long> CountAsync(string sellerId, DataSource source) =>
        (await _factory.Services.GetRequiredService<IDataPlaneStore>().CountAsync(sellerId, TestContext.Current.CancellationToken))[source];

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(content);
        return output.ToArray();
    }
}
