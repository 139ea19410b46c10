using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Opside.Api.Amazon;

/// <summary>
/// Binds a consent link to the browser that asked for it (OAuth 2.0 Security BCP, RFC 9700 §4.7). The authorize
/// call leaves a random nonce in an HttpOnly cookie that only the callback is sent, and the link's <c>state</c> is
/// the SHA-256 of that nonce, so the state is the nonce's hash stored with the consent request (it is the consent
/// grain's key). A link forwarded to anyone else arrives at the callback without the cookie, or with a cookie of
/// another flow, and is refused before any grain is asked: a stranger cannot connect their Amazon account to the
/// seller who sent the link, and random states cost no grain activation.
/// </summary>
public static class ConsentBrowserBinding
{
    public const string CookieName = "opside_amazon_consent";
    public const string CallbackPath = "/api/amazon/callback";
    private const int NonceBytes = 32;

    /// <summary>Sets the cookie on the authorize answer and returns the state that goes into the consent link.</summary>
    public static string Issue(HttpResponse response, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(response);
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(NonceBytes));
        // A second authorize in the same browser replaces the cookie: only the latest link of that browser connects.
        response.Cookies.Append(CookieName, nonce, Options(DateTimeOffset.UtcNow + lifetime));
        return StateOf(nonce);
    }

    /// <summary>
    /// True when the request carries the cookie of the flow that issued <paramref name="state"/>. Compared in
    /// constant time; a missing or malformed cookie is simply no match.
    /// </summary>
    public static bool Matches(HttpRequest request, string state)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var nonce) || string.IsNullOrEmpty(nonce) || nonce.Length > 64)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(StateOf(nonce)), Encoding.ASCII.GetBytes(state));
    }

    /// <summary>The callback uses the cookie once, whatever the outcome.</summary>
    public static void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName, Options(expires: null));
    }

    private static string StateOf(string nonce) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));

    // Lax, not Strict: the callback is a top-level navigation from Seller Central, which Strict would strip the cookie from.
    private static CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = CallbackPath,
        Expires = expires,
        IsEssential = true,
    };
}
