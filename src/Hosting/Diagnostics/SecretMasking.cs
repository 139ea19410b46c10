using System.Text.RegularExpressions;

namespace Opside.Hosting.Diagnostics;

/// <summary>What counts as a secret in a log line, an HTTP body or an exception message, and how it is hidden.</summary>
public static partial class SecretMasking
{
    public const string Mask = "***";

    // Matched against the name with case and separators removed, so RefreshToken, refresh_token and REFRESH-TOKEN agree.
    private static readonly string[] SecretFragments = ["refreshtoken", "accesstoken", "password", "secret"];

    // Matched only as whole words: "token" alone would otherwise hide TokenizerVersion-like names by accident.
    private static readonly string[] SecretWords = ["token", "authorization"];

    private const int StackNameLimit = 256;

    /// <summary>
    /// True for a property, dictionary key or field name that holds a secret: one containing refresh token,
    /// access token, password or secret in any spelling, or the word token or authorization
    /// (<c>NextToken</c>, <c>id_token</c>, <c>x-amz-access-token</c>, but not <c>Tokenizer</c>).
    /// </summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> buffer = name.Length <= StackNameLimit ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
                buffer[length++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> compact = buffer[..length];
        foreach (var fragment in SecretFragments)
        {
            if (compact.Contains(fragment, StringComparison.Ordinal))
                return true;
        }

        foreach (var word in SecretWords)
        {
            if (ContainsWord(name, word))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Replaces the secret values in free text (HTTP bodies, query strings, exception messages) with
    /// <see cref="Mask"/>: <c>refresh_token=…</c>, <c>access_token=…</c>, <c>client_secret=…</c>,
    /// <c>spapi_oauth_code=…</c> and <c>password=…</c> pairs, the same names as JSON string members, Amazon
    /// refresh and access tokens (<c>Atzr|…</c>, <c>Atza|…</c>) wherever they stand, and <c>Bearer …</c>
    /// credentials. Returns the same instance when there is nothing to hide.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretValue().Replace(text, Mask);
    }

    private static bool ContainsWord(string name, string word)
    {
        for (var i = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = name.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (StartsWord(name, i) && EndsWord(name, i + word.Length))
                return true;
        }

        return false;
    }

    // Words are split at anything but a letter and at camel-case humps, including the end of an acronym (JWTToken).
    private static bool StartsWord(string name, int i) =>
        i == 0
        || !char.IsAsciiLetter(name[i - 1])
        || (char.IsAsciiLetterUpper(name[i]) && (char.IsAsciiLetterLower(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]))));

    private static bool EndsWord(string name, int end) =>
        end == name.Length
        || !char.IsAsciiLetter(name[end])
        || (char.IsAsciiLetterUpper(name[end]) && char.IsAsciiLetterLower(name[end - 1]));

    // One pass for every shape; each alternative matches the value only, so the name and punctuation around it stay readable.
    // "Bearer" is case-sensitive: in lower case it is an ordinary English word.
    [GeneratedRegex(
        """
        (?<=(?i:\b(?:refresh_?token|access_?token|client_?secret|spapi_oauth_code|password))=)[^&\s"';]+
        |(?<=(?i:"(?:refresh_?token|access_?token|client_?secret|password)")\s*:\s*")(?:[^"\\]|\\.)+(?=")
        |Atz[ar](?:\||%7[Cc])[^\s"'&,;<>()\[\]{}]+
        |(?<=\bBearer\s+)[A-Za-z0-9\-._~+/]+=*
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex SecretValue();
}
