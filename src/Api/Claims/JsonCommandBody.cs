using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Uploads;

namespace Opside.Api.Claims;

/// <summary>
/// The small JSON body of a workflow command, read by hand so that each bad field is answered by name, and capped:
/// a command is a few hundred bytes, so a larger body is refused before it is buffered.
/// </summary>
internal static class JsonCommandBody
{
    public const int MaxBytes = 16 * 1024;

    /// <summary>The body's root object, or the problem to answer (415 not JSON, 413 too large, 400 not an object).</summary>
    public static async Task<(JsonElement? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON.", detail: expected));
        if (request.ContentLength > MaxBytes)
            return (null, TooLarge(expected));
        try
        {
            using var document = await JsonDocument.ParseAsync(new SizeLimitedStream(request.Body, MaxBytes), cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body must be a JSON object.", detail: expected));
            return (document.RootElement.Clone(), null);
        }
        catch (UploadTooLargeException)
        {
            return (null, TooLarge(expected));
        }
        catch (JsonException e)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: $"{expected} {e.Message}"));
        }
    }

    /// <summary>A property by name in any case (as bound bodies are read), or null.</summary>
    public static JsonElement? Field(JsonElement body, string name)
    {
        foreach (var property in body.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        return null;
    }

    public static ProblemHttpResult Invalid(string field, string message, string expected) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid '{field}'.", detail: $"{message} {expected}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    private static ProblemHttpResult TooLarge(string expected) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBytes} bytes.", detail: expected);
}
