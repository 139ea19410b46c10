using System.Text.RegularExpressions;

namespace Opside.Hosting.Diagnostics;

/// <summary>The correlation id that ties a request's HTTP log lines to the grain log lines it causes.</summary>
public static partial class Correlation
{
    public const string HeaderName = "X-Correlation-ID";

    /// <summary>Key in Orleans' RequestContext and name of the log property.</summary>
    public const string PropertyName = "CorrelationId";

    /// <summary>
    /// Caller-supplied ids are echoed into logs and headers, so only short, printable tokens are accepted;
    /// anything else is replaced with a fresh id rather than rejected.
    /// </summary>
    public static bool IsAcceptable(string? value) => value is { Length: > 0 and <= 128 } && SafeId().IsMatch(value);

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The id the correlation middleware settled on for this request.</summary>
    public static string? Of(HttpContext context) => context.Items[PropertyName] as string;

    // \z, not $: $ also matches before a final newline, which would then be echoed into a header.
    [GeneratedRegex(@"^[A-Za-z0-9._:-]+\z")]
    private static partial Regex SafeId();
}
