using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Opside.Hosting.Security;
using Opside.Grains.Security;

namespace Opside.Silo.Tests.Security;

public sealed class TokenEncryptionOptionsTests
{
    private static readonly string ValidKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Well_formed_keys_with_distinct_ids_are_valid()
    {
        var options = new TokenEncryptionOptions { Keys = [new() { Id = "2025-01", Key = ValidKey }, new() { Id = "2025_06", Key = ValidKey }] };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void No_keys_is_valid_here_because_only_the_environment_decides_whether_that_is_allowed()
    {
        Assert.Empty(Errors(new TokenEncryptionOptions()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    public void A_key_that_is_not_base64_of_32_bytes_is_named_by_its_full_path(string key)
    {
        var options = new TokenEncryptionOptions { Keys = [new() { Id = "a", Key = ValidKey }, new() { Id = "b", Key = key }] };

        Assert.Equal(["Security:TokenEncryption:Keys:1:Key must be base64 of 32 random bytes."], Errors(options));
    }

    [Fact]
    public void A_key_longer_than_32_bytes_is_refused_too()
    {
        var options = new TokenEncryptionOptions { Keys = [new() { Id = "a", Key = Convert.ToBase64String(new byte[64]) }] };

        Assert.Equal(["Security:TokenEncryption:Keys:0:Key must be base64 of 32 random bytes."], Errors(options));
    }

    [Fact]
    public void An_empty_id_is_named_by_its_full_path()
    {
        var options = new TokenEncryptionOptions { Keys = [new() { Id = "", Key = ValidKey }] };

        Assert.Equal(["Security:TokenEncryption:Keys:0:Id must not be empty."], Errors(options));
    }

    [Theory]
    [InlineData("with.dot")]
    [InlineData("with space")]
    [InlineData("ключ")]
    public void An_id_that_cannot_be_written_into_a_protected_value_is_refused(string id)
    {
        var options = new TokenEncryptionOptions { Keys = [new() { Id = id, Key = ValidKey }] };

        var error = Assert.Single(Errors(options));
        Assert.StartsWith("Security:TokenEncryption:Keys:0:Id must be at most 64 letters, digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_refused()
    {
        var options = new TokenEncryptionOptions { Keys = [new() { Id = "a", Key = ValidKey }, new() { Id = "a", Key = ValidKey }] };

        Assert.Equal(["Security:TokenEncryption:Keys has the id 'a' more than once."], Errors(options));
    }

    [Fact]
    public void A_validation_message_never_contains_the_key_value()
    {
        const string almostKey = "c2VjcmV0LWJ1dC10b28tc2hvcnQ=";
        var options = new TokenEncryptionOptions { Keys = [new() { Id = "a", Key = almostKey }] };

        Assert.DoesNotContain(Errors(options), e => e.Contains(almostKey, StringComparison.Ordinal));
    }

    private static List<string> Errors(TokenEncryptionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
