using Opside.DataPlane.Payloads;
using Opside.DataPlane.Rows;

namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// Finances API v0 listFinancialEvents, read for refunds. Amazon answers an empty page for a range over 180 days
/// and refuses a PostedBefore less than two minutes old, so a long range is walked in windows that respect both.
/// </summary>
public sealed class FinancesClient(HttpClient http, TimeProvider time)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(180);

    /// <summary>Amazon wants PostedBefore at least two minutes in the past; a margin absorbs clock skew.</summary>
    public static readonly TimeSpan PostedBeforeLag = TimeSpan.FromMinutes(3);

    /// <summary>The refund items posted in [after, before), before clamped to now minus the lag. Answers the range actually covered.</summary>
    public async Task<(IReadOnlyList<RefundItem> Refunds, DateTimeOffset CoveredUntil)> ListRefundsAsync(
        SpApiConnection connection, DateTimeOffset after, DateTimeOffset before, Func<string, byte[], Task> onPage, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow() - PostedBeforeLag;
        // Whole seconds, as the query carries them, so the filter below and Amazon agree on the window.
        var latest = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (before > latest)
            before = latest;
        var refunds = new List<RefundItem>();
        for (var windowStart = after; windowStart < before; windowStart += MaxWindow)
        {
            var windowEnd = windowStart + MaxWindow < before ? windowStart + MaxWindow : before;
            var query = $"?MaxResultsPerPage=100&PostedAfter={Uri.EscapeDataString(FulfillmentInboundClient.Iso(windowStart))}" +
                $"&PostedBefore={Uri.EscapeDataString(FulfillmentInboundClient.Iso(windowEnd))}";
            while (true)
            {
                var path = "/finances/v0/financialEvents" + query;
                using var request = SpApiJson.Request(HttpMethod.Get, connection, SpApiOperation.ListFinancialEvents, path);
                var body = await SpApiJson.SendAsync(http, request, SpApiOperation.ListFinancialEvents.Name, cancellationToken);
                await onPage(path, body);
                var page = RefundEventsPayload.Parse(body);
                // Amazon's PostedBefore is exclusive in practice but not documented so: keep the window exact.
                refunds.AddRange(page.Items.Where(r => r.PostedDate >= windowStart && r.PostedDate < windowEnd));
                if (page.NextToken is null)
                    break;
                query = "?NextToken=" + Uri.EscapeDataString(page.NextToken);
            }
        }

        return (refunds, before);
    }
}
