using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Testing;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// The statement route's refusals (docs/api.md, "Billing"): each bad parameter answered 400 by name; a month without
/// entries is an empty statement with zero totals; another seller's statement is not found.
/// </summary>
public sealed class BillingStatementTests : IAsyncLifetime
{
    private OpsideApiFactory _factory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("month=2026-13", "month")]
    [InlineData("month=26-11", "month")]
    [InlineData("month=2026-11-01", "month")]
    [InlineData("currency=US", "currency")]
    [InlineData("currency=U$D", "currency")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1001", "pageSize")]
    [InlineData("pageSize=-5", "pageSize")]
    public async Task A_bad_parameter_is_answered_400_by_name(string query, string field)
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        using var seller = _factory.CreateClientWithToken(token);

        using var response = await seller.GetAsync($"/api/sellers/{account.SellerId}/billing/statement?{query}", Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_month_without_entries_is_an_empty_statement_in_the_currency_asked_and_another_sellers_is_not_found()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        var (_, otherToken) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        using var seller = _factory.CreateClientWithToken(token);
        using var other = _factory.CreateClientWithToken(otherToken);

        var statement = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/billing/statement?month=2026-10&currency=cad", Ct);
        using var foreign = await other.GetAsync($"/api/sellers/{account.SellerId}/billing/statement", Ct);

        Assert.Equal(("2026-10", "CAD", 0), (statement.GetProperty("month").GetString(), statement.GetProperty("currency").GetString(), statement.GetProperty("itemCount").GetInt32()));
        Assert.Empty(statement.GetProperty("items").EnumerateArray());
        Assert.Equal(0m, statement.GetProperty("totals").GetProperty("net").GetProperty("amount").GetDecimal());
        Assert.Equal("CAD", statement.GetProperty("totals").GetProperty("charges").GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
