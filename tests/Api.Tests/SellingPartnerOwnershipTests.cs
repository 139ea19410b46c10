using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Opside.Api.Amazon;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// One selling partner per region is connected to one seller at a time; a self-authorised partner id is the
/// seller's word, so only Amazon's consent (which names the partner itself) takes a partner from another seller.
/// </summary>
public sealed class SellingPartnerOwnershipTests : IAsyncLifetime
{
    private const string FrontEnd = "https://app.opside.test/connected";

    private SandboxServer _sandbox = null!;
    private OpsideApiFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var settings = _sandbox.OpsideSettings();
        settings["Amazon:FrontEndUrl"] = FrontEnd;
        _factory = new OpsideApiFactory(settings);
        _anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _factory.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_partner_self_authorised_by_one_seller_cannot_be_self_authorised_by_another()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, firstClient) = await SellerAsync();
        var (second, secondClient) = await SellerAsync();
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A4SQUATTED01", ct);

        var claimed = await SelfAuthorizeAsync(firstClient, first, partner, refreshToken, ct);
        var again = await SelfAuthorizeAsync(firstClient, first, partner, refreshToken, ct);
        var squat = await SelfAuthorizeAsync(secondClient, second, partner, refreshToken, ct);

        Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, squat.StatusCode);
        Assert.Equal("application/problem+json", squat.Content.Headers.ContentType?.MediaType);
        // Nothing changed, and the answer does not say who holds it.
        Assert.DoesNotContain(first, await squat.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.False((await ConnectionAsync(secondClient, second, ct)).GetProperty("connected").GetBoolean());
        var held = await ConnectionAsync(firstClient, first, ct);
        Assert.Equal(partner, held.GetProperty("sellingPartnerId").GetString());
        Assert.False(held.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task A_partner_moved_to_another_of_the_sellers_partners_is_free_for_others()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, firstClient) = await SellerAsync();
        var (second, secondClient) = await SellerAsync();
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A4MOVEDAWAY1", ct);
        var (other, otherToken) = await _sandbox.SelfAuthorizeAsync("A4MOVEDTO001", ct);

        Assert.Equal(HttpStatusCode.NoContent, (await SelfAuthorizeAsync(firstClient, first, partner, refreshToken, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SelfAuthorizeAsync(firstClient, first, other, otherToken, ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SelfAuthorizeAsync(secondClient, second, partner, refreshToken, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SelfAuthorizeAsync(secondClient, second, other, otherToken, ct)).StatusCode);
    }

    [Fact]
    public async Task A_consent_replaces_an_unverified_connection_elsewhere_which_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        var (squatter, squatterClient) = await SellerAsync();
        var (owner, ownerToken) = await RegisterAsync();
        using var ownerBrowser = _factory.CreateBrowser(ownerToken);
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A4REALOWNER1", ct);
        Assert.Equal(HttpStatusCode.NoContent, (await SelfAuthorizeAsync(squatterClient, squatter, partner, refreshToken, ct)).StatusCode);

        var answer = await ConsentAsAsync(ownerBrowser, owner, partner, ct);

        Assert.Equal($"{FrontEnd}?connected=true", answer.Headers.Location?.ToString());
        var ownerConnection = await ConnectionAsync(ownerBrowser, owner, ct);
        Assert.Equal(partner, ownerConnection.GetProperty("sellingPartnerId").GetString());
        Assert.True(ownerConnection.GetProperty("verified").GetBoolean());
        var squatterConnection = await ConnectionAsync(squatterClient, squatter, ct);
        Assert.False(squatterConnection.GetProperty("connected").GetBoolean());
        var disconnected = squatterConnection.GetProperty("disconnected");
        Assert.Equal(partner, disconnected.GetProperty("sellingPartnerId").GetString());
        Assert.Contains("Seller Central consent", disconnected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // The displaced seller cannot take it back by self-authorising again.
        Assert.Equal(HttpStatusCode.Conflict, (await SelfAuthorizeAsync(squatterClient, squatter, partner, refreshToken, ct)).StatusCode);
    }

    [Fact]
    public async Task A_consent_for_a_partner_another_seller_holds_verified_connects_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (owner, ownerToken) = await RegisterAsync();
        var (other, otherToken) = await RegisterAsync();
        using var ownerBrowser = _factory.CreateBrowser(ownerToken);
        using var otherBrowser = _factory.CreateBrowser(otherToken);
        Assert.Equal($"{FrontEnd}?connected=true", (await ConsentAsAsync(ownerBrowser, owner, "A4VERIFIED01", ct)).Headers.Location?.ToString());

        var answer = await ConsentAsAsync(otherBrowser, other, "A4VERIFIED01", ct);
        var (_, refreshToken) = await _sandbox.SelfAuthorizeAsync("A4VERIFIED01", ct);
        var selfAuthorised = await SelfAuthorizeAsync(otherBrowser, other, "A4VERIFIED01", refreshToken, ct);

        Assert.Equal($"{FrontEnd}?error=already_connected", answer.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Conflict, selfAuthorised.StatusCode);
        Assert.False((await ConnectionAsync(otherBrowser, other, ct)).GetProperty("connected").GetBoolean());
        Assert.True((await ConnectionAsync(ownerBrowser, owner, ct)).GetProperty("verified").GetBoolean());
    }

    [Theory]
    [InlineData("NA", "ATVPDKIKX0DER,XXNOTREAL", "'XXNOTREAL' is not an Amazon marketplace id.")]
    [InlineData("NA", "A1PA6795UKMFR9", "'A1PA6795UKMFR9' is a marketplace of the EU region, not NA.")]
    [InlineData("FE", "A1VC38T7YXB528,A39IBJ37TRP1C6,A19VAU5U5O7RUS,A1VC38T7YXB528", "The FE region has 3 marketplaces; 4 were given.")]
    [InlineData("NA", "ATVPDKIKX0DER,ATVPDKIKX0DER", "A marketplace id is given twice.")]
    public async Task Marketplace_ids_outside_the_region_are_refused_naming_the_id(string region, string ids, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var (seller, client) = await SellerAsync();
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A4MARKETS001", ct);
        var marketplaces = ids.Split(',');

        var connect = await client.PutAsJsonAsync($"/api/sellers/{seller}/amazon/connection",
            new ConnectionRequest(refreshToken, partner, region, marketplaces), ct);
        var authorize = await client.PostAsJsonAsync($"/api/sellers/{seller}/amazon/authorize", new AuthorizeRequest(region, marketplaces), ct);

        foreach (var answer in new[] { connect, authorize })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(ct);
            var errors = problem.GetProperty("errors").GetProperty("marketplaceIds").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains(message, errors);
        }

        Assert.False((await ConnectionAsync(client, seller, ct)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Every_marketplace_of_a_region_together_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var (seller, client) = await SellerAsync();
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A4ALLOFEU001", ct);
        string[] europe = ["A1F83G8C2ARO7P", "A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1805IZSGTT6HS",
            "A2NODRKZP88ZB9", "A1C3SOZRARQ6R3", "AMEN7PMS3EDWL", "A28R8C7NBKEWEA", "A33AVAJ2PDY3EV", "ARBP9OOSHTCHU",
            "A2VIGQ35RCS4UG", "A17E79C6D8DWNP", "AE08WJ6YKNBMC", "A21TJRUUN4KGV"];

        var answer = await client.PutAsJsonAsync($"/api/sellers/{seller}/amazon/connection", new ConnectionRequest(refreshToken, partner, "EU", europe), ct);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(16, (await ConnectionAsync(client, seller, ct)).GetProperty("marketplaceIds").GetArrayLength());
    }

    private async Task<(string SellerId, HttpClient Client)> SellerAsync()
    {
        var (sellerId, token) = await RegisterAsync();
        return (sellerId, _factory.CreateClientWithToken(token));
    }

    private async Task<(string SellerId, string Token)> RegisterAsync()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        return (account.SellerId, token);
    }

    /// <summary>The whole consent trip in <paramref name="browser"/>, signing in to Seller Central as <paramref name="partner"/>.</summary>
    private static async Task<HttpResponseMessage> ConsentAsAsync(HttpClient browser, string sellerId, string partner, CancellationToken ct)
    {
        var link = await AmazonSteps.LinkAsync(browser, sellerId, ct);
        var callback = await AmazonSteps.ConsentPageAsync(new Uri(QueryHelpers.AddQueryString(link.ToString(), "signed_in_as", partner)), ct);
        return await browser.GetAsync(callback, ct);
    }

    private static Task<HttpResponseMessage> SelfAuthorizeAsync(HttpClient client, string sellerId, string partner, string refreshToken, CancellationToken ct) =>
        client.PutAsJsonAsync($"/api/sellers/{sellerId}/amazon/connection", new ConnectionRequest(refreshToken, partner, "NA", ["ATVPDKIKX0DER"]), ct);

    private static Task<JsonElement> ConnectionAsync(HttpClient client, string sellerId, CancellationToken ct) =>
        client.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/amazon/connection", ct);
}
