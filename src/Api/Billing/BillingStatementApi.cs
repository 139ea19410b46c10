using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Queries;
using Opside.Api.Sellers;
using Opside.Grains.Billing;
using Opside.Grains.Sellers;

namespace Opside.Api.Billing;

/// <summary>
/// The seller's monthly statement (docs/api.md, "Billing"; docs/billing.md, "Statement"): every commission charged or
/// credited on reimbursements Amazon approved in the month, itemised by claim and case id, with the month's totals.
/// </summary>
public static partial class BillingStatementApi
{
    private const int MaxPageSize = 1_000;
    private const string MonthFormat = "Expected a month as YYYY-MM (e.g. 2026-11).";

    public static RouteGroupBuilder MapBillingStatementApi(this RouteGroupBuilder seller)
    {
        seller.MapGet("/billing/statement", StatementAsync).WithTags("Billing")
            .WithSummary("The month's commissions, itemised by claim, case and reimbursement, with totals (default: this month, the main currency).");
        return seller;
    }

    private static async Task<Results<Ok<BillingStatement>, ProblemHttpResult>> StatementAsync(
        string sellerId, string? month, string? currency, string? page, string? pageSize, IGrainFactory grains, TimeProvider time)
    {
        var first = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        first = new DateOnly(first.Year, first.Month, 1);
        if (!string.IsNullOrEmpty(month) && !TryParseMonth(month, out first))
            return QueryParameter.Invalid("month", MonthFormat);
        if (!string.IsNullOrEmpty(currency) && !CurrencyPattern().IsMatch(currency))
            return QueryParameter.Invalid("currency", "Expected a three-letter ISO 4217 currency code (e.g. USD).");
        if (!QueryParameter.TryNumber(page, 1, int.MaxValue, 1, out var pageNumber))
            return QueryParameter.Invalid("page", "Expected a whole number from 1.");
        if (!QueryParameter.TryNumber(pageSize, 1, MaxPageSize, 500, out var size))
            return QueryParameter.Invalid("pageSize", $"Expected a whole number from 1 to {MaxPageSize}.");

        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        var statement = await grains.GetGrain<IBillingGrain>(sellerId).GetStatementAsync(first, string.IsNullOrEmpty(currency) ? null : currency, pageNumber, size);
        return TypedResults.Ok(statement);
    }

    private static bool TryParseMonth(string text, out DateOnly first)
    {
        first = default;
        var match = MonthPattern().Match(text);
        if (!match.Success)
            return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 9998 || number is < 1 or > 12)
            return false;
        first = new DateOnly(year, number, 1);
        return true;
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})\z")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^[A-Za-z]{3}\z")]
    private static partial Regex CurrencyPattern();
}
