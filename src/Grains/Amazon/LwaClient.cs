using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Opside.Grains.Amazon;

/// <summary>Login with Amazon's token endpoint: authorization codes and refresh tokens in, access tokens out.</summary>
public sealed class LwaClient(HttpClient http, IOptions<AmazonOptions> options, ILogger<LwaClient> logger)
{
    /// <summary>Exchanges a consent code for a refresh token; null when LWA refuses the code.</summary>
    public async Task<LwaGrant?> ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };
        if (options.Value.RedirectUri is { Length: > 0 } redirectUri)
            form["redirect_uri"] = redirectUri;
        return await RequestAsync(form, "authorization_code", cancellationToken);
    }

    /// <summary>An access token for a refresh token; null when LWA refuses the refresh token.</summary>
    public Task<LwaGrant?> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, "refresh_token", cancellationToken);

    private async Task<LwaGrant?> RequestAsync(Dictionary<string, string> form, string grant, CancellationToken cancellationToken)
    {
        form["client_id"] = options.Value.ClientId ?? "";
        form["client_secret"] = options.Value.ClientSecret ?? "";
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(options.Value.LwaTokenEndpoint, content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken)
                ?? throw new HttpRequestException("LWA answered an empty token response.");
            return new LwaGrant(body.AccessToken, body.RefreshToken, TimeSpan.FromSeconds(body.ExpiresIn));
        }

        // Only the error code is logged: LWA's body echoes nothing secret, but tokens must never reach a log.
        var error = await ReadErrorAsync(response, cancellationToken);
        if ((int)response.StatusCode is 400 or 401)
        {
            logger.LogWarning("LWA refused the {Grant} grant: {Status} {Error}", grant, (int)response.StatusCode, error);
            return null;
        }

        throw new HttpRequestException($"LWA answered {(int)response.StatusCode} ({error}) to a {grant} grant.", null, response.StatusCode);
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<ErrorBody>(cancellationToken))?.Error ?? "no error code";
        }
        catch (System.Text.Json.JsonException)
        {
            return "unreadable body";
        }
    }

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ErrorBody([property: JsonPropertyName("error")] string? Error);
}

/// <summary>What LWA granted. Holds secrets: never log it.</summary>
public sealed record LwaGrant(string AccessToken, string? RefreshToken, TimeSpan ExpiresIn)
{
    public override string ToString() => $"LwaGrant {{ ExpiresIn = {ExpiresIn} }}";
}
