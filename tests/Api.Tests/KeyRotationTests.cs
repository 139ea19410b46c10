using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Opside.Api.Accounts;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>Validate with any configured key, sign with the newest (the last listed).</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task Tokens_signed_with_an_older_key_still_pass_and_new_tokens_use_the_newest_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var newKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Jwt:SigningKeys:1:Id"] = "test-key-2",
            ["Auth:Jwt:SigningKeys:1:Key"] = newKey,
        });
        using var anonymous = factory.CreateClient();

        using var oldKeyCaller = factory.CreateClientWithToken(TestAuth.Ops());
        Assert.Equal(HttpStatusCode.OK, (await oldKeyCaller.GetAsync("/api/ops/cluster", ct)).StatusCode);

        var issued = await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword), ct);
        var token = (await issued.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken;
        Assert.Equal("test-key-2", new JsonWebToken(token).Kid);
    }
}
