using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Opside.Api.Queries;

/// <summary>What query-string routes share: whole numbers in a range, and the 400 naming the parameter that is wrong.</summary>
internal static class QueryParameter
{
    /// <summary>Empty is <paramref name="fallback"/>; otherwise digits only, from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static bool TryNumber(string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
            return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    public static ProblemHttpResult Invalid(string parameter, string expected) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid '{parameter}'.", detail: expected,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [parameter] = [expected] } });
}
