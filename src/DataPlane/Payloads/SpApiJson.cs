using System.Globalization;
using System.Text.Json;

namespace Opside.DataPlane.Payloads;

/// <summary>
/// Reading SP-API v0 JSON responses: the <c>{"payload":…}</c> envelope, the error body, and the typed values of a
/// payload, each failure naming its JSON path.
/// </summary>
internal static class SpApiJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, MaxDepth = 64 };

    public static JsonDocument Parse(ReadOnlyMemory<byte> json)
    {
        // UTF-8 is JSON's only encoding; tolerate a BOM, which JsonDocument does not skip for memory input.
        if (json.Span is [0xEF, 0xBB, 0xBF, ..])
        {
            json = json[3..];
        }
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new PayloadFormatException($"The response is not valid JSON: {e.Message}", e);
        }
    }

    public static async Task<JsonDocument> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(json, Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new PayloadFormatException($"The response is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The <c>payload</c> object.</summary>
    /// <exception cref="PayloadFormatException">The body is an SP-API error body, or has no payload object.</exception>
    public static JsonElement Payload(JsonDocument document, string operation)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadFormatException($"{operation}: the response is a JSON {root.ValueKind}, not an object.");
        }
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            throw new PayloadFormatException($"{operation}: the response is an SP-API error, not a payload: {Describe(errors)}");
        }
        if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadFormatException($"{operation}: the response has no 'payload' object.");
        }
        return payload;
    }

    public static string? NextToken(JsonElement payload) => OptionalString(payload, "NextToken", "payload") is { Length: > 0 } token ? token : null;

    /// <summary>The array at <paramref name="name"/>; absent or null reads as empty.</summary>
    public static JsonElement.ArrayEnumerator Array(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new PayloadFormatException($"{path}.{name} is a JSON {value.ValueKind}, not an array.");
    }

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } value ? value : throw new PayloadFormatException($"{path}.{name} is missing or empty.");

    /// <summary>A string, or null when absent or JSON null.</summary>
    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new PayloadFormatException($"{path}.{name} is a JSON {value.ValueKind}, not a string."),
        };
    }

    /// <summary>An integer; the models type some quantities as strings, so a numeric string is accepted too.</summary>
    public static int? OptionalInt(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        throw new PayloadFormatException($"{path}.{name} is not a whole number: {value.GetRawText()}");
    }

    public static int RequiredInt(JsonElement parent, string name, string path) =>
        OptionalInt(parent, name, path) ?? throw new PayloadFormatException($"{path}.{name} is missing.");

    public static decimal Decimal(JsonElement parent, string name, string path)
    {
        if (parent.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }
            if (value.ValueKind == JsonValueKind.String
                && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }
        throw new PayloadFormatException($"{path}.{name} is missing or not a number.");
    }

    public static DateTimeOffset RequiredTimestamp(JsonElement parent, string name, string path)
    {
        // A value without an offset is UTC, as SP-API times are (JsonElement.TryGetDateTimeOffset would take it as local).
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return timestamp;
        }
        throw new PayloadFormatException($"{path}.{name} is missing or not an ISO-8601 date and time.");
    }

    private static string Describe(JsonElement errors) => string.Join("; ", errors.EnumerateArray().Select(e =>
        e.ValueKind == JsonValueKind.Object
            ? $"{OptionalString(e, "code", "errors[]") ?? "?"}: {OptionalString(e, "message", "errors[]") ?? ""}{(OptionalString(e, "details", "errors[]") is { Length: > 0 } d ? $" ({d})" : "")}"
            : e.GetRawText()));
}
