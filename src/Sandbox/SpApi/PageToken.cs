using System.Text.Json;

namespace Opside.Sandbox.SpApi;

/// <summary>
/// Stateless paging tokens: the query state as JSON behind a fixed prefix, base64-encoded. The prefix bytes encode as
/// "+/+/" and the length is kept off a multiple of three, so every token carries '+', '/' and '=' like Amazon's and a
/// client that forgets to URL-encode it breaks visibly.
/// </summary>
public static class PageToken
{
    private static readonly byte[] Prefix = [0xFB, 0xFF, 0xBF];

    public static string Encode<T>(T state)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state);
        var bytes = new byte[Prefix.Length + json.Length + (json.Length % 3 == 0 ? 1 : 0)];
        Prefix.CopyTo(bytes, 0);
        json.CopyTo(bytes, Prefix.Length);
        if (bytes.Length > Prefix.Length + json.Length)
            bytes[^1] = (byte)' ';
        return Convert.ToBase64String(bytes);
    }

    public static T? Decode<T>(string token)
        where T : class
    {
        try
        {
            var bytes = Convert.FromBase64String(token);
            return bytes.AsSpan().StartsWith(Prefix) ? JsonSerializer.Deserialize<T>(bytes.AsSpan(Prefix.Length)) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
