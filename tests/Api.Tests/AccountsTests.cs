using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Opside.Api.Accounts;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>Sign-up, sign-in, lockout and what a token proves.</summary>
public sealed class AccountsTests : IAsyncLifetime
{
    private OpsideApiFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Auth:Lockout:MaxFailedAttempts"] = "3" });
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Registering_creates_a_user_and_a_seller_that_the_new_token_reaches()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await _client.PostAsJsonAsync("/api/auth/register", new RegisterRequest("  New.Seller@Example.com ", AccountSteps.Password, "Acme Outdoor"), ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = (await response.Content.ReadFromJsonAsync<Registered>(ct))!;
        Assert.Matches("^[0-9a-f]{32}$", registered.UserId);
        Assert.Matches("^[0-9a-f]{32}$", registered.SellerId);
        Assert.Equal($"/api/sellers/{registered.SellerId}", response.Headers.Location?.OriginalString);

        var tokenResponse = await _client.PostAsJsonAsync("/api/auth/token", new TokenRequest("new.seller@example.com", AccountSteps.Password), ct);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>(ct))!;
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(3600, token.ExpiresIn);
        var jwt = new JsonWebToken(token.AccessToken);
        Assert.Equal(registered.UserId, jwt.Subject);
        Assert.Equal(registered.SellerId, jwt.GetClaim("seller_id").Value);
        Assert.Equal("Seller", jwt.GetClaim("role").Value);
        Assert.Equal(TestAuth.KeyId, jwt.Kid);

        using var seller = _factory.CreateClientWithToken(token.AccessToken);
        var profile = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{registered.SellerId}", ct);
        Assert.Equal("Acme Outdoor", profile.GetProperty("companyName").GetString());
    }

    [Fact]
    public async Task An_email_can_register_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        var first = await _client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, AccountSteps.Password, "First"), ct);
        var second = await _client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email.ToUpperInvariant(), AccountSteps.Password, "Second"), ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("not-an-email", "a long enough passphrase", "email")]
    [InlineData("short@example.com", "too short", "password")]
    [InlineData("samesame.pass@example.com", "samesame.pass@example.com", "password")]
    [InlineData("nocompany@example.com", "a long enough passphrase", "companyName")]
    public async Task A_bad_registration_answers_400_naming_the_field(string email, string password, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var company = field == "companyName" ? "" : "Acme";

        var response = await _client.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, password, company), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, password), ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await AccountSteps.RegisterSellerAsync(_client, "known@example.com");

        var wrong = await _client.PostAsJsonAsync("/api/auth/token", new TokenRequest("known@example.com", "not the password at all"), ct);
        var unknown = await _client.PostAsJsonAsync("/api/auth/token", new TokenRequest("nobody@example.com", AccountSteps.Password), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("title").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("title").GetString());
        Assert.NotNull(account.SellerId);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"locked-{Guid.NewGuid():N}@example.com";
        await AccountSteps.RegisterSellerAsync(_client, email);

        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, "wrong password, try again"), ct)).StatusCode);
        var right = await _client.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_ops_user_signs_in_with_the_ops_role()
    {
        var token = await AccountSteps.SignInAsync(_client, OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword);
        using var ops = _factory.CreateClientWithToken(token);

        var jwt = new JsonWebToken(token);
        var cluster = await ops.GetFromJsonAsync<JsonElement>("/api/ops/cluster", TestContext.Current.CancellationToken);

        Assert.Equal("Ops", jwt.GetClaim("role").Value);
        Assert.False(jwt.TryGetClaim("seller_id", out _));
        Assert.Equal(1, cluster.GetProperty("activeSilos").GetInt32());
    }

    [Fact]
    public async Task Tokens_that_are_expired_foreign_or_for_another_audience_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var foreignKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
        string[] refused =
        [
            TestAuth.Mint("Ops", expires: DateTimeOffset.UtcNow.AddMinutes(-5)),
            TestAuth.Mint("Ops", key: foreignKey),
            TestAuth.Mint("Ops", key: foreignKey, keyId: TestAuth.KeyId),
            TestAuth.Mint("Ops", audience: "someone-else"),
            "not.a.token",
        ];

        foreach (var token in refused)
        {
            using var caller = _factory.CreateClientWithToken(token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await caller.GetAsync("/api/ops/cluster", ct)).StatusCode);
        }

        using var valid = _factory.CreateClientWithToken(TestAuth.Ops());
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/api/ops/cluster", ct)).StatusCode);
    }
}
