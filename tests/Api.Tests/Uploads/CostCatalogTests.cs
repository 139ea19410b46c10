using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Storage;

namespace Opside.Api.Tests.Uploads;

/// <summary>PUT /costs: the seller's cost catalog, replaced whole by what could be read, never by a file of which nothing could.</summary>
public sealed class CostCatalogTests : IAsyncLifetime
{
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

    [Fact]
    public async Task A_catalog_is_stored_with_its_bad_rows_listed_and_a_second_one_replaces_it()
    {
        var (sellerId, seller) = await SellerAsync();
        var catalog = "sku,unitCost,currency,source,effectiveDate\n" +
            "AB-1234-RED,4.25,USD,invoice INV-1,2025-01-15\n" +
            "AB-1234-RED,-1,USD,invoice INV-2,2025-02-01\n" +
            "\"CD, large\",12.50,usd,\"supplier sheet, v3\",2026-03-01\n";

        var first = await PutAsync(seller, sellerId, catalog);
        var stored = await ReadAsync(sellerId);
        var second = await PutAsync(seller, sellerId, "effectiveDate,sku,currency,unitCost,source,note\n2026-01-01,ZZ-1,USD,3,invoice 9,extra\n");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(2, result.GetProperty("rows").GetInt32());
        Assert.Equal(1, result.GetProperty("rejectedRows").GetInt32());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("unitCost", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["AB-1234-RED", "CD, large"], stored.Select(c => c.Sku));
        Assert.Equal("USD", stored[1].Currency);
        Assert.Equal("supplier sheet, v3", stored[1].Source);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("ZZ-1", Assert.Single(await ReadAsync(sellerId)).Sku);
    }

    [Fact]
    public async Task A_missing_column_or_a_file_of_which_nothing_is_readable_changes_nothing()
    {
        var (sellerId, seller) = await SellerAsync();
        await PutAsync(seller, sellerId, "sku,unitCost,currency,source,effectiveDate\nAB-1,4.25,USD,invoice 1,2025-01-15\n");

        var missing = await PutAsync(seller, sellerId, "sku,unitCost,currency,effectiveDate\nAB-1,5,USD,2025-01-15\n");
        var unreadable = await PutAsync(seller, sellerId, "sku,unitCost,currency,source,effectiveDate\nAB-1,free,USD,invoice 1,someday\n");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("source", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(4.25m, Assert.Single(await ReadAsync(sellerId)).UnitCost);
    }

    private async Task<(string SellerId, HttpClient Seller)> SellerAsync()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        return (account.SellerId, _factory.CreateClientWithToken(token));
    }

    /// <summary>Puts the catalog and waits for the seller's pipeline to ingest it.</summary>
    private static async Task<HttpResponseMessage> PutAsync(HttpClient seller, string sellerId, string csv)
    {
        var response = await seller.PutAsync($"/api/sellers/{sellerId}/costs", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        return response;
    }

    private async Task<IReadOnlyList<Opside.DataPlane.Rows.CostCatalogEntry>> ReadAsync(string sellerId) =>
        await _factory.Services.GetRequiredService<IDataPlaneStore>().ReadCostCatalogAsync(sellerId, TestContext.Current.CancellationToken);
}
