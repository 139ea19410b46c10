using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Claims;
using Opside.Grains.Claims;
using Opside.Grains.Scoring;
using Opside.Testing;

namespace Opside.Api.Tests.Scoring;

/// <summary>
/// <c>GET /api/sellers/{id}/filing-plan</c> end to end with scored claims (docs/model-card.md, "Filing plan"): the cap
/// and threshold ops set for the seller, the order, the reasons for what is left out, a later week leaving out the
/// windows that close before it, and bad weeks and settings refused by name.
/// </summary>
public sealed class FilingPlanTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private OpsideApiFactory _factory = null!;
    private HttpClient _ops = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        _ops = _factory.CreateClientWithToken(TestAuth.Ops());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _ops.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task The_plan_holds_the_soonest_scored_claims_within_the_cap_and_names_why_the_others_are_left_out()
    {
        using var train = await _ops.PostAsync("/api/ops/models/train",
            new StringContent("""{ "bootstrapRows": 4000 }""", System.Text.Encoding.UTF8, "application/json"), Ct);
        train.EnsureSuccessStatusCode();
        var (account, token) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        using var seller = _factory.CreateClientWithToken(token);
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        var context = new ScoringContext("US", new Dictionary<string, TypeHistory>());
        // Claimable today (15-day windows): they close 1, 4, 5, 6 and 12 days from today; one has no known value.
        foreach (var (id, closesIn, value) in new[] { ("plan-a", 1, 20m), ("plan-b", 4, 30m), ("plan-c", 6, 40m), ("plan-d", 12, 50m), ("plan-e", 5, (decimal?)null) })
        {
            var facts = ClaimWorkflowTests.Facts(account.SellerId, opensIn: closesIn - 15, value: value, fnsku: "X00" + id.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal));
            await grains.GetGrain<IClaimGrain>(id).UpsertAsync(facts, Today, DateTimeOffset.UtcNow, context);
        }

        using var capped = await _ops.PutAsJsonAsync($"/api/ops/sellers/{account.SellerId}/filing", new { maxPerWeek = 2, threshold = 0.0 }, Ct);
        capped.EnsureSuccessStatusCode();
        var plan = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/filing-plan", Ct);
        var nextWeek = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/filing-plan?week={Week(Today.AddDays(7))}", Ct);
        using var strict = await _ops.PutAsJsonAsync($"/api/ops/sellers/{account.SellerId}/filing", new { threshold = 1.0 }, Ct);
        var none = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/filing-plan", Ct);

        Assert.Equal(Week(Today), plan.GetProperty("week").GetString());
        Assert.Equal(2, plan.GetProperty("cap").GetInt32());
        Assert.Equal(["plan-a", "plan-b"], Ids(plan, "items"));
        Assert.Equal([1, 4], plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("daysLeft").GetInt32()));
        Assert.All(plan.GetProperty("items").EnumerateArray(), i => Assert.Equal("USD", i.GetProperty("expectedRecovery").GetProperty("currency").GetString()));
        Assert.Equal([("plan-e", "ValueUnknown"), ("plan-c", "CapReached"), ("plan-d", "CapReached")], LeftOut(plan));

        // Planned for next Monday: the windows closing before it are closed by then.
        var monday = DateOnly.ParseExact(nextWeek.GetProperty("plannedFor").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        foreach (var (id, reason) in LeftOut(nextWeek).Where(l => l.Reason == "WindowClosed"))
            Assert.True(Today.AddDays(id switch { "plan-a" => 1, "plan-b" => 4, "plan-c" => 6, "plan-e" => 5, _ => 12 }) < monday, id);
        Assert.Contains(("plan-a", "WindowClosed"), LeftOut(nextWeek));

        // A threshold of 1: every claim is shown, none suggested.
        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        Assert.Empty(Ids(none, "items"));
        Assert.Equal(1.0, none.GetProperty("threshold").GetDouble());
        Assert.Equal(5, none.GetProperty("leftOutCount").GetInt32());
        Assert.All(LeftOut(none), l => Assert.Equal("BelowThreshold", l.Reason));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-W60")]
    [InlineData("2020-W01")]
    [InlineData("next")]
    public async Task A_bad_or_past_week_is_refused_by_name(string week)
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        using var seller = _factory.CreateClientWithToken(token);

        using var response = await seller.GetAsync($"/api/sellers/{account.SellerId}/filing-plan?week={week}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("week", out _));
    }

    [Theory]
    [InlineData("""{ "maxPerWeek": 0 }""", "maxPerWeek")]
    [InlineData("""{ "maxPerWeek": 2.5 }""", "maxPerWeek")]
    [InlineData("""{ "threshold": 1.5 }""", "threshold")]
    [InlineData("""{ "threshold": "high" }""", "threshold")]
    public async Task A_bad_filing_setting_is_refused_by_name_and_changes_nothing(string body, string field)
    {
        var (account, _) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());

        using var response = await _ops.PutAsync($"/api/ops/sellers/{account.SellerId}/filing", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var policy = await _ops.GetFromJsonAsync<JsonElement>($"/api/ops/sellers/{account.SellerId}/filing", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("maxPerWeek").ValueKind);
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("threshold").ValueKind);
    }

    private static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    private static string[] Ids(JsonElement plan, string list) => [.. plan.GetProperty(list).EnumerateArray().Select(i => i.GetProperty("claimId").GetString()!)];

    private static (string ClaimId, string Reason)[] LeftOut(JsonElement plan) =>
        [.. plan.GetProperty("leftOut").EnumerateArray().Select(l => (l.GetProperty("claimId").GetString()!, l.GetProperty("reason").GetString()!))];
}
