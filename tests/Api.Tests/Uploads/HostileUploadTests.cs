using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Claims;
using Opside.DataPlane.Storage;
using Opside.Sandbox.Synthetic;

namespace Opside.Api.Tests.Uploads;

/// <summary>
/// Files built to hurt, through the real route: each answers a 4xx problem naming what is wrong, and the seller's
/// stored rows and claims are exactly what they were before it. Well-formed quirks (a BOM with CRLF, Latin-1 bytes)
/// are read as the data they are.
/// </summary>
public sealed class HostileUploadTests(HostileUploadTests.Api api) : IClassFixture<HostileUploadTests.Api>
{
    private const string Ledger = "GET_LEDGER_DETAIL_VIEW_DATA";
    private const string Reimbursements = "GET_FBA_REIMBURSEMENTS_DATA";
    private const int MaxInflatedBytes = 64 * 1024 * 1024;
    private const int MaxErrorsListed = 25;
    private static readonly SyntheticSeller Seller = SellerGenerator.Generate("A1HOSTILE", DateOnly.FromDateTime(DateTime.UtcNow), SellerScale.Small);
    private static readonly string LedgerHeader = string.Join('\t', ReportRenderer.LedgerHeader.Select(h => $"\"{h}\""));

    public static TheoryData<string, string> Corpus() => new()
    {
        { "zero-byte gzip bomb", "400 Line 1 is longer than" },
        { "inflates past the limit", $"413 {MaxInflatedBytes}" },
        { "three million rejected lines", "422 3000000" },
        { "one 20 MB line", "400 Line 2 is longer than" },
        { "truncated gzip", "400 not a valid gzip stream" },
        { "gzip declared, wrong magic", "400 not a valid gzip stream" },
        { "unknown report type", $"400 {Ledger}" },
        { "empty body", "400 The upload is empty" },
        { "header only", "422 holds no rows" },
        { "a quote that never closes", "400 longer than" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_hostile_file_answers_a_problem_naming_it_and_changes_nothing(string file, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await SeededSellerAsync();
        using var _ = seller;
        var before = await SnapshotAsync(seller, sellerId);

        var (reportType, content, gzip) = Hostile(file);
        using var response = await PostAsync(seller, sellerId, reportType, content, "text/tab-separated-values; charset=UTF-8", gzip);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);

        var status = int.Parse(expected[..3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains(expected[4..], problem.GetRawText(), StringComparison.Ordinal);
        if (problem.TryGetProperty("uploadId", out var uploadId))
        {
            var upload = await PipelineSteps.UploadAsync(seller, sellerId, uploadId.GetString()!);
            Assert.Equal("Rejected", upload.GetProperty("status").GetString());
        }

        if (file == "three million rejected lines")
        {
            // Counted, and only the first few kept.
            Assert.Equal(3_000_000, problem.GetProperty("rejectedRows").GetInt64());
            Assert.Equal(MaxErrorsListed, problem.GetProperty("errors").GetArrayLength());
        }

        Assert.Equal(before, await SnapshotAsync(seller, sellerId));
    }

    [Fact]
    public async Task A_BOM_with_CRLF_and_Latin_1_bytes_are_read_as_the_data_they_are()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await SeededSellerAsync();
        using var _ = seller;
        var ledgerBefore = await SnapshotAsync(seller, sellerId);

        // The same ledger with a BOM and CRLF line ends: it replaces the same range with the same rows.
        var (text, rows) = ReportRenderer.RenderText(Seller, Ledger, Start, End, new DocumentQuirks(Gzip: false, Crlf: true, DocumentCharset.Utf8, ExtraColumn: false, FinalNewline: true));
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using (var response = await PostAsync(seller, sellerId, Ledger, bom, "text/tab-separated-values; charset=UTF-8", gzip: false))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(rows, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("rows").GetInt32());
        }

        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        Assert.Equal(ledgerBefore, await SnapshotAsync(seller, sellerId));

        // A product name in Latin-1 bytes, declared as such.
        var payment = string.Join('\n', string.Join('\t', ReportRenderer.ReimbursementsHeader),
            "2020-01-02T09:59:13+00:00\t7384519999\t\t\tLost_Warehouse\tCAFE-1\tX00CAFE001\tB0CAFE0001\tCafé crème, 250 g\tNewItem\tUSD\t6.12\t6.12\t1\t0\t1\t\t");
        using (var response = await PostAsync(seller, sellerId, Reimbursements, Encoding.Latin1.GetBytes(payment), "text/tab-separated-values; charset=ISO-8859-1", gzip: false))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);

        var stored = await api.Factory.Services.GetRequiredService<IDataPlaneStore>().ReadReimbursementsAsync(sellerId, ct);
        Assert.Equal("Café crème, 250 g", Assert.Single(stored, r => r.ReimbursementId == "7384519999").ProductName);
    }

    [Fact]
    public async Task An_upload_is_found_only_under_its_own_seller()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await SeededSellerAsync();
        var (otherId, other) = await SellerAsync();
        using var _ = seller;
        using var __ = other;
        var document = ReportRenderer.Render(Seller, Reimbursements, Start, End);
        using var response = await PostAsync(seller, sellerId, Reimbursements, document.Content, document.ContentType, document.Gzip);
        var uploadId = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("uploadId").GetString();

        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync($"/api/sellers/{sellerId}/uploads/{uploadId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/sellers/{sellerId}/uploads/{uploadId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/sellers/{otherId}/uploads/{uploadId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await seller.GetAsync($"/api/sellers/{sellerId}/uploads/not-an-upload", ct)).StatusCode);
    }

    /// <summary>One API for the class, with limits small enough to reach quickly.</summary>
    public sealed class Api : IAsyncLifetime
    {
        public OpsideApiFactory Factory { get; } = new(new Dictionary<string, string?>
        {
            ["Uploads:MaxBytes"] = "40000000",
            ["Uploads:MaxInflatedBytes"] = MaxInflatedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Uploads:MaxErrorsListed"] = MaxErrorsListed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

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

    private static DateTimeOffset Start => Seller.HistoryStart.ToDateTime(TimeOnly.MinValue);

    private static DateTimeOffset End => Seller.AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue);

    private static (string ReportType, byte[] Content, bool Gzip) Hostile(string file) => file switch
    {
        "zero-byte gzip bomb" => (Ledger, Gzip(new byte[MaxInflatedBytes / 2]), true),
        // Valid lines (the header, then empty ones) past the inflated limit: only the limit stops it.
        "inflates past the limit" => (Ledger, Gzip([.. Encoding.UTF8.GetBytes(LedgerHeader + "\n"), .. Enumerable.Repeat((byte)'\n', MaxInflatedBytes + 1)]), true),
        "three million rejected lines" => (Ledger, Gzip(Encoding.UTF8.GetBytes(LedgerHeader + "\n" + string.Concat(Enumerable.Repeat("x\n", 3_000_000)))), true),
        "one 20 MB line" => (Ledger, Gzip(Encoding.UTF8.GetBytes(LedgerHeader + "\n" + new string('a', 20_000_000) + "\n")), true),
        "truncated gzip" => (Ledger, Truncated(Gzip(LedgerText())), true),
        "gzip declared, wrong magic" => (Ledger, Encoding.UTF8.GetBytes(LedgerHeader + "\n"), true),
        "unknown report type" => ("GET_MERCHANT_LISTINGS_ALL_DATA", Encoding.UTF8.GetBytes(LedgerHeader + "\n"), false),
        "empty body" => (Ledger, [], false),
        "header only" => (Ledger, Encoding.UTF8.GetBytes(LedgerHeader + "\n"), false),
        // Short lines inside one quoted field: no line is long, the row is.
        "a quote that never closes" => (Ledger, Gzip(Encoding.UTF8.GetBytes(LedgerHeader + "\n\"" + string.Concat(Enumerable.Repeat("short line\n", 3_000_000)))), true),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    /// <summary>A seller with a ledger and reimbursements stored and detected: the data a bad file must leave alone.</summary>
    private async Task<(string SellerId, HttpClient Seller)> SeededSellerAsync()
    {
        var (sellerId, seller) = await SellerAsync();
        foreach (var reportType in new[] { Reimbursements, Ledger })
        {
            var document = ReportRenderer.Render(Seller, reportType, Start, End);
            using var response = await PostAsync(seller, sellerId, reportType, document.Content, document.ContentType, document.Gzip);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        return (sellerId, seller);
    }

    private async Task<(string SellerId, HttpClient Seller)> SellerAsync()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(api.Anonymous);
        return (account.SellerId, api.Factory.CreateClientWithToken(token));
    }

    /// <summary>The seller's stored ledger and reimbursements and its claims, as text to compare.</summary>
    private async Task<string> SnapshotAsync(HttpClient seller, string sellerId)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = api.Factory.Services.GetRequiredService<IDataPlaneStore>();
        var ledger = await store.ReadLedgerAsync(sellerId, ct);
        var reimbursements = await store.ReadReimbursementsAsync(sellerId, ct);
        var claims = await ClaimSteps.AllClaimsAsync(seller, sellerId);
        Assert.NotEmpty(ledger);
        return string.Join('\n', ledger.Select(r => r.ToString()).Concat(reimbursements.Select(r => r.ToString())).Concat(claims.Select(c => c.GetRawText())));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient seller, string sellerId, string reportType, byte[] content, string contentType, bool gzip)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (gzip)
            body.Headers.ContentEncoding.Add("gzip");
        return await seller.PostAsync($"/api/sellers/{sellerId}/reports/{reportType}", body, TestContext.Current.CancellationToken);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(content);
        return output.ToArray();
    }

    private static byte[] LedgerText()
    {
        var document = ReportRenderer.Render(Seller, Ledger, Start, End);
        return document.Gzip ? Gunzip(document.Content) : document.Content;
    }

    private static byte[] Gunzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Truncated(byte[] content) => content[..(content.Length * 2 / 3)];
}
