using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Claims;
using Opside.Testing;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// The claim workflow through the API (docs/claim-workflow.md): filing inside the window only, decisions on filed
/// claims only, dismissal before filing only; every repeat answered alike with one history entry; each refusal a 409
/// naming the claim's state; another seller's claim unknown; ops acting for any seller.
/// </summary>
public sealed class ClaimWorkflowTests : IAsyncLifetime
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

    /// <summary>A lost-units claim whose window opens <paramref name="opensIn"/> days from today and lasts 15 days.</summary>
    internal static ClaimFacts Facts(string sellerId, int opensIn = -5, int units = 2, decimal? value = 12.24m, string fnsku = "X001ABC123") => new(
        sellerId, "WarehouseLost", $"{fnsku}|{Today.AddDays(opensIn - 45):yyyy-MM-dd}", fnsku, "AB-1234-RED", null, null, null, null,
        Today.AddDays(opensIn - 45), Today.AddDays(opensIn), Today.AddDays(opensIn + 15), units,
        value is { } v ? new ClaimMoney(v, "USD") : null,
        [new ClaimEvidenceRow("GET_LEDGER_DETAIL_VIEW_DATA", [new ClaimField("Reason", "M"), new ClaimField("Quantity", $"-{units}")])], []);

    private async Task<(Opside.Api.Accounts.Registered Account, HttpClient Seller, IClaimGrain Claim, string Url)> ClaimAsync(string claimId, ClaimFacts? facts = null, int opensIn = -5)
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>(claimId);
        await grain.UpsertAsync(facts is null ? Facts(account.SellerId, opensIn) : facts with { SellerId = account.SellerId }, Today, DateTimeOffset.UtcNow);
        return (account, _factory.CreateClientWithToken(token), grain, $"/api/sellers/{account.SellerId}/claims/{claimId}");
    }

    [Fact]
    public async Task Filing_inside_the_window_records_the_case_once_and_refuses_premature_late_and_other_cases()
    {
        var (account, seller, _, url) = await ClaimAsync("wf-file");
        using var _ = seller;
        var (_, early, _, earlyUrl) = await ClaimAsync("wf-file-early", opensIn: 3);
        using var __ = early;
        var (_, closed, _, closedUrl) = await ClaimAsync("wf-file-closed", opensIn: -20);
        using var ___ = closed;

        var late = await closed.PostAsJsonAsync($"{closedUrl}/filing", new { caseId = "15678123453" }, Ct);
        // Filed in Seller Central while the window was open, recorded in Opside after it closed: on time.
        var recordedLate = await closed.PostAsJsonAsync($"{closedUrl}/filing", new { caseId = "15678123453", filedAt = DateTimeOffset.UtcNow.AddDays(-6) }, Ct);
        var premature = await early.PostAsJsonAsync($"{earlyUrl}/filing", new { caseId = "15678123452" }, Ct);
        var filed = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451" }, Ct);
        var again = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451" }, Ct);
        var otherCase = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "99999999999" }, Ct);
        var read = await seller.GetFromJsonAsync<JsonElement>(url, Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("The claim is Expired: filing on", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("is late", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recordedLate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, premature.StatusCode);
        Assert.Contains("The claim is Watching: filing on", await premature.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("premature", await premature.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var claim = await filed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Filed", claim.GetProperty("status").GetString());
        Assert.Equal("15678123451", claim.GetProperty("caseId").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(claim.GetProperty("history").GetArrayLength(), (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, otherCase.StatusCode);
        Assert.Contains("The claim is Filed as case 15678123451", await otherCase.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var history = read.GetProperty("history").EnumerateArray().ToList();
        Assert.Single(history, h => h.GetProperty("to").GetString() == "Filed");
        Assert.Equal(account.UserId, history[^1].GetProperty("by").GetString());
        Assert.False(string.IsNullOrEmpty(history[^1].GetProperty("correlationId").GetString()));
        Assert.Equal("15678123451", read.GetProperty("caseId").GetString());
        Assert.Equal(account.SellerId, read.GetProperty("sellerId").GetString());
    }

    [Fact]
    public async Task A_filing_body_that_is_wrong_is_a_problem_naming_the_field_and_changes_nothing()
    {
        var (_, seller, grain, url) = await ClaimAsync("wf-bad-filing");
        using var _ = seller;

        var noCase = await seller.PostAsJsonAsync($"{url}/filing", new { filedAt = DateTimeOffset.UtcNow }, Ct);
        var letters = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "CASE-1" }, Ct);
        var future = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451", filedAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        var badDate = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451", filedAt = "yesterday" }, Ct);
        using var text = new StringContent("caseId=1", System.Text.Encoding.UTF8, "text/plain");
        var notJson = await seller.PostAsync($"{url}/filing", text, Ct);
        using var huge = new StringContent($$"""{"caseId":"15678123451","x":"{{new string('a', 20_000)}}"}""", System.Text.Encoding.UTF8, "application/json");
        var tooLarge = await seller.PostAsync($"{url}/filing", huge, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noCase.StatusCode);
        Assert.Contains("'caseId'", await noCase.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("'filedAt'", await future.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", noCase.Content.Headers.ContentType?.MediaType);
        var claim = await grain.GetAsync();
        Assert.Equal(ClaimStatus.Claimable, claim!.Status);
        Assert.Equal(1, claim.Version);
    }

    [Fact]
    public async Task Decisions_are_recorded_on_filed_claims_only_and_once()
    {
        var (_, seller, _, url) = await ClaimAsync("wf-decide");
        using var _ = seller;

        var beforeFiling = await seller.PostAsJsonAsync($"{url}/decision", new { outcome = "Approved" }, Ct);
        await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451" }, Ct);
        var badOutcome = await seller.PostAsJsonAsync($"{url}/decision", new { outcome = "Reimbursed" }, Ct);
        var approved = await seller.PostAsJsonAsync($"{url}/decision", new { outcome = "Approved", note = "Amazon agreed on the phone" }, Ct);
        var again = await seller.PostAsJsonAsync($"{url}/decision", new { outcome = "Approved", note = "Amazon agreed on the phone" }, Ct);
        var denied = await seller.PostAsJsonAsync($"{url}/decision", new { outcome = "Denied" }, Ct);
        var read = await seller.GetFromJsonAsync<JsonElement>(url, Ct);

        Assert.Equal(HttpStatusCode.Conflict, beforeFiling.StatusCode);
        Assert.Contains("The claim is Claimable", await beforeFiling.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, denied.StatusCode);
        Assert.Contains("The claim is Approved", await denied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Approved", read.GetProperty("status").GetString());
        Assert.Equal(["Claimable", "Filed", "Approved"], read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Contains("Amazon agreed on the phone", read.GetProperty("history")[2].GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismissal_holds_before_filing_and_is_refused_after()
    {
        var (_, seller, _, url) = await ClaimAsync("wf-dismiss");
        using var _ = seller;
        var (_, other, _, filedUrl) = await ClaimAsync("wf-dismiss-filed");
        using var __ = other;
        await other.PostAsJsonAsync($"{filedUrl}/filing", new { caseId = "15678123451" }, Ct);

        var noReason = await seller.PostAsJsonAsync($"{url}/dismissal", new { reason = "  " }, Ct);
        var dismissed = await seller.PostAsJsonAsync($"{url}/dismissal", new { reason = "Sold as is" }, Ct);
        var again = await seller.PostAsJsonAsync($"{url}/dismissal", new { reason = "Sold as is" }, Ct);
        var fileDismissed = await seller.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451" }, Ct);
        var dismissFiled = await other.PostAsJsonAsync($"{filedUrl}/dismissal", new { reason = "Changed my mind" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var first = await dismissed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Dismissed", first.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("history").GetArrayLength(), second.GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, fileDismissed.StatusCode);
        Assert.Contains("The claim is Dismissed", await fileDismissed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, dismissFiled.StatusCode);
        Assert.Contains("The claim is Filed", await dismissFiled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_sellers_claim_is_unknown_to_every_command_and_ops_file_for_any_seller()
    {
        var (account, seller, grain, url) = await ClaimAsync("wf-tenancy");
        using var _ = seller;
        var (_, otherToken) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var other = _factory.CreateClientWithToken(otherToken);
        var (otherAccount, _) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());

        var stranger = await other.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451" }, Ct);
        // The claim id under another seller's route: the grain exists, but that seller is not its owner.
        var wrongOwner = await ops.PostAsJsonAsync($"/api/sellers/{otherAccount.SellerId}/claims/wf-tenancy/filing", new { caseId = "15678123451" }, Ct);
        var unknown = await seller.PostAsJsonAsync($"/api/sellers/{account.SellerId}/claims/no-such-claim/dismissal", new { reason = "x" }, Ct);
        var byOps = await ops.PostAsJsonAsync($"{url}/filing", new { caseId = "15678123451" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOps.StatusCode);
        Assert.Equal(ClaimStatus.Filed, (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task The_case_answers_json_or_the_text_alone_and_only_to_its_seller_and_ops()
    {
        var (account, seller, _, url) = await ClaimAsync("wf-case");
        using var _ = seller;
        var (otherAccount, otherToken) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var other = _factory.CreateClientWithToken(otherToken);
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());

        var json = await seller.GetFromJsonAsync<JsonElement>($"{url}/case", Ct);
        using var textRequest = new HttpRequestMessage(HttpMethod.Get, $"{url}/case");
        textRequest.Headers.Accept.ParseAdd("text/plain");
        using var text = await seller.SendAsync(textRequest, Ct);
        var byOps = await ops.GetAsync($"{url}/case", Ct);
        var stranger = await other.GetAsync($"{url}/case", Ct);
        // The claim id under the other seller's own route: no claim of theirs has it.
        var underOther = await other.GetAsync($"/api/sellers/{otherAccount.SellerId}/claims/wf-case/case", Ct);
        var unknown = await seller.GetAsync($"/api/sellers/{account.SellerId}/claims/no-such-claim/case", Ct);

        Assert.Equal("wf-case", json.GetProperty("claimId").GetString());
        Assert.Equal("WarehouseLost", json.GetProperty("type").GetString());
        Assert.Equal(12.24m, json.GetProperty("requested").GetProperty("amount").GetDecimal());
        Assert.StartsWith("Lost inventory in a fulfillment center – FNSKU X001ABC123, 2 units", json.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.GetProperty("attach").EnumerateArray(), a => !a.GetProperty("fromReports").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json.GetProperty("text").GetString(), await text.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, byOps.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
