namespace Opside.DataPlane.Billing;

/// <summary>A statement's totals in one currency: the commissions charged, the credits (negative) and what is due.</summary>
public sealed record LedgerTotal(string Currency, int Entries, decimal Charges, decimal Credits)
{
    public decimal Due => Charges + Credits;
}
