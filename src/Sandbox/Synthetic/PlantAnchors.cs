namespace Opside.Sandbox.Synthetic;

/// <summary>
/// Where a plant's anchor goes so that its claim lands in each window state, on the boundary days:
/// the window opens tomorrow (Watching), opens today and closes today (both Claimable), closed yesterday (Expired).
/// </summary>
internal readonly record struct PlantAnchors(DateOnly OpensTomorrow, DateOnly OpensToday, DateOnly ClosesToday, DateOnly ClosedYesterday)
{
    public static PlantAnchors For(ClaimType type, DateOnly asOf)
    {
        var (opens, closes) = ClaimWindows.Of(type);
        // A window that opens on the anchor day cannot be ahead of it: events all lie before the as-of day.
        var opensToday = opens == 0 ? asOf.AddDays(-1) : asOf.AddDays(-opens);
        return new(asOf.AddDays(-(opens - 1)), opensToday, asOf.AddDays(-closes), asOf.AddDays(-closes - 1));
    }
}
