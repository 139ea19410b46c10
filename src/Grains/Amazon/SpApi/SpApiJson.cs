using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opside.Grains.Amazon.SpApi;

/// <summary>Sends SP-API requests and turns Amazon's error bodies into <see cref="SpApiException"/>.</summary>
internal static class SpApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static HttpRequestMessage Request(HttpMethod method, SpApiConnection connection, SpApiOperation operation, string pathAndQuery, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(connection.Endpoint, pathAndQuery));
        request.Options.Set(SpApiCall.Key, new SpApiCall(connection, operation));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Options);
        return request;
    }

    /// <summary>Sends and answers the body bytes of a success; anything else becomes an <see cref="SpApiException"/>.</summary>
    public static async Task<byte[]> SendAsync(HttpClient http, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
            return bytes;
        throw Error(operation, response, bytes);
    }

    public static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        var bytes = await SendAsync(http, request, operation, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options)
                ?? throw new SpApiException(operation, 200, "EmptyBody", "Amazon answered an empty body.", null);
        }
        catch (JsonException ex)
        {
            throw new SpApiException(operation, 200, "UnreadableBody", "Amazon's answer is not the documented JSON: " + ex.Message, null);
        }
    }

    public static SpApiException Error(string operation, HttpResponseMessage response, byte[] body)
    {
        var requestId = response.Headers.TryGetValues(SpApiCallHandler.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        string? code = null, message = null;
        try
        {
            if (JsonSerializer.Deserialize<ErrorList>(body, Options)?.Errors is [var first, ..])
                (code, message) = (first.Code, first.Message);
        }
        catch (JsonException)
        {
            // Not Amazon's JSON (an HTML error page from a proxy, or S3's XML): keep the status alone.
        }

        return new SpApiException(operation, (int)response.StatusCode, code, message, requestId);
    }

    private sealed record ErrorList(IReadOnlyList<ErrorItem>? Errors);

    private sealed record ErrorItem(string? Code, string? Message);
}
