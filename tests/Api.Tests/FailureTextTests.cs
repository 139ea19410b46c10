using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Opside.Api.Tests.Sync;
using Opside.Api.Tests.Uploads;
using Opside.Sandbox.Synthetic;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// An exception's text never reaches an answer or a status a seller reads: it can carry a connection string. The
/// status names what failed in words and an error id; the log has the details under that id, with secrets masked.
/// </summary>
public sealed class FailureTextTests
{
    [Fact]
    public async Task An_unhandled_exception_answers_no_exception_text_even_in_development_and_is_logged_with_the_correlation_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(environment: "Development");
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"{ProbeEndpoints.Prefix}/boom", ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        var correlationId = JsonDocument.Parse(text).RootElement.GetProperty("correlationId").GetString();
        Assert.Contains(factory.Logs.Events, e => e.Exception?.Message == "secret internal detail"
            && LogCapture.Property(e, "CorrelationId") == correlationId);
    }

    [Fact]
    public async Task A_source_failing_with_a_secret_in_its_exception_shows_words_and_an_error_id_and_the_log_masks_the_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: ct);
        await using var api = new OpsideApiFactory(SyncSteps.Settings(sandbox));
        await using var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => FailingDataPlaneStore.Replace(s, "ReplaceReimbursementsAsync")));
        var (sellerId, seller) = await SellerAsync(factory);

        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, sandbox, sellerId, "A1LEAKY");
        var status = await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);
        var raw = await seller.GetStringAsync($"/api/sellers/{sellerId}/sync", ct);

        Assert.Equal("Failed", status.GetProperty("state").GetString());
        Assert.DoesNotContain(FailingDataPlaneStore.Secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=db.internal", raw, StringComparison.Ordinal);
        var reimbursements = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "Reimbursements");
        var lastError = reimbursements.GetProperty("lastError").GetString()!;
        Assert.StartsWith("An internal error occurred (error id ", lastError, StringComparison.Ordinal);
        Assert.Contains("Reimbursements: " + lastError, status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        // The log line with that error id has the exception, with the password masked.
        var errorId = lastError["An internal error occurred (error id ".Length..^2];
        var logged = Assert.Single(api.Logs.Events, e => LogCapture.Property(e, "ErrorId") == errorId);
        Assert.NotNull(logged.Exception);
        Assert.DoesNotContain(FailingDataPlaneStore.Secret, logged.Exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("Host=db.internal", logged.Exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_whose_ingest_fails_with_a_secret_in_its_exception_shows_words_and_an_error_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = new OpsideApiFactory();
        await using var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => FailingDataPlaneStore.Replace(s, "ReplaceLedgerAsync")));
        var (sellerId, seller) = await SellerAsync(factory);
        var synthetic = SellerGenerator.Generate("A1LEAKYUPLOAD", new DateOnly(2026, 11, 1), SellerScale.Small);
        var document = ReportRenderer.Render(synthetic, "GET_LEDGER_DETAIL_VIEW_DATA", synthetic.HistoryStart.ToDateTime(TimeOnly.MinValue), synthetic.AsOf.ToDateTime(TimeOnly.MinValue));
        using var body = new ByteArrayContent(document.Content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(document.ContentType);
        if (document.Gzip)
            body.Headers.ContentEncoding.Add("gzip");

        var accepted = await seller.PostAsync($"/api/sellers/{sellerId}/reports/GET_LEDGER_DETAIL_VIEW_DATA", body, ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var uploadId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("uploadId").GetString()!;
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        var raw = await seller.GetStringAsync($"/api/sellers/{sellerId}/uploads/{uploadId}", ct);

        var upload = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("Failed", upload.GetProperty("status").GetString());
        Assert.DoesNotContain(FailingDataPlaneStore.Secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=db.internal", raw, StringComparison.Ordinal);
        Assert.StartsWith("An internal error occurred (error id ", upload.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static async Task<(string SellerId, HttpClient Seller)> SellerAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        using var anonymous = factory.CreateClient();
        var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
        var seller = factory.CreateClient();
        seller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (account.SellerId, seller);
    }
}
