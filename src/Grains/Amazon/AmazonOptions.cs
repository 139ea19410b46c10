using System.ComponentModel.DataAnnotations;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Amazon;

/// <summary>
/// Opside's Amazon app and the endpoints it talks to, configurable so that the sandbox can stand in for
/// Amazon. Bound from <c>Amazon</c>.
/// </summary>
public sealed class AmazonOptions : IValidatableObject
{
    public const string Section = "Amazon";

    public string LwaTokenEndpoint { get; set; } = "https://api.amazon.com/auth/o2/token";

    public string? ClientId { get; set; }

    /// <summary>A secret: give it through the environment, never in appsettings.</summary>
    public string? ClientSecret { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>While the app is in Draft, consent links need version=beta.</summary>
    public bool DraftApp { get; set; }

    /// <summary>Opside's callback as registered with Amazon; sent as redirect_uri when set.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>How long a consent link's single-use state stays redeemable.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the seller's browser lands after the callback, with ?connected=true or ?error=….</summary>
    public string FrontEndUrl { get; set; } = "http://localhost:5080/";

    /// <summary>Timeouts, retries and the circuit breaker of SP-API calls.</summary>
    public SpApiHttpOptions Http { get; set; } = new();

    /// <summary>How often a report of one type may be generated; inside it a sync reuses the latest report (getReports).</summary>
    public ReportCooldownOptions ReportCooldown { get; set; } = new();

    /// <summary>How a requested report is polled until Amazon has made it.</summary>
    public ReportPollingOptions ReportPolling { get; set; } = new();

    /// <summary>
    /// Lets report documents come over plain http from a loopback host on the region's allow-list: the sandbox's,
    /// set only by the Development sandbox and by tests. Amazon serves documents over https only.
    /// </summary>
    public bool AllowLoopbackDocumentHosts { get; set; }

    /// <summary>The largest report document a sync downloads; a bigger one fails the sync naming the limit.</summary>
    public long MaxDocumentBytes { get; set; } = 1L << 30;

    public IDictionary<string, AmazonRegionOptions> Regions { get; set; } = new Dictionary<string, AmazonRegionOptions>(StringComparer.OrdinalIgnoreCase)
    {
        ["NA"] = new() { Endpoint = "https://sellingpartnerapi-na.amazon.com", SellerCentralUrl = "https://sellercentral.amazon.com" },
        ["EU"] = new() { Endpoint = "https://sellingpartnerapi-eu.amazon.com", SellerCentralUrl = "https://sellercentral-europe.amazon.com" },
        ["FE"] = new() { Endpoint = "https://sellingpartnerapi-fe.amazon.com", SellerCentralUrl = "https://sellercentral.amazon.co.jp" },
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(LwaTokenEndpoint, UriKind.Absolute, out _))
            yield return new ValidationResult($"{Section}:LwaTokenEndpoint must be an absolute URL, got '{LwaTokenEndpoint}'.");
        if (ConsentLifetime <= TimeSpan.Zero || ConsentLifetime > TimeSpan.FromHours(1))
            yield return new ValidationResult($"{Section}:ConsentLifetime must be between 00:00:01 and 01:00:00, got {ConsentLifetime}.");
        if (!Uri.TryCreate(FrontEndUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"{Section}:FrontEndUrl must be an absolute URL, got '{FrontEndUrl}'.");
        foreach (var failure in Http.Validate().Concat(ReportCooldown.Validate()).Concat(ReportPolling.Validate()))
            yield return new ValidationResult($"{Section}:{failure}");
        foreach (var (name, region) in Regions)
        {
            if (!Uri.TryCreate(region.Endpoint, UriKind.Absolute, out _))
                yield return new ValidationResult($"{Section}:Regions:{name}:Endpoint must be an absolute URL, got '{region.Endpoint}'.");
            if (!Uri.TryCreate(region.SellerCentralUrl, UriKind.Absolute, out _))
                yield return new ValidationResult($"{Section}:Regions:{name}:SellerCentralUrl must be an absolute URL, got '{region.SellerCentralUrl}'.");
            if (region.DocumentHostsOf(name).Count == 0)
                yield return new ValidationResult($"{Section}:Regions:{name}:DocumentHosts must name the hosts report documents come from.");
        }

        if (MaxDocumentBytes < 1 || MaxDocumentBytes > Array.MaxLength)
            yield return new ValidationResult($"{Section}:MaxDocumentBytes must be between 1 and {Array.MaxLength}, got {MaxDocumentBytes}.");
    }

    /// <summary>Why a report document may not be fetched from <paramref name="url"/>, or null when it may.</summary>
    public string? DocumentUrlProblem(string region, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hosts = Regions.TryGetValue(region, out var options) ? options.DocumentHostsOf(region) : [];
        if (!hosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            return $"the document URL's host {url.Host} is not one of the {region} region's document hosts ({Section}:Regions:{region}:DocumentHosts)";
        if (url.Scheme == Uri.UriSchemeHttps || (AllowLoopbackDocumentHosts && url.IsLoopback && url.Scheme == Uri.UriSchemeHttp))
            return null;
        return $"the document URL is not https";
    }
}

public sealed class AmazonRegionOptions
{
    /// <summary>
    /// The S3 hosts Amazon's getReportDocument URLs point at, as in Amazon's documented examples of each region.
    /// Configurable, since Amazon may add hosts; a download from any other host is refused.
    /// </summary>
    private static readonly Dictionary<string, string[]> DefaultDocumentHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NA"] = ["tortuga-prod-na.s3-external-1.amazonaws.com", "tortuga-prod-na.s3.amazonaws.com"],
        ["EU"] = ["tortuga-prod-eu.s3-eu-west-1.amazonaws.com", "tortuga-prod-eu.s3.eu-west-1.amazonaws.com"],
        ["FE"] = ["tortuga-prod-fe.s3-us-west-2.amazonaws.com", "tortuga-prod-fe.s3.us-west-2.amazonaws.com"],
    };

    public string Endpoint { get; set; } = "";

    public string SellerCentralUrl { get; set; } = "";

    /// <summary>
    /// Hosts report documents may be downloaded from. Null (not configured) means the region's defaults; binding
    /// appends to a non-null list, so the defaults are not put here.
    /// </summary>
    public string[]? DocumentHosts { get; set; }

    public IReadOnlyList<string> DocumentHostsOf(string regionName) =>
        DocumentHosts is { Length: > 0 } configured ? configured
        : DefaultDocumentHosts.TryGetValue(regionName, out var defaults) ? defaults : [];
}
