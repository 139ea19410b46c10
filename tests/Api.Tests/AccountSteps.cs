using System.Net.Http.Json;
using Opside.Api.Accounts;

namespace Opside.Api.Tests;

/// <summary>Sign-up and sign-in through the real routes, for tests that need a signed-in caller.</summary>
internal static class AccountSteps
{
    public const string Password = "a long enough passphrase";

    public static async Task<(Registered Account, string Token)> RegisterSellerAsync(HttpClient anonymous, string? email = null)
    {
        var ct = TestContext.Current.CancellationToken;
        email ??= $"seller-{Guid.NewGuid():N}@example.com";
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new RegisterRequest(email, Password, "Acme Outdoor"), ct);
        registered.EnsureSuccessStatusCode();
        var account = (await registered.Content.ReadFromJsonAsync<Registered>(ct))!;
        return (account, await SignInAsync(anonymous, email, Password));
    }

    public static async Task<string> SignInAsync(HttpClient anonymous, string email, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, password), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken;
    }
}
