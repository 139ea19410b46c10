using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Queries;
using Opside.Detection;
using Opside.Grains.Claims;
using ClaimStatus = Opside.Grains.Claims.ClaimStatus;

namespace Opside.Api.Claims;

/// <summary>
/// A claims list's query string (docs/claim-workflow.md, "Lists"): <c>status</c>, <c>type</c> (names in any case),
/// <c>dueSoon</c>, <c>anchorFrom</c>/<c>anchorTo</c> (yyyy-MM-dd), <c>q</c> (part of an identifier), <c>sort</c>
/// (<c>windowCloses</c>, <c>value</c>, <c>anchorDate</c>; a leading <c>-</c> for descending), <c>page</c> from 1 and
/// <c>pageSize</c> up to <see cref="MaxPageSize"/>. Each bad parameter is answered by name.
/// </summary>
internal sealed record ClaimListQuery(ClaimFilter Filter, int Page, int PageSize)
{
    public const int MaxPageSize = 500;
    private const int MaxSearch = 64;

    public static bool TryRead(IQueryCollection query, string? sellerId, bool allowSort, out ClaimListQuery list, out ProblemHttpResult problem)
    {
        list = null!;
        problem = null!;
        string? Value(string name) => query[name].Count > 0 ? query[name][^1] : null;

        if (!TryName<ClaimStatus>(Value("status"), out var status))
            return Fail(out problem, "status", Value("status"), Enum.GetNames<ClaimStatus>());
        if (!TryName<ClaimType>(Value("type"), out var type))
            return Fail(out problem, "type", Value("type"), Enum.GetNames<ClaimType>());
        var dueSoonText = Value("dueSoon");
        if (dueSoonText is { Length: > 0 } && !bool.TryParse(dueSoonText, out _))
            return Fail(out problem, "dueSoon", dueSoonText, ["true", "false"]);
        var dueSoon = dueSoonText is { Length: > 0 } && bool.Parse(dueSoonText);
        if (!TryDay(Value("anchorFrom"), out var anchorFrom))
            return Fail(out problem, "anchorFrom", Value("anchorFrom"), ["a day as yyyy-MM-dd"]);
        if (!TryDay(Value("anchorTo"), out var anchorTo))
            return Fail(out problem, "anchorTo", Value("anchorTo"), ["a day as yyyy-MM-dd"]);
        if (anchorFrom > anchorTo)
            return Fail(out problem, "anchorTo", Value("anchorTo"), ["a day on or after anchorFrom"]);
        var search = Value("q")?.Trim();
        if (search is { Length: > MaxSearch } || search?.Any(char.IsControl) == true)
            return Fail(out problem, "q", search, [$"at most {MaxSearch} printable characters"]);
        var order = ClaimOrder.Queue;
        var descending = false;
        if (allowSort)
        {
            order = ClaimOrder.WindowCloses;
            var sort = Value("sort");
            if (sort is { Length: > 0 })
            {
                descending = sort[0] == '-';
                if (!TryOrder(descending ? sort[1..] : sort, out order))
                    return Fail(out problem, "sort", sort, ["windowCloses", "value", "anchorDate", "each with a leading - for descending"]);
            }
        }

        if (!QueryParameter.TryNumber(Value("page"), 1, int.MaxValue, 1, out var page))
            return Fail(out problem, "page", Value("page"), ["a whole number from 1"]);
        if (!QueryParameter.TryNumber(Value("pageSize"), 1, MaxPageSize, 50, out var size))
            return Fail(out problem, "pageSize", Value("pageSize"), [$"a whole number from 1 to {MaxPageSize}"]);

        var filter = new ClaimFilter(sellerId, status is null ? null : Enum.Parse<ClaimStatus>(status), type, dueSoon, anchorFrom, anchorTo,
            search is { Length: > 0 } ? search : null, order, descending);
        list = new ClaimListQuery(filter, page, size);
        return true;
    }

    /// <summary>Accepts a name in any case and answers it as the contract spells it; empty means no filter.</summary>
    private static bool TryName<TEnum>(string? value, out string? name)
        where TEnum : struct, Enum
    {
        name = null;
        if (string.IsNullOrEmpty(value))
            return true;
        if (!Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || value.Any(char.IsDigit))
            return false;
        name = parsed.ToString();
        return true;
    }

    private static bool TryOrder(string value, out ClaimOrder order)
    {
        order = value.ToLowerInvariant() switch
        {
            "windowcloses" => ClaimOrder.WindowCloses,
            "value" => ClaimOrder.Value,
            "anchordate" => ClaimOrder.AnchorDate,
            _ => ClaimOrder.Queue,
        };
        return order != ClaimOrder.Queue;
    }

    private static bool TryDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(value))
            return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = parsed;
        return true;
    }


    private static bool Fail(out ProblemHttpResult problem, string parameter, string? value, IEnumerable<string> allowed)
    {
        problem = TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid '{parameter}'.",
            detail: $"'{value}': expected {string.Join(", ", allowed)}.");
        return false;
    }
}
