using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Claims;

namespace Opside.Api.Tests.Claims;

/// <summary>One claim grain in a running host: idempotent upserts, the calendar moving its status, resolution, and the read model behind the API.</summary>
public sealed class ClaimGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

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

    private static ClaimFacts Facts(string sellerId, int units = 2, decimal? value = 12.24m) => new(
        sellerId, "WarehouseLost", "X001ABC123|2026-10-05", "X001ABC123", "AB-1234-RED", null, null, null, null,
        new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 19), new DateOnly(2026, 12, 4), units,
        value is { } v ? new ClaimMoney(v, "USD") : null,
        [new ClaimEvidenceRow("GET_LEDGER_DETAIL_VIEW_DATA", [new ClaimField("Date", "10/05/2026"), new ClaimField("Reason", "M"), new ClaimField("Quantity", "-2")])],
        [new ClaimOffset("FoundUnits", new DateOnly(2026, 10, 7), 1, "ref-1", "F", [])]);

    [Fact]
    public async Task The_same_facts_twice_change_nothing_and_new_units_add_one_history_entry()
    {
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>("claim-idempotent");

        var created = await grain.UpsertAsync(Facts("seller-a"), new DateOnly(2026, 10, 10), At);
        var again = await grain.UpsertAsync(Facts("seller-a"), new DateOnly(2026, 10, 10), At.AddHours(1));
        var changed = await grain.UpsertAsync(Facts("seller-a", units: 3, value: 18.36m), new DateOnly(2026, 10, 10), At.AddHours(2));

        Assert.Equal(1, created.Version);
        Assert.Equal(ClaimStatus.Watching, created.Status);
        Assert.Equal(created.Version, again.Version);
        Assert.Single(again.History);
        Assert.Equal(2, changed.Version);
        Assert.Equal(2, changed.History.Count);
        Assert.Equal(ClaimStatus.Watching, changed.History[1].From);
        Assert.Contains("units 2 → 3", changed.History[1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_moves_the_status_on_the_opening_day_and_after_the_closing_day_only()
    {
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>("claim-calendar");
        await grain.UpsertAsync(Facts("seller-b"), new DateOnly(2026, 11, 18), At);

        var dayBefore = await grain.ReevaluateAsync(new DateOnly(2026, 11, 18), At);
        var opening = await grain.ReevaluateAsync(new DateOnly(2026, 11, 19), At.AddDays(1));
        var closing = await grain.ReevaluateAsync(new DateOnly(2026, 12, 4), At.AddDays(2));
        var after = await grain.ReevaluateAsync(new DateOnly(2026, 12, 5), At.AddDays(3));

        Assert.Equal(ClaimStatus.Watching, dayBefore!.Status);
        Assert.Equal(1, dayBefore.Version);
        Assert.Equal(ClaimStatus.Claimable, opening!.Status);
        Assert.Equal(ClaimStatus.Claimable, closing!.Status);
        Assert.Equal(opening.Version, closing.Version);
        Assert.Equal(ClaimStatus.Expired, after!.Status);
        Assert.Equal([null, ClaimStatus.Watching, ClaimStatus.Claimable], after.History.Select(h => h.From));
        Assert.All(after.History.Skip(1), h => Assert.Equal("clock", h.By));
    }

    [Fact]
    public async Task A_resolved_claim_stays_resolved_by_the_calendar_and_the_api_shows_it_with_its_history()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);
        var (_, otherToken) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var other = _factory.CreateClientWithToken(otherToken);
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>("claim-resolved");
        await grain.UpsertAsync(Facts(account.SellerId, value: null), new DateOnly(2026, 11, 20), At);

        var resolved = await grain.ResolveAsync(At.AddDays(1), "Amazon paid");
        var resolvedAgain = await grain.ResolveAsync(At.AddDays(2), "Amazon paid");
        var later = await grain.ReevaluateAsync(new DateOnly(2026, 12, 20), At.AddDays(3));
        var json = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/claims/claim-resolved", TestContext.Current.CancellationToken);
        var list = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/claims?status=resolvedbyamazon&type=WarehouseLost", TestContext.Current.CancellationToken);
        var notMine = await other.GetAsync($"/api/sellers/{account.SellerId}/claims/claim-resolved", TestContext.Current.CancellationToken);
        var unknown = await seller.GetAsync($"/api/sellers/{account.SellerId}/claims/no-such-claim", TestContext.Current.CancellationToken);
        var badStatus = await seller.GetAsync($"/api/sellers/{account.SellerId}/claims?status=Paid", TestContext.Current.CancellationToken);
        var badPage = await seller.GetAsync($"/api/sellers/{account.SellerId}/claims?page=0", TestContext.Current.CancellationToken);

        Assert.Equal(ClaimStatus.ResolvedByAmazon, resolved!.Status);
        Assert.Equal(resolved.Version, resolvedAgain!.Version);
        Assert.Equal(resolved.Version, later!.Version);
        Assert.Equal("ResolvedByAmazon", json.GetProperty("status").GetString());
        Assert.Equal("2026-11-19", json.GetProperty("windowOpens").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("estimatedValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("orderId").ValueKind);
        Assert.Equal("M", json.GetProperty("evidence")[0].GetProperty("row").GetProperty("Reason").GetString());
        Assert.Equal(["Claimable", "ResolvedByAmazon"], json.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("Amazon paid", json.GetProperty("history")[1].GetProperty("note").GetString());
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(50, list.GetProperty("pageSize").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task A_claim_the_settings_dismissed_reopens_when_found_again_and_one_a_person_dismissed_stays_dismissed()
    {
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        var bySettings = grains.GetGrain<IClaimGrain>("claim-dismissed-by-settings");
        var byPerson = grains.GetGrain<IClaimGrain>("claim-dismissed-by-person");
        var day = new DateOnly(2026, 11, 20);
        await bySettings.UpsertAsync(Facts("seller-d"), day, At);
        await byPerson.UpsertAsync(Facts("seller-d"), day, At);

        var dismissed = await bySettings.DismissAsync(At.AddDays(1), "settings", "left out by the settings");
        var dismissedAgain = await bySettings.DismissAsync(At.AddDays(2), "settings", "left out by the settings");
        var calendar = await bySettings.ReevaluateAsync(day.AddDays(30), At.AddDays(3));
        var reopened = await bySettings.UpsertAsync(Facts("seller-d"), day.AddDays(4), At.AddDays(4));
        await byPerson.DismissAsync(At.AddDays(1), "seller", "the seller will not claim it");
        var stillDismissed = await byPerson.UpsertAsync(Facts("seller-d"), day.AddDays(4), At.AddDays(4));

        Assert.Equal(ClaimStatus.Dismissed, dismissed!.Status);
        Assert.Equal(dismissed.Version, dismissedAgain!.Version);
        Assert.Equal(dismissed.Version, calendar!.Version);
        Assert.Equal(ClaimStatus.Claimable, reopened.Status);
        Assert.Equal(dismissed.Version + 1, reopened.Version);
        Assert.Equal("detector", reopened.History[^1].By);
        Assert.Equal(ClaimStatus.Dismissed, stillDismissed.Status);
        Assert.Equal("seller", stillDismissed.History[^1].By);
    }
}
