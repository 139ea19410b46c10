using System.Globalization;
using Opside.Grains.Claims;

namespace Opside.Api.Claims.Cases;

/// <summary>How a case prints numbers, days, amounts and lists: invariant, ISO days, amounts with their currency code.</summary>
internal static class CaseWords
{
    public static string Units(int units) => units == 1 ? "1 unit" : $"{units.ToString(CultureInfo.InvariantCulture)} units";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(ClaimMoney money) => $"{money.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {money.Currency}";

    public static string List(IReadOnlyList<string> values) => values.Count == 0 ? "not printed" : string.Join(", ", values);
}
