using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Opside.Detection.Shared;

/// <summary>
/// Claim keys as claim-rules' table defines them, and the claim id: the first 128 bits of SHA-256 over seller, type
/// and key, in hex. A process-independent hash, so an id survives restarts, machines and runtime versions.
/// </summary>
internal static class ClaimIdentity
{
    public static string DatedKey(string fnsku, DateOnly anchor) => fnsku + "|" + anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Key(string first, string second) => first + "|" + second;

    public static string IdOf(string sellerId, ClaimType type, string key)
    {
        // The unit separator cannot occur in ids or keys, so no two (seller, type, key) triples hash the same text.
        var text = string.Join('\u001f', sellerId, type.ToString(), key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
