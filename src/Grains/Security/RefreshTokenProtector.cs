using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Opside.Grains.Security;

/// <summary>
/// Encrypts Amazon refresh tokens for storage as <c>v1.{keyId}.{base64url(nonce|ciphertext|tag)}</c> with
/// AES-256-GCM: under the newest configured key, readable under any configured key.
/// </summary>
public sealed class RefreshTokenProtector
{
    private const string Version = "v1";
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

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            var payload = new byte[NonceBytes + plain.Length + TagBytes];
            var nonce = payload.AsSpan(0, NonceBytes);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(_newest.Bytes, TagBytes);
            aes.Encrypt(nonce, plain, payload.AsSpan(NonceBytes, plain.Length), payload.AsSpan(NonceBytes + plain.Length), _newest.AssociatedData);
            return $"{Version}.{_newest.Id}.{Base64Url.EncodeToString(payload)}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <exception cref="CryptographicException">
    /// The value is malformed, names a key that is not configured, or was altered. The message names the key
    /// id at most, never the value.
    /// </exception>
    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (!TryParse(protectedValue, out var keyId, out var encoded))
            throw new CryptographicException($"The value is not a {Version} protected refresh token.");
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
                key.AssociatedData);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException(
                $"The refresh token protected under key '{keyId}' failed authentication: it was altered, or protected under another key.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// True when the value was not protected under the newest key, so the caller should store
    /// <c>Protect(Unprotect(value))</c> instead and let the old key be retired.
    /// </summary>
    public bool NeedsRotation(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        return !TryParse(protectedValue, out var keyId, out _) || !string.Equals(keyId, _newest.Id, StringComparison.Ordinal);
    }

    private static bool TryParse(string value, out string keyId, out ReadOnlySpan<char> encoded)
    {
        keyId = "";
        encoded = default;
        var span = value.AsSpan();
        if (!span.StartsWith($"{Version}.", StringComparison.Ordinal))
            return false;
        span = span[(Version.Length + 1)..];
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

        /// <summary>Binds each ciphertext to its format version and key id, so relabelling a value fails authentication.</summary>
        public byte[] AssociatedData { get; } = Encoding.UTF8.GetBytes($"{Version}.{id}");
    }
}
