namespace Opside.Detection.Shared;

/// <summary>Resolved detail 15: every anchor that is not a ledger Date is the UTC calendar day of its timestamp.</summary>
internal static class Days
{
    public static DateOnly UtcDay(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
