using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;

namespace Opside.Api.Tests.Sync;

/// <summary>
/// Sync end to end: the API, a co-hosted silo on SQLite and the Amazon sandbox over loopback HTTP. The sandbox's
/// summary says how many rows it serves per source; after a sync the seller's data plane holds exactly those.
/// </summary>
public sealed class SyncTests : IAsyncLifetime
{
    private SandboxedApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await SandboxedApi.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Connecting_syncs_every_source_and_a_second_sync_leaves_every_count_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_api.Anonymous);
        using var seller = _api.Factory.CreateClientWithToken(token);
        var connectedAt = DateTimeOffset.UtcNow;
        var refreshToken = await SyncSteps.ConnectAsync(seller, _api.Sandbox, account.SellerId, "A1SYNCTWICE");

        var first = await SyncSteps.WaitForSyncAsync(seller, account.SellerId, connectedAt);
        var expected = await SyncSteps.ServedAsync(_api.Sandbox, "A1SYNCTWICE");
        var afterFirst = await SyncSteps.CountsAsync(_api.Factory, account.SellerId);

        var secondAt = DateTimeOffset.UtcNow;
        var started = await seller.PostAsync($"/api/sellers/{account.SellerId}/sync", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var second = await SyncSteps.WaitForSyncAsync(seller, account.SellerId, secondAt);
        var afterSecond = await SyncSteps.CountsAsync(_api.Factory, account.SellerId);

        Assert.Equal("Idle", first.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("lastError").ValueKind);
        Assert.Equal("Idle", second.GetProperty("state").GetString());
        Assert.Equal(expected, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        Assert.All(second.GetProperty("sources").EnumerateArray(), s => Assert.Equal("Synced", s.GetProperty("state").GetString()));
        Assert.All(second.GetProperty("sources").EnumerateArray(), s =>
            Assert.Equal(afterSecond[Enum.Parse<DataSource>(s.GetProperty("source").GetString()!)], s.GetProperty("rowsStored").GetInt64()));
        Assert.True(second.GetProperty("nextScheduledAt").GetDateTimeOffset() > secondAt);

        // Every report document and API page was archived, and no token reached a log line.
        var archived = await _api.Factory.Services.GetRequiredService<IDataPlaneStore>().ListArchivedDocumentsAsync(account.SellerId, ct);
        Assert.Contains(archived, d => d.Source == "GET_LEDGER_DETAIL_VIEW_DATA");
        Assert.Contains(archived, d => d.Source == "listFinancialEvents");
        Assert.Contains(archived, d => d.Source == "getShipmentItems");
        Assert.DoesNotContain(_api.Factory.Logs.Events, e => e.RenderMessage().Contains(refreshToken, StringComparison.Ordinal));
        Assert.DoesNotContain(_api.Factory.Logs.Events, e => e.RenderMessage().Contains("Atza|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Non_ascii_text_from_latin1_and_gzip_documents_arrives_intact()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_api.Anonymous);
        using var seller = _api.Factory.CreateClientWithToken(token);
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, _api.Sandbox, account.SellerId, "A1LATIN1");
        await SyncSteps.WaitForSyncAsync(seller, account.SellerId, connectedAt);

        var store = _api.Factory.Services.GetRequiredService<IDataPlaneStore>();
        var ledger = await store.ReadLedgerAsync(account.SellerId, TestContext.Current.CancellationToken);
        var returns = await store.ReadCustomerReturnsAsync(account.SellerId, TestContext.Current.CancellationToken);
        var text = ledger.Select(r => r.Title).Concat(returns.Select(r => r.CustomerComments)).Concat(returns.Select(r => r.ProductName)).ToList();

        // Nothing decoded into replacement characters, and the sandbox's accented titles came through as such.
        Assert.DoesNotContain(text, t => t.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Contains(text, t => t.Any(c => c > 127));
        var archived = await store.ListArchivedDocumentsAsync(account.SellerId, TestContext.Current.CancellationToken);
        Assert.Contains(archived, d => d.ContentType?.Contains("8859-1", StringComparison.OrdinalIgnoreCase) == true
            || d.ContentType?.Contains("1252", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task A_sync_of_a_seller_with_no_connection_is_refused()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_api.Anonymous);
        using var seller = _api.Factory.CreateClientWithToken(token);

        var answer = await seller.PostAsync($"/api/sellers/{account.SellerId}/sync", null, TestContext.Current.CancellationToken);
        var status = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/sync", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no Amazon connection", (await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Idle", status.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastStartedAt").ValueKind);
    }
}
