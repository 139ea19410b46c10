using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Api.Accounts;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>A password change, an account-wide lock and an ops action end every session issued before them.</summary>
public sealed class SessionRevocationTests : IAsyncLifetime
{
    private const string NewPassword = "a different long passphrase";
    private OpsideApiFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Lockout:MaxFailedAttempts"] = "2",
            ["Auth:Lockout:AccountMaxFailedAttempts"] = "4",
        });
        _anonymous = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_password_change_answers_204_and_ends_every_earlier_token_and_the_old_password()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"changer-{Guid.NewGuid():N}@example.com";
        var (account, first) = await AccountSteps.RegisterSellerAsync(_anonymous, email);
        var second = await AccountSteps.SignInAsync(_anonymous, email, AccountSteps.Password);
        using var caller = _factory.CreateClientWithToken(first);
        using var other = _factory.CreateClientWithToken(second);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);

        var changed = await caller.PutAsJsonAsync("/api/auth/password", new PasswordChangeRequest(AccountSteps.Password, NewPassword), ct);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await caller.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct)).StatusCode);
        using var renewed = _factory.CreateClientWithToken(await AccountSteps.SignInAsync(_anonymous, email, NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
    }

    [Theory]
    [InlineData("{}", "currentPassword")]
    [InlineData("""{"currentPassword":"a long enough passphrase"}""", "newPassword")]
    [InlineData("""{"currentPassword":"a long enough passphrase","newPassword":"short"}""", "newPassword")]
    [InlineData("""{"currentPassword":"a long enough passphrase","newPassword":"a long enough passphrase"}""", "newPassword")]
    [InlineData("""{"currentPassword":"not the current password","newPassword":"a different long passphrase"}""", "currentPassword")]
    public async Task A_bad_password_change_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"careful-{Guid.NewGuid():N}@example.com";
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous, email);
        using var caller = _factory.CreateClientWithToken(token);

        var response = await caller.PutAsync("/api/auth/password", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, AccountSteps.Password), ct)).StatusCode);
    }

    [Fact]
    public async Task An_ops_revocation_ends_the_users_sessions_and_a_new_sign_in_works()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"revoked-{Guid.NewGuid():N}@example.com";
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous, email);
        using var seller = _factory.CreateClientWithToken(token);
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());

        Assert.Equal(HttpStatusCode.BadRequest, (await ops.PostAsync("/api/ops/users/not-an-email/revoke-sessions", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostAsync("/api/ops/users/nobody@example.com/revoke-sessions", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
        var revoked = await ops.PostAsync($"/api/ops/users/{Uri.EscapeDataString(email.ToUpperInvariant())}/revoke-sessions", null, ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await seller.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
        using var renewed = _factory.CreateClientWithToken(await AccountSteps.SignInAsync(_anonymous, email, AccountSteps.Password));
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
    }

    [Fact]
    public async Task An_account_wide_lock_ends_the_users_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"sprayed-{Guid.NewGuid():N}@example.com";
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous, email);
        using var seller = _factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);

        for (var c = 0; c < 2; c++)
        {
            using var attacker = TestClientAddress.Client(_factory, $"203.0.113.{c + 1}");
            for (var attempt = 0; attempt < 2; attempt++)
                await attacker.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, "wrong password, try again"), ct);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await seller.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
    }
}
