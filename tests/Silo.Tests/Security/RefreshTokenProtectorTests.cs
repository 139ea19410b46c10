using System.Buffers.Text;
using System.Security.Cryptography;
using Opside.Hosting.Security;
using static Opside.Silo.Tests.Security.ProtectorFactory;
using Opside.Grains.Security;

namespace Opside.Silo.Tests.Security;

public sealed class RefreshTokenProtectorTests
{
    private const string Token = "Atzr|IwEBIPlaintextRefreshTokenForTests";
    private const string Seller = "seller-a";

    [Fact]
    public void A_value_copied_to_another_seller_does_not_decrypt_there()
    {
        var protector = Create(Key("k1"));
        var stored = protector.Protect(Token, Seller);

        var error = Assert.Throws<CryptographicException>(() => protector.Unprotect(stored, "seller-b"));

        Assert.Contains("another seller", error.Message, StringComparison.Ordinal);
        Assert.Throws<CryptographicException>(() => protector.Reprotect(stored, "seller-b"));
        Assert.Equal(Token, protector.Unprotect(stored, Seller));
    }

    [Fact]
    public void A_v1_value_from_before_the_seller_binding_is_read_only_to_bind_it()
    {
        var key = Key("k1");
        var protector = Create(key);
        var legacy = ProtectAsVersion1(key, Token);

        Assert.Throws<CryptographicException>(() => protector.Unprotect(legacy, Seller));
        Assert.True(protector.NeedsRotation(legacy));
        var bound = protector.Reprotect(legacy, Seller);

        Assert.StartsWith("v2.k1.", bound, StringComparison.Ordinal);
        Assert.False(protector.NeedsRotation(bound));
        Assert.Equal(Token, protector.Unprotect(bound, Seller));
        Assert.Throws<CryptographicException>(() => protector.Unprotect(bound, "seller-b"));
    }

    [Fact]
    public void A_v1_value_relabelled_to_another_key_is_refused_on_migration()
    {
        var first = Key("first");
        var second = new ConfiguredKey { Id = "second", Key = first.Key };
        var legacy = ProtectAsVersion1(first, Token);

        Assert.Throws<CryptographicException>(() => Create(first, second).Reprotect("v1.second." + legacy["v1.first.".Length..], Seller));
    }

    /// <summary>The stored form before the seller binding: AES-256-GCM with only the version and key id as associated data.</summary>
    private static string ProtectAsVersion1(ConfiguredKey key, string token)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(token);
        var payload = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 12));
        using var aes = new AesGcm(Convert.FromBase64String(key.Key), 16);
        aes.Encrypt(payload.AsSpan(0, 12), plain, payload.AsSpan(12, plain.Length), payload.AsSpan(12 + plain.Length),
            System.Text.Encoding.UTF8.GetBytes($"v1.{key.Id}"));
        return $"v1.{key.Id}.{Base64Url.EncodeToString(payload)}";
    }

    [Fact]
    public void A_protected_token_unprotects_to_the_original()
    {
        var protector = Create(Key("k1"));

        var stored = protector.Protect(Token, Seller);

        Assert.Equal(Token, protector.Unprotect(stored, Seller));
    }

    [Fact]
    public void The_stored_form_is_versioned_names_its_key_and_hides_the_token()
    {
        var protector = Create(Key("k1"));

        var stored = protector.Protect(Token, Seller);

        Assert.StartsWith("v2.k1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Atzr", stored, StringComparison.OrdinalIgnoreCase);
        var payload = Base64Url.DecodeFromChars(stored.AsSpan("v2.k1.".Length));
        Assert.Equal(12 + Token.Length + 16, payload.Length);
    }

    [Fact]
    public void The_same_token_protected_twice_gives_different_values()
    {
        var protector = Create(Key("k1"));

        var first = protector.Protect(Token, Seller);
        var second = protector.Protect(Token, Seller);

        Assert.NotEqual(first, second);
        Assert.Equal(Token, protector.Unprotect(first, Seller));
        Assert.Equal(Token, protector.Unprotect(second, Seller));
    }

    [Fact]
    public void An_empty_or_non_ascii_token_round_trips()
    {
        var protector = Create(Key("k1"));

        Assert.Equal("", protector.Unprotect(protector.Protect("", Seller), Seller));
        Assert.Equal("jeton-é-🔑", protector.Unprotect(protector.Protect("jeton-é-🔑", Seller), Seller));
    }

    [Fact]
    public void A_tampered_ciphertext_is_refused_naming_only_the_key_id()
    {
        var key = Key("k1");
        var protector = Create(key);
        var stored = protector.Protect(Token, Seller);
        var payload = Base64Url.DecodeFromChars(stored.AsSpan("v2.k1.".Length));
        payload[12] ^= 0x01;

        var error = Assert.Throws<CryptographicException>(() => protector.Unprotect("v2.k1." + Base64Url.EncodeToString(payload), Seller));

        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
        AssertLeaksNothing(error, key);
    }

    [Fact]
    public void A_tampered_tag_is_refused()
    {
        var protector = Create(Key("k1"));
        var stored = protector.Protect(Token, Seller);
        var payload = Base64Url.DecodeFromChars(stored.AsSpan("v2.k1.".Length));
        payload[^1] ^= 0x80;

        Assert.Throws<CryptographicException>(() => protector.Unprotect("v2.k1." + Base64Url.EncodeToString(payload), Seller));
    }

    [Fact]
    public void A_value_relabelled_to_another_key_id_is_refused_even_when_both_ids_share_the_key_bytes()
    {
        // Same bytes under two ids: only the associated data can tell the labels apart.
        var old = Key("old");
        var current = new ConfiguredKey { Id = "current", Key = old.Key };
        var protector = Create(old, current);
        var stored = protector.Protect(Token, Seller);
        Assert.StartsWith("v2.current.", stored, StringComparison.Ordinal);

        var error = Assert.Throws<CryptographicException>(() => protector.Unprotect("v2.old." + stored["v2.current.".Length..], Seller));

        Assert.Contains("'old'", error.Message, StringComparison.Ordinal);
        AssertLeaksNothing(error, old);
    }

    [Fact]
    public void A_value_relabelled_to_a_different_key_is_refused()
    {
        var first = Key("first");
        var second = Key("second");
        var protector = Create(first, second);
        var stored = protector.Protect(Token, Seller);

        var error = Assert.Throws<CryptographicException>(() => protector.Unprotect("v2.first." + stored["v2.second.".Length..], Seller));

        AssertLeaksNothing(error, first, second);
    }

    [Fact]
    public void A_value_under_a_key_no_longer_configured_is_refused_naming_the_key_id()
    {
        var retired = Key("retired");
        var stored = Create(retired).Protect(Token, Seller);
        var current = Key("current");

        var error = Assert.Throws<CryptographicException>(() => Create(current).Unprotect(stored, Seller));

        Assert.Contains("'retired'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Security:TokenEncryption:Keys", error.Message, StringComparison.Ordinal);
        AssertLeaksNothing(error, retired, current);
    }

    [Theory]
    [InlineData(Token)]
    [InlineData("v3.k1.AAAA")]
    [InlineData("v2.k1")]
    [InlineData("v2.k1.AAAA")]
    [InlineData("v2.k1.not base64!")]
    [InlineData("v2.Atzr|IwEBI.AAAA")]
    public void A_value_that_is_not_a_protected_token_is_refused_without_echoing_it(string value)
    {
        var protector = Create(Key("k1"));

        var error = Assert.Throws<CryptographicException>(() => protector.Unprotect(value, Seller));

        Assert.DoesNotContain("Atzr", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("base64!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_key_is_appended_old_values_still_read_and_new_values_use_the_new_key()
    {
        var a = Key("a");
        var b = Key("b");
        var underA = Create(a).Protect(Token, Seller);
        var rotated = Create(a, b);

        var underB = rotated.Protect(Token, Seller);

        Assert.Equal(Token, rotated.Unprotect(underA, Seller));
        Assert.StartsWith("v2.b.", underB, StringComparison.Ordinal);
        Assert.True(rotated.NeedsRotation(underA));
        Assert.False(rotated.NeedsRotation(underB));
    }

    [Fact]
    public void A_value_re_protected_on_rotation_reads_after_the_old_key_is_removed()
    {
        var a = Key("a");
        var b = Key("b");
        var underA = Create(a).Protect(Token, Seller);
        var rotated = Create(a, b);

        var reprotected = rotated.NeedsRotation(underA) ? rotated.Protect(rotated.Unprotect(underA, Seller), Seller) : underA;

        Assert.Equal(Token, Create(b).Unprotect(reprotected, Seller));
        Assert.Throws<CryptographicException>(() => Create(b).Unprotect(underA, Seller));
    }

    [Fact]
    public void A_value_that_is_not_protected_at_all_needs_rotation()
    {
        Assert.True(Create(Key("k1")).NeedsRotation(Token));
    }

    private static void AssertLeaksNothing(CryptographicException error, params ConfiguredKey[] keys)
    {
        var everything = error.ToString();
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Atzr", everything, StringComparison.Ordinal);
        foreach (var key in keys)
            Assert.DoesNotContain(key.Key, everything, StringComparison.Ordinal);
    }
}
