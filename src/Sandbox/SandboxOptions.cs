using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox;

/// <summary>
/// Who the sandbox accepts as Opside's Amazon app, and how its SP-API behaves. The values are the sandbox's own, not
/// Amazon credentials: the Opside side points Amazon:ClientId / Amazon:ClientSecret / Amazon:ApplicationId at them.
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

    /// <summary>The synthetic sellers' "today" (yyyy-MM-dd); empty means the clock's UTC date when a seller is first used.</summary>
    public string? AsOf { get; set; }

    public SellerScale Scale { get; set; } = SellerScale.Demo;

    /// <summary>How long a report takes from IN_QUEUE to its final status (a third of it IN_QUEUE).</summary>
    public TimeSpan ReportProcessingTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Amazon's pre-signed document URLs expire after five minutes.</summary>
    public TimeSpan DocumentUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where getReportDocument says documents are (<c>scheme://host:port</c>); the host the request came to when
    /// empty. Lets a test answer with a host a client must refuse to fetch from.
    /// </summary>
    public string? DocumentUrlBase { get; set; }

    public ReportCooldownOptions ReportCooldown { get; set; } = new();

    /// <summary>Per-operation overrides of Amazon's default rate and burst, by operation name (e.g. getReport).</summary>
    public Dictionary<string, RateLimitOptions> RateLimits { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Multiplies every operation's default rate (not the overrides): 1 is Amazon's pace.</summary>
    public double RateLimitScale { get; set; } = 1;

    /// <summary>Items per page of the Fulfillment Inbound operations; small so that clients must follow NextToken.</summary>
    public int InboundPageSize { get; set; } = 10;
}

/// <summary>Amazon generates an FBA report type at most once per 30 minutes (near-real-time) or 4 hours (daily).</summary>
public sealed class ReportCooldownOptions
{
    public TimeSpan NearRealTime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Daily { get; set; } = TimeSpan.FromHours(4);
}

public sealed class RateLimitOptions
{
    /// <summary>Requests per second restored to the bucket.</summary>
    public double? Rate { get; set; }

    public int? Burst { get; set; }
}
