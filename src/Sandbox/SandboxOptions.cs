namespace Opside.Sandbox;

/// <summary>
/// Who the sandbox accepts as Opside's Amazon app. The values are the sandbox's own, not Amazon credentials:
/// the Opside side points Amazon:ClientId / Amazon:ClientSecret / Amazon:ApplicationId at them.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public string ClientId { get; set; } = "amzn1.application-oa2-client.sandbox";

    public string ClientSecret { get; set; } = "sandbox-client-secret";

    public string ApplicationId { get; set; } = "amzn1.sp.solution.sandbox";

    /// <summary>A draft app's consent link must carry version=beta, as on Seller Central (else error MD1000).</summary>
    public bool DraftApp { get; set; }

    /// <summary>Where the consent page sends the seller back, when the link names no redirect_uri.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Amazon documents about five minutes for an authorization code.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
