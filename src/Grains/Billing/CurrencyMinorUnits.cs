namespace Opside.Grains.Billing;

/// <summary>
/// How many decimals a currency's smallest unit has, as Stripe counts them: amounts go to Stripe in that unit
/// (cents; whole yen), so a commission is rounded once, to it, and never again on the way (docs/billing.md).
/// </summary>
public static class CurrencyMinorUnits
{
    // Stripe's zero-decimal currencies (its "Currencies" page); of Amazon's marketplaces only JPY is one.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    public static int Decimals(string currency) => ZeroDecimal.Contains(currency) ? 0 : 2;

    /// <summary>The amount in the currency's smallest unit; it must already be rounded to it.</summary>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        var scaled = amount * (Decimals(currency) == 0 ? 1m : 100m);
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"{amount} {currency} is not a whole number of the currency's smallest unit.", nameof(amount));
        return (long)scaled;
    }
}
