using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.Queries;
using Opside.Api.Sellers;
using Opside.Grains.Claims;
using Opside.Grains.Scoring;
using Opside.Grains.Sellers;

namespace Opside.Api.Filing;

/// <summary>
/// The seller's filing plan for an ISO week (docs/api.md, "Filing plan"; docs/model-card.md, "Filing plan"): the claims
/// to file, in order, within the seller's cap and threshold, and the ones left out with why.
/// </summary>
public static partial class FilingPlanApi
{
    private const string WeekFormat = "Expected an ISO week, YYYY-Www (e.g. 2026-W49), this week or a later one.";

    public static RouteGroupBuilder MapFilingPlanApi(this RouteGroupBuilder seller)
    {
        seller.MapGet("/filing-plan", PlanAsync).WithTags("Claims")
            .WithSummary("The claims to file in the week (default this one), in filing order, and the Claimable claims left out with why.");
        return seller;
    }

    private static async Task<Results<Ok<FilingPlan>, ProblemHttpResult>> PlanAsync(
        string sellerId, string? week, IGrainFactory grains, TimeProvider time, IOptions<FilingOptions> options)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var thisMonday = Monday(ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)));
        DateOnly monday;
        if (string.IsNullOrEmpty(week))
            monday = thisMonday;
        else if (!TryParseWeek(week, out monday) || monday < thisMonday)
            return QueryParameter.Invalid("week", WeekFormat);

        if (await grains.GetGrain<ISellerGrain>(sellerId).GetFilingPolicyAsync() is not { } policy)
            return SellersApi.NotFound();
        var name = Name(monday);
        var plannedFor = monday < today ? today : monday;
        var plan = await grains.GetGrain<IClaimsReaderGrain>(0).PlanFilingAsync(sellerId, name, plannedFor,
            policy.MaxPerWeek ?? options.Value.MaxPerWeek, policy.Threshold ?? FilingPolicy.DefaultThreshold);
        return TypedResults.Ok(plan);
    }

    private static bool TryParseWeek(string text, out DateOnly monday)
    {
        monday = default;
        var match = WeekPattern().Match(text);
        if (!match.Success)
            return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
            return false;
        monday = Monday(year, number);
        return true;
    }

    private static DateOnly Monday(int year, int week) => DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));

    private static string Name(DateOnly monday)
    {
        var day = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }

    [GeneratedRegex(@"^([0-9]{4})-W([0-9]{2})\z")]
    private static partial Regex WeekPattern();
}
