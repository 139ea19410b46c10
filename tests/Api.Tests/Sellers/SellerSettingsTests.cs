using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opside.Api.Amazon;
using Opside.Api.Tests.Claims;
using Opside.Api.Tests.Sync;
using Opside.Testing;

using Opside.Api.Tests.Uploads;

namespace Opside.Api.Tests.Sellers;

/// <summary>
/// The seller's detection settings over real HTTP: defaults, round trip, another seller's 404, bad bodies, the
/// connection's marketplace, and the H/K/U opt-in deciding which damage claims exist.
/// </summary>
public sealed class SellerSettingsTests : IAsyncLifetime
{
    private const string UnitedStates = "ATVPDKIKX0DER";

    private SandboxedApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await SandboxedApi.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_new_seller_does_not_claim_H_K_U_under_the_US_policy_and_a_PUT_is_read_back()
    {
        var (sellerId, seller) = await _api.SellerAsync();
        using (seller)
        {
            var initial = await GetAsync(seller, sellerId);
            var put = await PutAsync(seller, sellerId, """{ "claimDamageCodesHku": true }""");
            var after = await GetAsync(seller, sellerId);

            Assert.Equal(HttpStatusCode.OK, initial.Status);
            Assert.False(initial.Body.GetProperty("claimDamageCodesHku").GetBoolean());
            Assert.Equal(JsonValueKind.Null, initial.Body.GetProperty("marketplaceId").ValueKind);
            Assert.Equal(UnitedStates, initial.Body.GetProperty("detectionPolicy").GetString());
            Assert.Equal(3, initial.Body.EnumerateObject().Count());
            Assert.Equal(HttpStatusCode.OK, put.Status);
            Assert.True(put.Body.GetProperty("claimDamageCodesHku").GetBoolean());
            Assert.Equal(UnitedStates, put.Body.GetProperty("detectionPolicy").GetString());
            Assert.Equal(put.Body.GetRawText(), after.Body.GetRawText());
        }
    }

    [Fact]
    public async Task Another_sellers_settings_answer_404_and_stay_unchanged_while_ops_reach_them()
    {
        var (sellerA, callerA) = await _api.SellerAsync();
        var (_, callerB) = await _api.SellerAsync();
        using var ops = _api.Factory.CreateClientWithToken(TestAuth.Ops());
        using (callerA)
        using (callerB)
        {
            var putByB = await PutAsync(callerB, sellerA, """{ "claimDamageCodesHku": true }""");
            var getByB = await GetAsync(callerB, sellerA);
            var getByOps = await GetAsync(ops, sellerA);

            Assert.Equal(HttpStatusCode.NotFound, putByB.Status);
            Assert.Equal(404, putByB.Body.GetProperty("status").GetInt32());
            Assert.Equal(HttpStatusCode.NotFound, getByB.Status);
            Assert.Equal(HttpStatusCode.OK, getByOps.Status);
            Assert.False((await GetAsync(callerA, sellerA)).Body.GetProperty("claimDamageCodesHku").GetBoolean());
        }
    }

    [Theory]
    [InlineData("""{ "claimDamageCodesHku": """)]
    [InlineData("{}")]
    [InlineData("""{ "claimDamageCodesHKU_": false }""")]
    [InlineData("""{ "claimDamageCodesHku": "false" }""")]
    [InlineData("""{ "claimDamageCodesHku": null }""")]
    [InlineData("[false]")]
    public async Task A_malformed_or_incomplete_body_answers_a_400_problem_naming_the_field_and_changes_nothing(string body)
    {
        var (sellerId, seller) = await _api.SellerAsync();
        using (seller)
        {
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(seller, sellerId, """{ "claimDamageCodesHku": true }""")).Status);

            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var answer = await seller.PutAsync($"/api/sellers/{sellerId}/settings", content, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.Contains("claimDamageCodesHku", problem.GetRawText(), StringComparison.Ordinal);
            Assert.True((await GetAsync(seller, sellerId)).Body.GetProperty("claimDamageCodesHku").GetBoolean());
        }
    }

    [Fact]
    public async Task The_connections_first_marketplace_is_shown_with_the_policy_detection_uses_for_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await _api.SellerAsync();
        using (seller)
        {
            var (partner, refreshToken) = await _api.Sandbox.SelfAuthorizeAsync("A2SETTINGSCA", ct);
            // Canada first: it has no policy of its own yet, so detection uses the US one.
            (await seller.PutAsJsonAsync($"/api/sellers/{sellerId}/amazon/connection",
                new ConnectionRequest(refreshToken, partner, "NA", ["A2EUQ1WTGCTBG2", UnitedStates]), ct)).EnsureSuccessStatusCode();

            var settings = await GetAsync(seller, sellerId);

            Assert.Equal("A2EUQ1WTGCTBG2", settings.Body.GetProperty("marketplaceId").GetString());
            Assert.Equal(UnitedStates, settings.Body.GetProperty("detectionPolicy").GetString());
            Assert.False(settings.Body.GetProperty("claimDamageCodesHku").GetBoolean());
        }
    }

    [Fact]
    public async Task H_coded_damage_is_claimed_only_while_the_seller_opts_in_and_an_opt_out_is_not_called_a_payment()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await _api.SellerAsync();
        using (seller)
        {
            // Inside the WarehouseDamaged window (45 to 60 days after the damage): Claimable today.
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-50);
            var ledger = Ledger(
                Row(day, "X00HKUCUST1", "HKU-CUST-1", "-2", "SELLABLE", "H"),
                Row(day, "X00HKUCUST1", "HKU-CUST-1", "2", "CUSTOMER_DAMAGED", "P"),
                Row(day, "X00EWHDMG01", "E-WH-DMG-1", "-1", "SELLABLE", "E"),
                Row(day, "X00EWHDMG01", "E-WH-DMG-1", "1", "WAREHOUSE_DAMAGED", "P"));
            // One payment for an unrelated FNSKU: damage is withheld until the seller's reimbursements are known.
            var payments = string.Join('\n',
                "approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type",
                $"{day.AddDays(-100):yyyy-MM-dd}T09:59:13+00:00\t7384512390\t\t\tLost_Warehouse\tOTHER-SKU\tX00OTHER001\tB0OTHER001\tOther\tNewItem\tUSD\t6.12\t6.12\t1\t0\t1\t\t");
            using (var body = new StringContent(payments, Encoding.UTF8, "text/tab-separated-values"))
                Assert.Equal(HttpStatusCode.Accepted, (await seller.PostAsync($"/api/sellers/{sellerId}/reports/GET_FBA_REIMBURSEMENTS_DATA", body, ct)).StatusCode);
            using (var body = new StringContent(ledger, Encoding.UTF8, "text/tab-separated-values"))
                Assert.Equal(HttpStatusCode.Accepted, (await seller.PostAsync($"/api/sellers/{sellerId}/reports/GET_LEDGER_DETAIL_VIEW_DATA", body, ct)).StatusCode);

            var byDefault = await DamageClaimsAsync(seller, sellerId);
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(seller, sellerId, """{ "claimDamageCodesHku": true }""")).Status);
            var optedIn = await DamageClaimsAsync(seller, sellerId);
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(seller, sellerId, """{ "claimDamageCodesHku": false }""")).Status);
            var optedOut = await DamageClaimsAsync(seller, sellerId);
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(seller, sellerId, """{ "claimDamageCodesHku": true }""")).Status);
            var optedInAgain = await DamageClaimsAsync(seller, sellerId);

            // The E damage is claimed whatever the setting, and no setting change touches it.
            var warehouse = Assert.Single(byDefault);
            Assert.Equal("X00EWHDMG01", warehouse.GetProperty("fnsku").GetString());
            Assert.All([optedIn, optedOut, optedInAgain], claims =>
                Assert.Equal(warehouse.GetRawText(), claims.Single(c => c.GetProperty("fnsku").GetString() == "X00EWHDMG01").GetRawText()));

            var customer = Assert.Single(optedIn, c => c.GetProperty("fnsku").GetString() == "X00HKUCUST1");
            Assert.Equal("Claimable", customer.GetProperty("status").GetString());
            Assert.Equal(2, customer.GetProperty("units").GetInt32());
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), customer.GetProperty("anchorDate").GetString());

            // Opting out leaves the claim listed but dismissed, and its history says why: the seller's choice, not Amazon's payment.
            var withdrawn = Assert.Single(optedOut, c => c.GetProperty("fnsku").GetString() == "X00HKUCUST1");
            Assert.Equal(customer.GetProperty("id").GetString(), withdrawn.GetProperty("id").GetString());
            Assert.Equal("Dismissed", withdrawn.GetProperty("status").GetString());
            var last = withdrawn.GetProperty("history").EnumerateArray().Last();
            Assert.Equal("settings", last.GetProperty("by").GetString());
            var note = last.GetProperty("note").GetString();
            Assert.Contains("settings", note, StringComparison.Ordinal);
            Assert.DoesNotContain("paid", note, StringComparison.OrdinalIgnoreCase);

            var reopened = Assert.Single(optedInAgain, c => c.GetProperty("fnsku").GetString() == "X00HKUCUST1");
            Assert.Equal(customer.GetProperty("id").GetString(), reopened.GetProperty("id").GetString());
            Assert.Equal("Claimable", reopened.GetProperty("status").GetString());
            Assert.Contains("settings include it", reopened.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The damage claims once the uploads and settings changes so far have been ingested and detected.</summary>
    private static async Task<List<JsonElement>> DamageClaimsAsync(HttpClient seller, string sellerId)
    {
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        return [.. (await ClaimSteps.AllClaimsAsync(seller, sellerId)).Where(c => c.GetProperty("type").GetString() == "WarehouseDamaged")];
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string sellerId)
    {
        var response = await client.GetAsync($"/api/sellers/{sellerId}/settings", TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(HttpClient client, string sellerId, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PutAsync($"/api/sellers/{sellerId}/settings", content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    /// <summary>A ledger export as Seller Central writes it: tab-separated, every field quoted, headers with spaces.</summary>
    private static string Ledger(params string[][] rows) =>
        string.Join('\n', new[] { Header }.Concat(rows).Select(r => string.Join('\t', r.Select(f => $"\"{f}\""))));

    private static readonly string[] Header =
        ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country"];

    private static string[] Row(DateOnly day, string fnsku, string sku, string quantity, string disposition, string reason) =>
        [day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), fnsku, "B0SETTINGS1", sku, "Test widget", "Adjustments", "7712345678", quantity, "ONT8", disposition, reason, "US"];
}
