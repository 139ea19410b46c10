using Opside.Hosting.Diagnostics;
using Serilog.Context;
using Serilog.Events;

namespace Opside.Silo.Tests.Security;

/// <summary>The same type as an enricher, for what destructuring never sees.</summary>
public sealed class SecretMaskingEnricherTests
{
    [Fact]
    public void A_template_property_with_a_secret_name_is_masked_in_the_rendered_message()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Enrich.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Stored {RefreshToken} for {SellerId}", "Atzr|x", "s1");

        Assert.Equal("Stored \"***\" for \"s1\"", sink.Single.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("Atzr|x", sink.RenderedJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dictionary_logged_without_destructuring_is_masked()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Enrich.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Posting {Form}", new Dictionary<string, string> { ["client_secret"] = "s3cr3t", ["client_id"] = "amzn1.app" });

        Assert.DoesNotContain("s3cr3t", sink.RenderedJson(), StringComparison.Ordinal);
        Assert.Contains("amzn1.app", sink.RenderedJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_logged_by_its_ToString_has_the_token_in_the_text_redacted()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Enrich.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Saved {Connection}", new { SellingPartnerId = "A1", RefreshToken = "Atzr|IwEBIabc" });

        var text = Assert.IsType<ScalarValue>(sink.Single.Properties["Connection"]).Value as string;
        Assert.Equal("{ SellingPartnerId = A1, RefreshToken = *** }", text);
    }

    [Fact]
    public void A_scope_property_with_a_secret_name_is_masked()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Enrich.FromLogContext().Enrich.With<SecretMaskingPolicy>());

        using (logger)
        using (LogContext.PushProperty("AccessToken", "Atza|y"))
            logger.Information("Calling getReport");

        Assert.Equal("***", Assert.IsType<ScalarValue>(sink.Single.Properties["AccessToken"]).Value);
    }

    [Fact]
    public void An_ordinary_event_keeps_its_property_values_as_they_were()
    {
        var (logger, sink) = CollectingSink.Logger(c => c.Enrich.With<SecretMaskingPolicy>());

        using (logger)
            logger.Information("Report {ReportId} is {Status} after {Attempts} polls", "1234", "DONE", 3);

        Assert.Equal("Report \"1234\" is \"DONE\" after 3 polls", sink.Single.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
