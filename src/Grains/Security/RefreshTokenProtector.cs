using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Opside.Grains.Security;

/// <summary>
/// Encrypts Amazon refresh tokens for storage as <c>v2.{keyId}.{base64url(nonce|ciphertext|tag)}</c> with
/// AES-256-GCM: under the newest configured key, readable under any configured key, and bound to one seller (its id
/// is in the associated data), so a ciphertext copied into another seller's state does not decrypt there.
/// </summary>
/// <remarks>
/// <c>v1</c> values (before the seller binding) are read only by <see cref="Reprotect"/>, which the seller grain
/// calls on activation to bind them to itself (docs/architecture.md, "The Amazon connection").
/// </remarks>
public sealed class RefreshTokenProtector
{
    private const string Version = "v2";
    private const string UnboundVersion = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const string DevelopmentKeyId = "development-ephemeral";

    private readonly Dictionary<string, ProtectionKey> _keys;
    private readonly ProtectionKey _newest;

    public RefreshTokenProtector(IOptions<TokenEncryptionOptions> options, IHostEnvironment environment, ILogger<RefreshTokenProtector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);

        var configured = options.Value;
        // The host validates on start, but a protector built by hand must not half-work on bad keys either.
        var failures = configured.Validate(new ValidationContext(configured)).Select(r => r.ErrorMessage ?? "").ToList();
        if (configured.Keys.Count == 0 && !environment.IsDevelopment())
            failures.Add(TokenEncryptionKeysRequiredValidator.Message);
        if (failures.Count > 0)
            throw new OptionsValidationException(Options.DefaultName, typeof(TokenEncryptionOptions), failures);

        var keys = configured.Keys.Select(k => new ProtectionKey(k.Id, k.Bytes()!)).ToList();
        if (keys.Count == 0)
        {
            keys.Add(new ProtectionKey(DevelopmentKeyId, RandomNumberGenerator.GetBytes(TokenEncryptionOptions.KeyBytes)));
            logger.LogWarning(
                "No {Section}:Keys configured: refresh tokens are encrypted under a random key for this process only, " +
                "so tokens stored now become unreadable after a restart",
                TokenEncryptionOptions.Section);
        }

        _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        _newest = keys[^1];
    }

    /// <summary>The stored form of <paramref name="plaintext"/>, readable only for <paramref name="sellerId"/>.</summary>
    public string Protect(string plaintext, string sellerId)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrEmpty(sellerId);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            var payload = new byte[NonceBytes + plain.Length + TagBytes];
            var nonce = payload.AsSpan(0, NonceBytes);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(_newest.Bytes, TagBytes);
            aes.Encrypt(nonce, plain, payload.AsSpan(NonceBytes, plain.Length), payload.AsSpan(NonceBytes + plain.Length), AssociatedData(Version, _newest.Id, sellerId));
            return $"{Version}.{_newest.Id}.{Base64Url.EncodeToString(payload)}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The token <see cref="Protect"/> stored for <paramref name="sellerId"/>.</summary>
    /// <exception cref="CryptographicException">
    /// The value is malformed, names a key that is not configured, was altered, or was protected for another seller
    /// (or before the seller binding: <see cref="Reprotect"/> binds those). The message names the key id at most,
    /// never the value.
    /// </exception>
    public string Unprotect(string protectedValue, string sellerId)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentException.ThrowIfNullOrEmpty(sellerId);
        if (!TryParse(protectedValue, Version, out var keyId, out var encoded))
            throw new CryptographicException($"The value is not a {Version} protected refresh token.");
        return Decrypt(keyId, encoded, AssociatedData(Version, keyId, sellerId));
    }

    /// <summary>
    /// The value protected again for <paramref name="sellerId"/> under the newest key: a <c>v1</c> value (not bound
    /// to any seller) becomes bound to this one, and a value under an older key moves to the newest.
    /// </summary>
    /// <exception cref="CryptographicException">As <see cref="Unprotect"/>.</exception>
    public string Reprotect(string protectedValue, string sellerId)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentException.ThrowIfNullOrEmpty(sellerId);
        var plain = TryParse(protectedValue, UnboundVersion, out var keyId, out var encoded)
            ? Decrypt(keyId, encoded, AssociatedData(UnboundVersion, keyId, seller: null))
            : Unprotect(protectedValue, sellerId);
        return Protect(plain, sellerId);
    }

    private string Decrypt(string keyId, ReadOnlySpan<char> encoded, byte[] associatedData)
    {
        if (!_keys.TryGetValue(keyId, out var key))
            throw new CryptographicException($"The refresh token was protected under key '{keyId}', which is not in {TokenEncryptionOptions.Section}:Keys.");
        if (!Base64Url.IsValid(encoded, out var length) || length < NonceBytes + TagBytes)
            throw new CryptographicException($"The refresh token protected under key '{keyId}' is malformed.");

        var payload = Base64Url.DecodeFromChars(encoded);
        var plain = new byte[payload.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagBytes);
            aes.Decrypt(
                payload.AsSpan(0, NonceBytes),
                payload.AsSpan(NonceBytes, plain.Length),
                payload.AsSpan(NonceBytes + plain.Length),
                plain,
                associatedData);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException(
                $"The refresh token protected under key '{keyId}' failed authentication: it was altered, protected under another key, or for another seller.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// True when the value is not a seller-bound value under the newest key, so the caller should store
    /// <see cref="Reprotect"/> of it instead and let the old key (or format) be retired.
    /// </summary>
    public bool NeedsRotation(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        return !TryParse(protectedValue, Version, out var keyId, out _) || !string.Equals(keyId, _newest.Id, StringComparison.Ordinal);
    }

    /// <summary>
    /// Binds each ciphertext to its format version, its key id and (from v2) its seller, so relabelling a value or
    /// moving it to another seller fails authentication.
    /// </summary>
    private static byte[] AssociatedData(string version, string keyId, string? seller) =>
        Encoding.UTF8.GetBytes(seller is null ? $"{version}.{keyId}" : $"{version}.{keyId}.{seller}");

    private static bool TryParse(string value, string version, out string keyId, out ReadOnlySpan<char> encoded)
    {
        keyId = "";
        encoded = default;
        var span = value.AsSpan();
        if (!span.StartsWith($"{version}.", StringComparison.Ordinal))
            return false;
        span = span[(version.Length + 1)..];
        var dot = span.IndexOf('.');
        // An id outside the configured alphabet is never echoed into an exception message.
        if (dot < 0 || !TokenEncryptionOptions.IsValidId(span[..dot]))
            return false;
        keyId = span[..dot].ToString();
        encoded = span[(dot + 1)..];
        return true;
    }

    private sealed class ProtectionKey(string id, byte[] bytes)
    {
        public string Id { get; } = id;

        public byte[] Bytes { get; } = bytes;
    }
}
