using Opside.Hosting.Diagnostics;

namespace Opside.Silo.Tests.Security;

public sealed class SecretMaskingRedactTests
{
    [Theory]
    [InlineData(
        "grant_type=refresh_token&refresh_token=Atzr|IwEBIabc&client_id=amzn1.application-oa2-client.1&client_secret=s3cr3t",
        "grant_type=refresh_token&refresh_token=***&client_id=amzn1.application-oa2-client.1&client_secret=***")]
    [InlineData(
        "grant_type=refresh_token&refresh_token=Atzr%7CIwEBIabc",
        "grant_type=refresh_token&refresh_token=***")]
    [InlineData(
        "/api/amazon/callback?state=abc&selling_partner_id=A1&spapi_oauth_code=ANDxyz",
        "/api/amazon/callback?state=abc&selling_partner_id=A1&spapi_oauth_code=***")]
    [InlineData(
        "Host=db;Username=opside;Password=hunter2;Database=opside",
        "Host=db;Username=opside;Password=***;Database=opside")]
    public void A_secret_in_a_form_body_or_query_string_is_redacted(string text, string expected) =>
        Assert.Equal(expected, SecretMasking.Redact(text));

    [Theory]
    [InlineData(
        """{"access_token":"Atza|abc","refresh_token":"Atzr|def","token_type":"bearer","expires_in":3600}""",
        """{"access_token":"***","refresh_token":"***","token_type":"bearer","expires_in":3600}""")]
    [InlineData(
        """{ "refreshToken" : "opaque\"quoted", "sellerId": "s1" }""",
        """{ "refreshToken" : "***", "sellerId": "s1" }""")]
    [InlineData(
        """{"client_secret":"amzn1.oa2-cs.v1.abc"}""",
        """{"client_secret":"***"}""")]
    public void A_secret_member_of_a_json_body_is_redacted(string text, string expected) =>
        Assert.Equal(expected, SecretMasking.Redact(text));

    [Theory]
    [InlineData("LWA refused Atzr|IwEBIabc-_+/= for seller s1", "LWA refused *** for seller s1")]
    [InlineData("token (Atzr|IwEBIabc) expired", "token (***) expired")]
    [InlineData("access Atza|IwEBIxyz", "access ***")]
    public void An_amazon_token_anywhere_in_text_is_redacted(string text, string expected) =>
        Assert.Equal(expected, SecretMasking.Redact(text));

    [Theory]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-_x", "Authorization: Bearer ***")]
    [InlineData("Bearer abc== was refused", "Bearer *** was refused")]
    public void A_bearer_credential_is_redacted(string text, string expected) =>
        Assert.Equal(expected, SecretMasking.Redact(text));

    [Theory]
    [InlineData("Report 1234 for marketplace A1PA6795UKMFR9 is DONE")]
    [InlineData("the bearer of bad news")]
    [InlineData("grant_type=refresh_token&client_id=amzn1.application-oa2-client.1")]
    [InlineData("""{"token_type":"bearer","expires_in":3600}""")]
    [InlineData("Refresh token rotation finished for 12 sellers")]
    [InlineData("")]
    public void Ordinary_text_is_returned_unchanged(string text) =>
        Assert.Same(text, SecretMasking.Redact(text));
}
