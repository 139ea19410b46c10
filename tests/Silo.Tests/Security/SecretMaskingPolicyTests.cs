using Opside.Hosting.Diagnostics;
using Serilog.Events;

namespace Opside.Silo.Tests.Security;

/// <summary>The policy alone, as <c>.Destructure.With&lt;SecretMaskingPolicy&gt;()</c> installs it.</summary>
public sealed class SecretMaskingPolicyTests
{
    private const string Token = "Atzr|x";

    [Fact]
    public void A_destructured_anonymous_object_shows_its_refresh_token_as_stars()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Destructure.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Connected {@Connection}", new { RefreshToken = Token, Region = "EU" });

        var connection = Assert.IsType<StructureValue>(sink.Single.Properties["Connection"]);
        Assert.Null(connection.TypeTag);
        Assert.Equal("***", Scalar(connection, "RefreshToken"));
        Assert.Equal("EU", Scalar(connection, "Region"));
        Assert.DoesNotContain(Token, sink.RenderedJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_destructured_record_nested_in_an_object_is_masked_and_keeps_its_type_tag()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Destructure.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Saved {@Seller}", new { SellerId = "s1", Connection = new Connection("A1", Token, "s3cr3t") });

        var seller = Assert.IsType<StructureValue>(sink.Single.Properties["Seller"]);
        var connection = Assert.IsType<StructureValue>(seller.Properties.Single(p => p.Name == "Connection").Value);
        Assert.Equal(nameof(Connection), connection.TypeTag);
        Assert.Equal("A1", Scalar(connection, "SellingPartnerId"));
        Assert.Equal("***", Scalar(connection, "RefreshToken"));
        Assert.Equal("***", Scalar(connection, "ClientSecret"));
        Assert.DoesNotContain(Token, sink.RenderedJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", sink.RenderedJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_destructured_dictionary_masks_the_secret_entries_only()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Destructure.With<SecretMaskingPolicy>());
        var form = new Dictionary<string, object?>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = Token,
            ["client_secret"] = "s3cr3t",
            ["password"] = null,
        };

        using (logger)
            logger.Information("Posting {@Form}", form);

        var entries = Assert.IsType<DictionaryValue>(sink.Single.Properties["Form"]).Elements.ToDictionary(e => (string)e.Key.Value!, e => ((ScalarValue)e.Value).Value);
        Assert.Equal("refresh_token", entries["grant_type"]);
        Assert.Equal("***", entries["refresh_token"]);
        Assert.Equal("***", entries["client_secret"]);
        Assert.Null(entries["password"]);
    }

    [Fact]
    public void A_dictionary_inside_a_list_inside_an_object_is_still_masked()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Destructure.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Batch {@Batch}", new { Items = new[] { new Dictionary<string, string> { ["AccessToken"] = "Atza|y" } } });

        Assert.DoesNotContain("Atza|y", sink.RenderedJson(), StringComparison.Ordinal);
        Assert.Contains("***", sink.RenderedJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_or_dictionary_without_secrets_is_left_to_serilog()
    {
        var policy = new SecretMaskingPolicy();

        Assert.False(policy.TryDestructure(new { SellerId = "s1" }, new ThrowingFactory(), out _));
        Assert.False(policy.TryDestructure(new Dictionary<string, int> { ["rows"] = 3 }, new ThrowingFactory(), out _));
        Assert.False(policy.TryDestructure(new List<string> { "a" }, new ThrowingFactory(), out _));
    }

    [Theory]
    [InlineData("RefreshToken")]
    [InlineData("refresh_token")]
    [InlineData("REFRESH-TOKEN")]
    [InlineData("accessToken")]
    [InlineData("access_token")]
    [InlineData("Password")]
    [InlineData("ClientSecret")]
    [InlineData("client_secret")]
    [InlineData("Token")]
    [InlineData("NextToken")]
    [InlineData("id_token")]
    [InlineData("x-amz-access-token")]
    [InlineData("JWTToken")]
    [InlineData("Authorization")]
    public void A_name_that_holds_a_secret_is_recognised(string name) => Assert.True(SecretMasking.IsSecretName(name));

    [Theory]
    [InlineData("SellerId")]
    [InlineData("Region")]
    [InlineData("Tokenizer")]
    [InlineData("Tokens")]
    [InlineData("Stockentry")]
    [InlineData("grant_type")]
    [InlineData("")]
    public void An_ordinary_name_is_not_taken_for_a_secret(string name) => Assert.False(SecretMasking.IsSecretName(name));

    private static object? Scalar(StructureValue structure, string name) =>
        Assert.IsType<ScalarValue>(structure.Properties.Single(p => p.Name == name).Value).Value;

    private sealed record Connection(string SellingPartnerId, string RefreshToken, string ClientSecret);

    private sealed class ThrowingFactory : Serilog.Core.ILogEventPropertyValueFactory
    {
        public LogEventPropertyValue CreatePropertyValue(object? value, bool destructureObjects = false) =>
            throw new InvalidOperationException("The policy should have declined before converting anything.");
    }
}
