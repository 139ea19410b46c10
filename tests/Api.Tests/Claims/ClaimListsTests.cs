using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Claims;
using Opside.Testing;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// The seller's lists and summary and the ops queue over the read model (docs/claim-workflow.md, "Lists, summary, ops
/// queue"): filters, text search including the case id, sorting both ways, dueSoon of today, the CSV export with
/// formula cells neutralised, the summary's sums, and the ops queue across sellers.
/// </summary>
public sealed class ClaimListsTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private OpsideApiFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        _anonymous = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_filter_search_sort_export_and_sum_the_sellers_claims_and_ops_see_every_seller_by_soonest_close()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);
        var (other, _) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        var now = DateTimeOffset.UtcNow;
        var id = account.SellerId;

        // Windows closing in 3, 10 and 5 days; the last one is another seller's.
        await grains.GetGrain<IClaimGrain>("list-soon").UpsertAsync(ClaimWorkflowTests.Facts(id, opensIn: -12, value: 10m, fnsku: "X00SOON001"), Today, now);
        await grains.GetGrain<IClaimGrain>("list-later").UpsertAsync(
            ClaimWorkflowTests.Facts(id, opensIn: -5, value: 40m, fnsku: "X00LATER02") with { Sku = "=HYPERLINK(\"x\")" }, Today, now);
        await grains.GetGrain<IClaimGrain>("list-filed").UpsertAsync(ClaimWorkflowTests.Facts(id, opensIn: -10, value: 25m, fnsku: "X00FILED03"), Today, now);
        await grains.GetGrain<IClaimGrain>("list-filed").FileAsync(id, "15678123459", now, "user-1");
        await grains.GetGrain<IClaimGrain>("list-other").UpsertAsync(ClaimWorkflowTests.Facts(other.SellerId, opensIn: -10, value: 99m, fnsku: "X00OTHER04"), Today, now);

        async Task<List<string?>> Ids(string query) =>
            [.. (await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{id}/claims?{query}", Ct)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString())];

        Assert.Equal(["list-soon", "list-filed", "list-later"], await Ids(""));
        Assert.Equal(["list-later", "list-filed", "list-soon"], await Ids("sort=-value"));
        Assert.Equal(["list-filed"], await Ids("q=5678123459"));
        Assert.Equal(["list-later"], await Ids("q=x00later"));
        Assert.Equal(["list-soon"], await Ids("dueSoon=true"));
        Assert.Equal(["list-filed"], await Ids("status=filed"));
        Assert.Empty(await Ids($"anchorTo={Today.AddDays(-60):yyyy-MM-dd}"));
        var soon = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{id}/claims/list-soon", Ct);
        Assert.True(soon.GetProperty("dueSoon").GetBoolean());
        var badSort = await seller.GetAsync($"/api/sellers/{id}/claims?sort=price", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("'sort'", await badSort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var csv = await seller.GetAsync($"/api/sellers/{id}/claims.csv?sort=-value", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("id,type,status,dueSoon,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("list-later,WarehouseLost,Claimable,false,X00LATER02,\"'=HYPERLINK(\"\"x\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",15678123459,", lines[2], StringComparison.Ordinal);

        var summary = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{id}/summary", Ct);
        Assert.Equal(2, summary.GetProperty("byStatus").GetProperty("Claimable").GetProperty("count").GetInt64());
        Assert.Equal(50m, summary.GetProperty("byStatus").GetProperty("Claimable").GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal(3, summary.GetProperty("byType").GetProperty("WarehouseLost").GetProperty("count").GetInt64());
        Assert.Equal(75m, summary.GetProperty("pendingValue").GetProperty("amount").GetDecimal());
        Assert.Equal(0m, summary.GetProperty("recoveredToDate").GetProperty("amount").GetDecimal());
        Assert.Equal(1, summary.GetProperty("dueSoon").GetInt32());

        var queue = await ops.GetFromJsonAsync<JsonElement>("/api/ops/claims?status=Claimable", Ct);
        Assert.Equal(["list-soon", "list-other", "list-later"], queue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var sellerQueue = await seller.GetAsync("/api/ops/claims", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, sellerQueue.StatusCode);
    }
}
